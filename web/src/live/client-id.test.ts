import { clientIdSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { newClientId } from './client-id';

describe('newClientId', () => {
  it('is 22 base64url characters, a valid protocol clientId', () => {
    for (let i = 0; i < 200; i++) {
      const id = newClientId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(clientIdSchema.safeParse(id).success).toBe(true);
    }
  });

  it('is new every time', () => {
    const ids = new Set(Array.from({ length: 1000 }, newClientId));
    expect(ids.size).toBe(1000);
  });
});
