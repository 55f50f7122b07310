import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadParticipantToken, saveParticipantToken } from './participant-token';

const TOKEN = 'ncJAxDwE4YAuqVZTCObolVgFTANOi-53';

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('participant token', () => {
  it('keeps one token per join code', () => {
    saveParticipantToken('84061391', TOKEN);
    saveParticipantToken('11112222', 'another-token-of-twenty-chars');

    expect(loadParticipantToken('84061391')).toBe(TOKEN);
    expect(loadParticipantToken('11112222')).toBe('another-token-of-twenty-chars');
    expect(localStorage.getItem('ettor.participant.84061391')).toBe(TOKEN);
  });

  it('has none for a code never joined', () => {
    expect(loadParticipantToken('99999999')).toBeUndefined();
  });

  it('replaces the token of a code', () => {
    saveParticipantToken('84061391', 'an-older-token-of-twenty');
    saveParticipantToken('84061391', TOKEN);
    expect(loadParticipantToken('84061391')).toBe(TOKEN);
  });

  it('works without storage, as when the browser blocks it', () => {
    saveParticipantToken('84061391', TOKEN);
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    vi.stubGlobal('localStorage', { getItem: blocked, setItem: blocked });

    expect(() => saveParticipantToken('84061391', TOKEN)).not.toThrow();
    expect(loadParticipantToken('84061391')).toBeUndefined();
  });
});
