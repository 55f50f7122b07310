import { PROTOCOL_VERSION } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { parseServerMessage } from './parse-message';
import { parseServerMessageStrictly } from './parse-message-strict';

const state = {
  sessionId: 'session-1',
  code: '84061391',
  title: 'Town hall',
  status: 'live',
  seq: 2,
  slideIndex: 0,
  slideCount: 3,
  slide: null,
  votingOpen: false,
  round: 0,
  closesInMs: null,
  pausedLeftMs: null,
  awaitingStart: false,
  participants: 4,
  anonymityThreshold: 5,
  strictAnonymity: false,
  split: { slideId: 'role', show: { optionId: null } },
  askAnytime: null,
  reactions: true,
  screen: { black: false, joinScreen: false, codeBar: true },
  resultsShown: true,
  pace: 'presenter',
  openUntil: null,
};

describe.each([
  ['the phone’s light parser', parseServerMessage],
  ['the presenter’s schema parser', parseServerMessageStrictly],
])('%s', (_name, parse) => {
  it('reads a well-formed message of each kind it knows', () => {
    const messages = [
      { type: 'welcome', v: PROTOCOL_VERSION, role: 'host', state, answers: {}, questions: { asked: [], upvoted: [] }, nickname: null },
      { type: 'state', state },
      {
        type: 'deck',
        slides: [
          {
            slide: {
              id: 'qa',
              kind: 'qa',
              notes: '',
              question: 'Frågor?',
              anytime: false,
              approveFirst: false,
              names: true,
              maxLength: 280,
            },
            votingOpen: false,
            round: 0,
            resultsShown: true,
          },
        ],
      },
      { type: 'presence', participants: 3 },
      { type: 'withheld', slideId: 'tools', respondents: 3 },
      {
        type: 'segments',
        slideId: 'tools',
        splitBy: 'role',
        segments: [
          {
            optionId: 'staff',
            label: 'Staff',
            respondents: 5,
            results: { kind: 'choice', slideId: 'tools', respondents: 5, counts: [{ optionId: 'daily', count: 5 }] },
          },
          { optionId: null, label: '', respondents: 0, results: null },
        ],
      },
      { type: 'ack', clientId: 'c-0000000001', slideId: 'role', answer: { kind: 'choice', optionIds: ['staff'] } },
      { type: 'error', code: 'voting_closed', message: 'Voting has closed.', clientId: 'c-0000000001' },
      { type: 'nickname', clientId: 'c-0000000002', nickname: 'Solrosen' },
      {
        type: 'score',
        score: {
          total: 1750,
          rank: 2,
          players: 9,
          last: { slideId: 'quiz', answered: true, correct: true, points: 750, correctOptionIds: ['b'] },
        },
      },
      { type: 'pong', t: 1712345678901 },
    ];
    for (const message of messages) expect(parse(JSON.stringify(message))).toEqual(message);
  });

  it('drops what is not JSON, not an object or of an unknown type', () => {
    for (const data of ['', '{"type":', 'null', '42', '"pong"', '[]', '{}', '{"type":"surprise"}', '{"type":7}']) {
      expect(parse(data), data).toBeNull();
    }
  });
});

describe('the two parsers differ on a malformed message of a known type', () => {
  const broken = JSON.stringify({ type: 'presence', participants: 'many' });

  it('the light one trusts the server', () => {
    expect(parseServerMessage(broken)).toEqual({ type: 'presence', participants: 'many' });
  });

  it('the schema one drops it', () => {
    expect(parseServerMessageStrictly(broken)).toBeNull();
    expect(parseServerMessageStrictly(JSON.stringify({ type: 'pong', extra: true }))).toBeNull();
  });
});
