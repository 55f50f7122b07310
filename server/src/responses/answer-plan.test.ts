import { type Answer, type ChoiceSlide, type ContentSlide, type OpenSlide, slideSchema } from '@ettor/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import {
  type AnswerTarget,
  type HeldResponse,
  type Outcome,
  type Plan,
  type PlanInput,
  type Receipt,
  type Submission,
  planAnswers,
  receiptKey,
  responseKey,
} from './answer-plan.js';

const NOW = '2025-03-01T12:00:00.000Z';
const SESSION = 's1';

const options = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
  { id: 'c', label: 'C' },
];
const changeable = slideSchema.parse({ id: 'pick', kind: 'choice', question: 'Pick?', options }) as ChoiceSlide;
const locked = slideSchema.parse({ id: 'once', kind: 'choice', question: 'Once?', options, allowChange: false }) as ChoiceSlide;
const closed = slideSchema.parse({ id: 'closed', kind: 'choice', question: 'Closed?', options }) as ChoiceSlide;
const say = slideSchema.parse({ id: 'say', kind: 'open', question: 'Say?' }) as OpenSlide;
const intro = slideSchema.parse({ id: 'intro', kind: 'content', heading: 'Welcome' }) as ContentSlide;

/** No answer here has offensive words: the filter's own tests are in moderation/ and open-answers.test.ts. */
const never = (): boolean => false;

const targets: Record<string, AnswerTarget> = {
  pick: { slide: changeable, votingOpen: true, round: 1, holdsBack: never },
  once: { slide: locked, votingOpen: true, round: 3, holdsBack: never },
  closed: { slide: closed, votingOpen: false, round: 1, holdsBack: never },
  say: { slide: say, votingOpen: true, round: 1, holdsBack: never },
  intro: { slide: intro, votingOpen: true, round: 1, holdsBack: never },
};

const targetOf = (sessionId: string, slideId: string): AnswerTarget | AppError => {
  if (sessionId === 's2' && slideId === 'pick') return { slide: changeable, votingOpen: true, round: 2, holdsBack: never };
  return targets[slideId] ?? new AppError('unknown_slide', 'There is no such slide in this presentation.');
};

const counter = (): (() => string) => {
  let next = 0;
  return () => `r${(next += 1)}`;
};

const pick = (...optionIds: string[]): Answer => ({ kind: 'choice', optionIds });

const submission = (participantId: string, clientId: string, slideId: string, answer: Answer, sessionId = SESSION): Submission => ({
  sessionId,
  participantId,
  clientId,
  slideId,
  answer,
});

function plan(submissions: Submission[], input: Partial<PlanInput> = {}): Plan {
  return planAnswers({ submissions, targetOf, receipts: new Map(), responses: new Map(), now: NOW, newId: counter(), ...input });
}

const codeOf = (outcome: Outcome | undefined): string | undefined => {
  if (!outcome || !('error' in outcome)) return undefined;
  return outcome.error instanceof AppError ? outcome.error.code : String(outcome.error);
};

const nothingWritten = { inserts: [], changes: [], receipts: [], stored: [] };

describe('planAnswers', () => {
  it('stores a new answer: one insert, one receipt row, a changed ack and the answer for the tally', () => {
    const result = plan([submission('p1', 'c1', 'pick', pick('b'))]);

    expect(result.outcomes).toEqual([{ ack: { clientId: 'c1', slideId: 'pick', answer: pick('b') }, changed: true }]);
    expect(result.inserts).toEqual([
      {
        id: 'r1',
        session_id: SESSION,
        slide_id: 'pick',
        participant_id: 'p1',
        answer: JSON.stringify(pick('b')),
        client_id: 'c1',
        round: 1,
        hidden_at: null,
        created_at: NOW,
        updated_at: NOW,
      },
    ]);
    expect(result.changes).toEqual([]);
    expect(result.receipts).toEqual([
      { participant_id: 'p1', client_id: 'c1', slide_id: 'pick', answer: JSON.stringify(pick('b')), created_at: NOW },
    ]);
    expect(result.stored).toEqual([
      { sessionId: SESSION, slideId: 'pick', round: 1, answers: [{ id: 'r1', answer: pick('b'), updatedAt: NOW, hidden: false }] },
    ]);
  });

  it('stores and acks the answer as checked, not as sent', () => {
    const result = plan([submission('p1', 'c1', 'say', { kind: 'open', text: '  hello  ' })]);

    expect(result.outcomes[0]).toEqual({ ack: { clientId: 'c1', slideId: 'say', answer: { kind: 'open', text: 'hello' } }, changed: true });
    expect(result.inserts[0]?.answer).toBe(JSON.stringify({ kind: 'open', text: 'hello' }));
    expect(result.receipts[0]?.answer).toBe(JSON.stringify({ kind: 'open', text: 'hello' }));
  });

  it('answers a retry of a stored clientId with the first ack and changes nothing', () => {
    const receipts = new Map<string, Receipt>([[receiptKey('p1', 'c1'), { slideId: 'pick', answer: pick('a') }]]);

    const result = plan([submission('p1', 'c1', 'pick', pick('b'))], { receipts });

    expect(result.outcomes).toEqual([{ ack: { clientId: 'c1', slideId: 'pick', answer: pick('a') }, changed: false }]);
    expect(result).toMatchObject(nothingWritten);
  });

  it('answers a retry with its first ack even after voting has closed', () => {
    const receipts = new Map<string, Receipt>([[receiptKey('p1', 'c1'), { slideId: 'closed', answer: pick('a') }]]);

    const result = plan([submission('p1', 'c1', 'closed', pick('a'))], { receipts });

    expect(result.outcomes).toEqual([{ ack: { clientId: 'c1', slideId: 'closed', answer: pick('a') }, changed: false }]);
  });

  it('answers a retry within the same batch with the first ack: one insert, one receipt row, equal acks', () => {
    const result = plan([submission('p1', 'c1', 'pick', pick('a')), submission('p1', 'c1', 'pick', pick('b'))]);

    const [first, second] = result.outcomes;
    expect(first).toEqual({ ack: { clientId: 'c1', slideId: 'pick', answer: pick('a') }, changed: true });
    expect(second).toEqual({ ack: { clientId: 'c1', slideId: 'pick', answer: pick('a') }, changed: false });
    expect(result.inserts).toHaveLength(1);
    expect(result.inserts[0]?.answer).toBe(JSON.stringify(pick('a')));
    expect(result.receipts).toHaveLength(1);
    expect(result.stored.flatMap((entry) => entry.answers)).toHaveLength(1);
  });

  it('refuses a clientId already used for another slide with validation_failed', () => {
    const receipts = new Map<string, Receipt>([[receiptKey('p1', 'c1'), { slideId: 'say', answer: { kind: 'open', text: 'hi' } }]]);

    const result = plan([submission('p1', 'c1', 'pick', pick('a'))], { receipts });

    expect(codeOf(result.outcomes[0])).toBe('validation_failed');
    expect(result).toMatchObject(nothingWritten);
  });

  it('refuses a clientId used for another slide earlier in the same batch with validation_failed', () => {
    const result = plan([submission('p1', 'c1', 'pick', pick('a')), submission('p1', 'c1', 'once', pick('a'))]);

    expect(codeOf(result.outcomes[1])).toBe('validation_failed');
    expect(result.inserts).toHaveLength(1);
  });

  it('refuses with the very error targetOf gives for the session or slide', () => {
    const ended = new AppError('session_ended', 'This session has ended.');

    const result = plan([submission('p1', 'c1', 'pick', pick('a')), submission('p1', 'c2', 'nowhere', pick('a'))], {
      targetOf: (_, slideId) => (slideId === 'pick' ? ended : targetOf(SESSION, slideId)),
    });

    expect((result.outcomes[0] as { error: unknown }).error).toBe(ended);
    expect(codeOf(result.outcomes[1])).toBe('unknown_slide');
    expect(result).toMatchObject(nothingWritten);
  });

  it.each([
    ['an option not on the slide', pick('z'), 'unknown_option'],
    ['two options on a single-choice slide', pick('a', 'b'), 'too_many_entries'],
    ['the same option twice', pick('a', 'a'), 'duplicate_entry'],
    ['an answer of another kind', { kind: 'open', text: 'a' } satisfies Answer, 'wrong_answer_kind'],
  ])('refuses %s with the code the answer rules give', (_, answer, code) => {
    const result = plan([submission('p1', 'c1', 'pick', answer)]);

    expect(codeOf(result.outcomes[0])).toBe(code);
    expect(result).toMatchObject(nothingWritten);
  });

  it('refuses an answer to a content slide with not_a_question', () => {
    const result = plan([submission('p1', 'c1', 'intro', pick('a'))]);

    expect(codeOf(result.outcomes[0])).toBe('not_a_question');
    expect(result).toMatchObject(nothingWritten);
  });

  it('refuses an answer with voting_closed while voting is closed', () => {
    const result = plan([submission('p1', 'c1', 'closed', pick('a'))]);

    expect(codeOf(result.outcomes[0])).toBe('voting_closed');
    expect(result).toMatchObject(nothingWritten);
  });

  it('refuses a second answer with already_answered when the slide does not allow changes', () => {
    const responses = new Map<string, HeldResponse>([[responseKey(SESSION, 'once', 3, 'p1'), { id: 'old', hiddenAt: null }]]);

    const result = plan([submission('p1', 'c1', 'once', pick('b'))], { responses });

    expect(codeOf(result.outcomes[0])).toBe('already_answered');
    expect(result).toMatchObject(nothingWritten);
  });

  it('refuses with already_answered when the first answer was inserted earlier in the same batch', () => {
    const result = plan([submission('p1', 'c1', 'once', pick('a')), submission('p1', 'c2', 'once', pick('b'))]);

    expect(result.outcomes[0]).toMatchObject({ changed: true });
    expect(codeOf(result.outcomes[1])).toBe('already_answered');
    expect(result.inserts).toHaveLength(1);
    expect(result.inserts[0]?.answer).toBe(JSON.stringify(pick('a')));
    expect(result.receipts.map((row) => row.client_id)).toEqual(['c1']);
  });

  it('does not count an answer from an earlier round as already given', () => {
    const responses = new Map<string, HeldResponse>([[responseKey(SESSION, 'once', 2, 'p1'), { id: 'old', hiddenAt: null }]]);

    const result = plan([submission('p1', 'c1', 'once', pick('b'))], { responses });

    expect(result.outcomes[0]).toMatchObject({ changed: true });
    expect(result.inserts).toMatchObject([{ id: 'r1', round: 3 }]);
    expect(result.changes).toEqual([]);
  });

  it('changes a stored answer when the slide allows it, and the tally gets its id and hidden flag', () => {
    const responses = new Map<string, HeldResponse>([[responseKey(SESSION, 'pick', 1, 'p1'), { id: 'old', hiddenAt: NOW }]]);

    const result = plan([submission('p1', 'c2', 'pick', pick('c'))], { responses });

    expect(result.outcomes).toEqual([{ ack: { clientId: 'c2', slideId: 'pick', answer: pick('c') }, changed: true }]);
    expect(result.inserts).toEqual([]);
    expect(result.changes).toEqual([{ id: 'old', answer: JSON.stringify(pick('c')), client_id: 'c2', updated_at: NOW, hidden_at: NOW }]);
    expect(result.receipts).toMatchObject([{ participant_id: 'p1', client_id: 'c2', slide_id: 'pick' }]);
    expect(result.stored).toEqual([
      { sessionId: SESSION, slideId: 'pick', round: 1, answers: [{ id: 'old', answer: pick('c'), updatedAt: NOW, hidden: true }] },
    ]);
  });

  it('keeps one change per stored answer changed twice in a batch, with the last answer', () => {
    const responses = new Map<string, HeldResponse>([[responseKey(SESSION, 'pick', 1, 'p1'), { id: 'old', hiddenAt: null }]]);

    const result = plan([submission('p1', 'c2', 'pick', pick('b')), submission('p1', 'c3', 'pick', pick('c'))], { responses });

    expect(result.changes).toEqual([{ id: 'old', answer: JSON.stringify(pick('c')), client_id: 'c3', updated_at: NOW, hidden_at: null }]);
    expect(result.receipts.map((row) => row.client_id)).toEqual(['c2', 'c3']);
  });

  it('updates an answer inserted earlier in the same batch in place when the slide allows changes', () => {
    const result = plan([submission('p1', 'c1', 'pick', pick('a')), submission('p1', 'c2', 'pick', pick('b'))]);

    expect(result.outcomes).toEqual([
      { ack: { clientId: 'c1', slideId: 'pick', answer: pick('a') }, changed: true },
      { ack: { clientId: 'c2', slideId: 'pick', answer: pick('b') }, changed: true },
    ]);
    expect(result.inserts).toHaveLength(1);
    expect(result.inserts[0]).toMatchObject({ id: 'r1', answer: JSON.stringify(pick('b')), client_id: 'c2', updated_at: NOW });
    expect(result.changes).toEqual([]);
    expect(result.receipts.map((row) => [row.client_id, row.answer])).toEqual([
      ['c1', JSON.stringify(pick('a'))],
      ['c2', JSON.stringify(pick('b'))],
    ]);
    expect(result.stored).toEqual([
      {
        sessionId: SESSION,
        slideId: 'pick',
        round: 1,
        answers: [
          { id: 'r1', answer: pick('a'), updatedAt: NOW, hidden: false },
          { id: 'r1', answer: pick('b'), updatedAt: NOW, hidden: false },
        ],
      },
    ]);
  });

  it('groups the answers for the tallies by session, slide and round', () => {
    const result = plan([
      submission('p1', 'c1', 'pick', pick('a')),
      submission('p2', 'c2', 'say', { kind: 'open', text: 'hi' }),
      submission('p3', 'c3', 'pick', pick('a'), 's2'),
      submission('p2', 'c4', 'pick', pick('b')),
    ]);

    expect(result.stored.map(({ sessionId, slideId, round, answers }) => [sessionId, slideId, round, answers.map((a) => a.id)])).toEqual([
      [SESSION, 'pick', 1, ['r1', 'r4']],
      [SESSION, 'say', 1, ['r2']],
      ['s2', 'pick', 2, ['r3']],
    ]);
    expect(result.inserts.map((row) => [row.session_id, row.round])).toEqual([
      [SESSION, 1],
      [SESSION, 1],
      ['s2', 2],
      [SESSION, 1],
    ]);
  });

  it('writes nothing for a refused submission and leaves the others in the batch as they would be alone', () => {
    const good = [submission('p1', 'c1', 'pick', pick('a')), submission('p2', 'c2', 'pick', pick('b'))];
    const alone = plan(good);

    const result = plan([good[0] as Submission, submission('p3', 'c3', 'pick', pick('z')), good[1] as Submission]);

    expect(codeOf(result.outcomes[1])).toBe('unknown_option');
    expect([result.outcomes[0], result.outcomes[2]]).toEqual(alone.outcomes);
    expect(result.inserts).toEqual(alone.inserts);
    expect(result.receipts).toEqual(alone.receipts);
    expect(result.stored).toEqual(alone.stored);
  });

  it('does not let a refused submission claim its clientId: a later valid use of it is stored', () => {
    const result = plan([submission('p1', 'c1', 'pick', pick('z')), submission('p1', 'c1', 'pick', pick('a'))]);

    expect(codeOf(result.outcomes[0])).toBe('unknown_option');
    expect(result.outcomes[1]).toEqual({ ack: { clientId: 'c1', slideId: 'pick', answer: pick('a') }, changed: true });
    expect(result.receipts).toHaveLength(1);
  });
});

describe('planAnswers: property', () => {
  const participants = ['p1', 'p2', 'p3'];
  const answerArb = fc.oneof(
    fc.subarray(['a', 'b', 'z'], { minLength: 1 }).map((optionIds): Answer => ({ kind: 'choice', optionIds })),
    fc.constant<Answer>({ kind: 'open', text: 'hi' }),
  );
  const submissionArb = fc.record({
    sessionId: fc.constant(SESSION),
    participantId: fc.constantFrom(...participants),
    clientId: fc.constantFrom('c1', 'c2', 'c3', 'c4'),
    slideId: fc.constantFrom('pick', 'once', 'closed', 'say', 'intro'),
    answer: answerArb,
  });
  const heldArb = fc.uniqueArray(
    fc.record({ participantId: fc.constantFrom(...participants), slideId: fc.constantFrom('pick', 'once'), hidden: fc.boolean() }),
    { selector: (held) => `${held.participantId}/${held.slideId}`, maxLength: 3 },
  );

  const heldResponses = (held: { participantId: string; slideId: string; hidden: boolean }[]) =>
    new Map<string, HeldResponse>(
      held.map(({ participantId, slideId, hidden }) => [
        responseKey(SESSION, slideId, targets[slideId]?.round ?? 0, participantId),
        { id: `held-${participantId}-${slideId}`, hiddenAt: hidden ? NOW : null },
      ]),
    );

  const normalise = (outcomes: Outcome[]) => outcomes.map((outcome) => ('error' in outcome ? { error: codeOf(outcome) } : outcome));

  /** The rows a plan writes, by id, once its inserts and changes are applied in turn. */
  const applied = (table: Map<string, { key: string; answer: string; clientId: string }>, result: Plan) => {
    for (const row of result.inserts) {
      const key = responseKey(row.session_id, row.slide_id, row.round, row.participant_id);
      table.set(row.id, { key, answer: row.answer, clientId: row.client_id });
    }
    for (const { id, answer, client_id } of result.changes) table.set(id, { key: table.get(id)?.key ?? id, answer, clientId: client_id });
    return table;
  };

  const storedBySlide = (plans: Plan[]) => {
    const bySlide = new Map<string, unknown[]>();
    for (const { sessionId, slideId, round, answers } of plans.flatMap((result) => result.stored)) {
      const key = `${sessionId}/${slideId}/${round}`;
      bySlide.set(key, [...(bySlide.get(key) ?? []), ...answers]);
    }
    return bySlide;
  };

  it('writes one receipt row per changed outcome and at most one insert per participant, slide and round', () => {
    fc.assert(
      fc.property(fc.array(submissionArb, { maxLength: 30 }), heldArb, (submissions, held) => {
        const responses = heldResponses(held);
        const result = plan(submissions, { responses });

        expect(result.outcomes).toHaveLength(submissions.length);
        const changed = result.outcomes.filter((outcome) => 'ack' in outcome && outcome.changed).length;
        expect(result.receipts).toHaveLength(changed);
        expect(result.stored.flatMap((entry) => entry.answers)).toHaveLength(changed);
        expect(result.inserts.length + result.changes.length).toBeLessThanOrEqual(changed);
        const insertKeys = result.inserts.map((row) => responseKey(row.session_id, row.slide_id, row.round, row.participant_id));
        expect(new Set(insertKeys).size).toBe(insertKeys.length);
        for (const key of insertKeys) expect(responses.has(key)).toBe(false);
        const receiptKeys = result.receipts.map((row) => receiptKey(row.participant_id, row.client_id));
        expect(new Set(receiptKeys).size).toBe(receiptKeys.length);
      }),
    );
  });

  it('decides a batch as it decides the same submissions split in two, the second half seeing what the first wrote', () => {
    fc.assert(
      fc.property(
        fc
          .array(submissionArb, { maxLength: 30 })
          .chain((submissions) => fc.tuple(fc.constant(submissions), fc.nat({ max: submissions.length }), heldArb)),
        ([submissions, at, held]) => {
          const responses = heldResponses(held);
          const whole = plan(submissions, { responses });

          const newId = counter();
          const first = plan(submissions.slice(0, at), { responses, newId });
          const receiptsAfter = new Map<string, Receipt>(
            first.receipts.map((row) => [
              receiptKey(row.participant_id, row.client_id),
              { slideId: row.slide_id, answer: JSON.parse(row.answer) as Answer },
            ]),
          );
          const responsesAfter = new Map(responses);
          for (const row of first.inserts) {
            responsesAfter.set(responseKey(row.session_id, row.slide_id, row.round, row.participant_id), {
              id: row.id,
              hiddenAt: null,
            });
          }
          const second = plan(submissions.slice(at), { receipts: receiptsAfter, responses: responsesAfter, newId });

          expect(normalise([...first.outcomes, ...second.outcomes])).toEqual(normalise(whole.outcomes));
          expect([...first.receipts, ...second.receipts]).toEqual(whole.receipts);
          expect(applied(applied(new Map(), first), second)).toEqual(applied(new Map(), whole));
          expect(storedBySlide([first, second])).toEqual(storedBySlide([whole]));
        },
      ),
    );
  });
});
