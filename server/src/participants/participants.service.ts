import { hashToken } from '../auth/passwords.js';
import { type Clock, newId, newToken } from '../clock.js';
import { type ModerateNicknameMessage, QUIZ_LIMITS, hasLoneSurrogate, textLength } from '@ettor/protocol';
import { type Db, isUniqueViolation } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { isOffensive } from '../moderation/offensive.js';
import { deckLanguageOf } from '../presentations/presentations.repository.js';
import { GROUP_WINDOW_MS, GroupCommit, MAX_GROUP } from '../db/group-commit.js';
import type { NewParticipant } from '../db/schema.js';

export interface Participant {
  id: string;
  /** The secret the phone keeps to stay the same participant after a reload or reconnect. */
  token: string;
  /** Created by this join, so there is nothing of theirs to look up. */
  isNew: boolean;
  /** The name they play quizzes under; null before they chose one. */
  nickname: string | null;
}

/** Two nicknames that only differ in case or character width ("Anna", "ANNA", "Ａｎｎａ") are the same name. */
const nicknameKey = (nickname: string): string => nickname.normalize('NFKC').toLocaleLowerCase('sv');

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
          .select(['id', 'nickname'])
          .where('token_hash', '=', hashToken(token))
          .where('session_id', '=', sessionId)
          .executeTakeFirst();
        if (row) return { id: row.id, token, isNew: false, nickname: row.nickname };
      }
      const fresh = { id: newId(), token: newToken(), isNew: true, nickname: null };
      await inserts.submit({
        id: fresh.id,
        session_id: sessionId,
        token_hash: hashToken(fresh.token),
        created_at: clock.now().toISOString(),
      });
      return fresh;
    },

    /**
     * Gives a participant the name they play quizzes under: trimmed, at most QUIZ_LIMITS.nicknameLength characters,
     * unique in the session whatever its case or width, and refused when the deck filters offensive words and it is one.
     */
    async setNickname(sessionId: string, participantId: string, typed: string): Promise<string> {
      if (hasLoneSurrogate(typed)) throw new AppError('validation_failed', 'The nickname contains broken characters.');
      const nickname = typed.trim();
      if (nickname.length === 0) throw new AppError('empty_answer', 'Write a nickname first.');
      if (textLength(nickname) > QUIZ_LIMITS.nicknameLength) {
        throw new AppError('too_long', `A nickname may be at most ${QUIZ_LIMITS.nicknameLength} characters.`);
      }
      const deck = await db
        .selectFrom('live_sessions')
        .innerJoin('presentations', 'presentations.id', 'live_sessions.presentation_id')
        .select(['presentations.language', 'presentations.filter_offensive'])
        .where('live_sessions.id', '=', sessionId)
        .executeTakeFirst();
      if (deck?.filter_offensive === 1 && isOffensive(nickname, deckLanguageOf(deck))) {
        throw new AppError('nickname_refused', 'Choose another nickname.');
      }
      try {
        await db
          .updateTable('participants')
          // A new name has not been looked at: a leaderboard that approves first holds it again.
          .set({ nickname, nickname_key: nicknameKey(nickname), nickname_review: null })
          .where('id', '=', participantId)
          .where('session_id', '=', sessionId)
          .execute();
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('nickname_taken', 'Someone in this session already plays under that name.');
        throw error;
      }
      return nickname;
    },

    /** The presenter shows a player's nickname on leaderboards, or keeps it off them; the player is named by that nickname. */
    async reviewNickname(sessionId: string, nickname: string, action: ModerateNicknameMessage['action']): Promise<void> {
      const { numUpdatedRows } = await db
        .updateTable('participants')
        .set({ nickname_review: action === 'approve' ? 'approved' : 'hidden' })
        .where('session_id', '=', sessionId)
        .where('nickname_key', '=', nicknameKey(nickname.trim()))
        .executeTakeFirst();
      if (numUpdatedRows === 0n) throw new AppError('not_found', 'No player in this session has that nickname.');
    },

    /** Finishes the joins already under way; for shutting down. */
    drain: () => inserts.drain(),
  };
}
