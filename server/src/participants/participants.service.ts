import { hashToken } from '../auth/passwords.js';
import { type Clock, newId, newToken } from '../clock.js';
import type { Db } from '../db/database.js';

export interface Participant {
  id: string;
  /** The secret the phone keeps to stay the same participant after a reload or reconnect. */
  token: string;
}

export type ParticipantsService = ReturnType<typeof createParticipantsService>;

/** Anonymous participant identities: a random token per phone and session, stored only as its hash. */
export function createParticipantsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    /** Returns the participant a token belongs to in this session, or a new participant. */
    async resolve(sessionId: string, token: string | undefined): Promise<Participant> {
      if (token) {
        const row = await db
          .selectFrom('participants')
          .select('id')
          .where('token_hash', '=', hashToken(token))
          .where('session_id', '=', sessionId)
          .executeTakeFirst();
        if (row) return { id: row.id, token };
      }
      const fresh = { id: newId(), token: newToken() };
      await db
        .insertInto('participants')
        .values({ id: fresh.id, session_id: sessionId, token_hash: hashToken(fresh.token), created_at: clock.now().toISOString() })
        .execute();
      return fresh;
    },
  };
}
