import { hashToken } from '../auth/passwords.js';
import { type Clock, newId, newToken } from '../clock.js';
import type { Db } from '../db/database.js';
import { GROUP_WINDOW_MS, GroupCommit, MAX_GROUP } from '../db/group-commit.js';
import type { NewParticipant } from '../db/schema.js';

export interface Participant {
  id: string;
  /** The secret the phone keeps to stay the same participant after a reload or reconnect. */
  token: string;
  /** Created by this join, so there is nothing of theirs to look up. */
  isNew: boolean;
}

export type ParticipantsService = ReturnType<typeof createParticipantsService>;

/** Anonymous participant identities: a random token per phone and session, stored only as its hash. */
export function createParticipantsService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  // A join storm shares its commits, as answers do.
  const inserts = new GroupCommit<NewParticipant, void>(
    async (rows) => {
      await db.insertInto('participants').values(rows).execute();
      return rows.map(() => undefined);
    },
    MAX_GROUP,
    GROUP_WINDOW_MS,
  );

  return {
    /** Returns the participant a token belongs to in this session, or a new participant once it is stored. */
    async resolve(sessionId: string, token: string | undefined): Promise<Participant> {
      if (token) {
        const row = await db
          .selectFrom('participants')
          .select('id')
          .where('token_hash', '=', hashToken(token))
          .where('session_id', '=', sessionId)
          .executeTakeFirst();
        if (row) return { id: row.id, token, isNew: false };
      }
      const fresh = { id: newId(), token: newToken(), isNew: true };
      await inserts.submit({
        id: fresh.id,
        session_id: sessionId,
        token_hash: hashToken(fresh.token),
        created_at: clock.now().toISOString(),
      });
      return fresh;
    },

    /** Finishes the joins already under way; for shutting down. */
    drain: () => inserts.drain(),
  };
}
