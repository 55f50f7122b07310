import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Core, createCore } from '../main.js';
import { type TestDatabase, dialects } from '../test/services.js';
import { type RetentionService, createRetentionService, scheduleRetention } from './retention.service.js';

const DAY_MS = 86_400_000;
const START = new Date('2026-03-02T09:00:00.000Z');

describe.each(dialects)('answer retention on $name', (dialect) => {
  let database: TestDatabase;
  let dataDir: string;
  let core: Core;
  let retention: RetentionService;
  let now = START;
  const clock = { now: () => now };
  const at = (days: number) => new Date(START.getTime() + days * DAY_MS);

  beforeAll(async () => {
    if (dialect.skipReason) return;
    database = await dialect.create();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-retention-'));
    core = await createCore({ databaseUrl: database.databaseUrl, dataDir, signupOpenByDefault: false }, { clock });
    retention = createRetentionService({ db: core.store.db, clock, settings: core.auth.settings });
  });
  afterAll(async () => {
    if (dialect.skipReason) return;
    await core.close();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * A session of the example deck where one phone put a word in the cloud and asked a question another phone upvoted,
   * the word hidden and the results shared.
   */
  async function answeredSession(userId: string, deckId: string, slideId: string, qaSlideId: string): Promise<string> {
    const session = await core.sessions.start(userId, deckId);
    const participant = await core.participants.resolve(session.id, undefined);
    await core.responses.submit({
      sessionId: session.id,
      participantId: participant.id,
      clientId: 'c1',
      slideId,
      answer: { kind: 'wordcloud', entries: ['hemligt'] },
    });
    await core.responses.hideWord(userId, session.id, slideId, 'hemligt', true);
    const asked = await core.qa.submit({
      type: 'ask',
      sessionId: session.id,
      participantId: participant.id,
      clientId: 'c2',
      slideId: qaSlideId,
      text: 'Vem?',
    });
    const voter = await core.participants.resolve(session.id, undefined);
    const questionId = 'question' in asked ? asked.question.id : '';
    await core.qa.submit({ type: 'upvote', sessionId: session.id, participantId: voter.id, clientId: 'c3', questionId, up: true });
    await core.shareLinks.create(userId, session.id);
    return session.id;
  }

  /** What is stored from a session's audience, by table. */
  async function stored(sessionId: string) {
    const { db } = core.store;
    const count = async (table: 'responses' | 'participants' | 'hidden_words' | 'share_links' | 'qa_questions' | 'qa_votes') =>
      (await db.selectFrom(table).select('session_id').where('session_id', '=', sessionId).execute()).length;
    const receipts = await db
      .selectFrom('answer_receipts')
      .innerJoin('participants', 'participants.id', 'answer_receipts.participant_id')
      .select('client_id')
      .where('participants.session_id', '=', sessionId)
      .execute();
    return {
      responses: await count('responses'),
      participants: await count('participants'),
      receipts: receipts.length,
      hiddenWords: await count('hidden_words'),
      shareLinks: await count('share_links'),
      questions: await count('qa_questions'),
      upvotes: await count('qa_votes'),
    };
  }
  const whole = { responses: 1, participants: 2, receipts: 1, hiddenWords: 1, shareLinks: 1, questions: 1, upvotes: 1 };

  it.skipIf(dialect.skipReason)(
    'deletes the answers of sessions that ended more than N days ago, and only those, once; null keeps everything',
    async () => {
      const user = await core.auth.addUser({ email: 'kim@example.se', password: 'ett långt lösenord', name: 'Kim', isAdmin: true });
      const [deck] = await core.presentations.list(user.id);
      const slides = (await core.presentations.get(user.id, deck!.id)).slides;
      const cloud = slides.find((slide) => slide.kind === 'wordcloud')!.id;
      const qa = slides.find((slide) => slide.kind === 'qa')!.id;
      const old = await answeredSession(user.id, deck!.id, cloud, qa);
      const recent = await answeredSession(user.id, deck!.id, cloud, qa);
      const live = await answeredSession(user.id, deck!.id, cloud, qa);
      await core.sessions.end(user.id, old);
      now = at(2);
      await core.sessions.end(user.id, recent);
      // 31 days after the first ended and 29 after the second.
      now = at(31);

      expect((await core.auth.settings()).answerRetentionDays).toBeNull();
      expect(await retention.runOnce()).toEqual({ sessions: 0 });
      for (const id of [old, recent, live]) expect(await stored(id)).toEqual(whole);

      await core.auth.updateSettings({ answerRetentionDays: 30 });
      expect(await retention.runOnce()).toEqual({ sessions: 1 });
      expect(await stored(old)).toEqual({
        responses: 0,
        participants: 0,
        receipts: 0,
        hiddenWords: 0,
        shareLinks: 0,
        questions: 0,
        upvotes: 0,
      });
      expect(await stored(recent)).toEqual(whole);
      expect(await stored(live)).toEqual(whole);
      const sessions = await core.store.db
        .selectFrom('live_sessions')
        .select(['id', 'status', 'answers_purged_at'])
        .where('id', 'in', [old, recent, live])
        .execute();
      expect(new Map(sessions.map((row) => [row.id, [row.status, row.answers_purged_at]]))).toEqual(
        new Map([
          [old, ['ended', at(31).toISOString()]],
          [recent, ['ended', null]],
          [live, ['live', null]],
        ]),
      );
      // The session is still there to list, with nothing of its audience left to report.
      expect((await core.reports.listSessions(user.id, deck!.id)).find((summary) => summary.id === old)).toMatchObject({
        participants: 0,
        answers: 0,
        answersPurgedAt: at(31).toISOString(),
      });

      now = at(31.5);
      expect(await retention.runOnce()).toEqual({ sessions: 0 });
      expect(await stored(recent)).toEqual(whole);
      expect(await stored(live)).toEqual(whole);

      await core.auth.updateSettings({ answerRetentionDays: null });
      now = at(400);
      expect(await retention.runOnce()).toEqual({ sessions: 0 });
      expect(await stored(recent)).toEqual(whole);
    },
  );
});

describe('the retention schedule', () => {
  it('runs at once and then every interval, one run at a time, logs counts and errors only, and stops', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      let finishThird: (result: { sessions: number }) => void = () => undefined;
      const third = new Promise<{ sessions: number }>((resolve) => (finishThird = resolve));
      const results: Array<{ sessions: number } | Error | Promise<{ sessions: number }>> = [
        { sessions: 2 },
        new Error('database gone'),
        third,
      ];
      const runOnce = vi.fn(async () => {
        const next = results.shift() ?? { sessions: 0 };
        if (next instanceof Error) throw next;
        return next;
      });
      const log = { info: vi.fn(), error: vi.fn() };
      const stop = scheduleRetention({ runOnce }, log, 1000);
      expect(runOnce).toHaveBeenCalledTimes(1);
      await vi.waitFor(() => expect(log.info).toHaveBeenCalledWith({ sessions: 2 }, expect.any(String)));
      vi.advanceTimersByTime(1000);
      await vi.waitFor(() => expect(log.error).toHaveBeenCalledWith({ err: expect.any(Error) }, 'answer retention failed'));
      vi.advanceTimersByTime(1000);
      expect(runOnce).toHaveBeenCalledTimes(3);
      // The third run is still going, so the next tick starts none.
      vi.advanceTimersByTime(1000);
      expect(runOnce).toHaveBeenCalledTimes(3);
      const stopped = stop();
      finishThird({ sessions: 0 });
      await stopped;
      vi.advanceTimersByTime(5000);
      expect(runOnce).toHaveBeenCalledTimes(3);
      expect(log.info).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
