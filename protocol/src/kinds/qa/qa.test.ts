import { describe, expect, it } from 'vitest';
import { KIND_RULES, resultsForPhones, withoutHiddenEntries } from '../registry.js';
import { type QaQuestion, type QaSlide, type Slide, slideSchema } from '../../slides.js';
import { QA_LIMITS, anytimeQa, byVotes, checkQuestion, listedQuestions, orderQuestions } from './rules.js';

const slide = (over: Partial<QaSlide> = {}): QaSlide =>
  slideSchema.parse({ id: 'qa', kind: 'qa', question: 'Frågor?', ...over }) as QaSlide;

const question = (id: string, over: Partial<QaQuestion> = {}): QaQuestion => ({
  id,
  text: `Fråga ${id}`,
  name: null,
  askedAt: '2026-12-02T10:00:00.000Z',
  votes: 0,
  status: 'shown',
  answered: false,
  pinned: false,
  ...over,
});

describe('a Q&A slide', () => {
  it('takes questions from any slide, unmoderated and with names allowed, unless set otherwise', () => {
    expect(slide()).toMatchObject({ anytime: true, approveFirst: false, names: true, maxLength: 280 });
    expect(() => slideSchema.parse({ id: 'qa', kind: 'qa', question: '', maxLength: QA_LIMITS.maxLength + 1 })).toThrow();
  });

  it('is the one phones ask from any slide when it is the first that allows it', () => {
    const deck: Slide[] = [slide({ id: 'closed', anytime: false }), slide({ id: 'first' }), slide({ id: 'second' })];
    expect(anytimeQa(deck)?.id).toBe('first');
    expect(anytimeQa([slide({ anytime: false })])).toBeNull();
  });

  it('has results but takes no answers', () => {
    expect(KIND_RULES.qa.answers).toBeNull();
    expect(KIND_RULES.qa.hasResults).toBe(true);
  });
});

describe('checkQuestion', () => {
  it('trims the question and an empty name, and keeps a name where names are allowed', () => {
    expect(checkQuestion(slide(), '  Hur?  ', ' ')).toEqual({ ok: true, text: 'Hur?', name: null });
    expect(checkQuestion(slide(), 'Hur?', ' Anna ')).toEqual({ ok: true, text: 'Hur?', name: 'Anna' });
  });

  it.each([
    ['an empty question', slide(), '  ', undefined, 'empty_answer'],
    ['a question over the slide length', slide({ maxLength: 5 }), 'Varför?', undefined, 'too_long'],
    ['a name where questions are anonymous', slide({ names: false }), 'Hur?', 'Anna', 'validation_failed'],
    ['a name over the limit', slide(), 'Hur?', 'A'.repeat(QA_LIMITS.nameLength + 1), 'too_long'],
    ['a broken character', slide(), 'Hur \ud800', undefined, 'validation_failed'],
  ])('refuses %s', (_case, qa, text, name, code) => {
    expect(checkQuestion(qa, text, name)).toMatchObject({ ok: false, problem: { code } });
  });

  it('counts characters as people see them, so an emoji is one', () => {
    expect(checkQuestion(slide({ maxLength: 3 }), '👍🏽👍🏽👍🏽', undefined).ok).toBe(true);
  });
});

describe('the order and listing of questions', () => {
  it('puts the most upvoted first, and an older question before a newer one with as many votes', () => {
    const older = question('a', { votes: 2, askedAt: '2026-12-02T10:00:00.000Z' });
    const newer = question('b', { votes: 2, askedAt: '2026-12-02T10:05:00.000Z' });
    const top = question('c', { votes: 5 });
    expect([newer, older, top].sort(byVotes).map((q) => q.id)).toEqual(['c', 'a', 'b']);
    expect(orderQuestions([older, top, newer], 'newest').map((q) => q.id)).toEqual(['b', 'a', 'c']);
  });

  it('lists the most upvoted, the newest, the pinned one and the oldest awaiting approval, each part capped', () => {
    const { listedPerPart } = QA_LIMITS;
    const at = (n: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, n)).toISOString();
    const popular = Array.from({ length: listedPerPart + 5 }, (_, n) => question(`p${n}`, { votes: 1000 - n, askedAt: at(n) }));
    const recent = Array.from({ length: listedPerPart + 5 }, (_, n) => question(`r${n}`, { askedAt: at(1000 + n) }));
    const pinned = question('pinned', { pinned: true, askedAt: at(500) });
    const pending = Array.from({ length: listedPerPart + 5 }, (_, n) => question(`q${n}`, { status: 'pending', askedAt: at(2000 + n) }));
    const listed = listedQuestions([...popular, ...recent, pinned, ...pending]).map((q) => q.id);
    expect(listed).toContain('pinned');
    expect(listed).toContain('p0');
    expect(listed).not.toContain(`p${listedPerPart}`);
    expect(listed).toContain(`r${listedPerPart + 4}`);
    expect(listed).not.toContain('r0');
    expect(listed).toContain('q0');
    expect(listed).not.toContain(`q${listedPerPart}`);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('leaves hidden and unapproved questions out of what anyone but the presenter sees', () => {
    const results = {
      kind: 'qa' as const,
      slideId: 'qa',
      respondents: 3,
      total: 3,
      pending: 1,
      hidden: 1,
      questions: [question('shown'), question('hidden', { status: 'hidden' }), question('pending', { status: 'pending' })],
    };
    const seen = withoutHiddenEntries(results);
    expect(seen.kind === 'qa' && seen.questions.map((q) => q.id)).toEqual(['shown']);
  });

  it('sends phones the pinned question, the most upvoted and the newest, not the whole list', () => {
    const { phonePerPart } = QA_LIMITS;
    const at = (n: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, n)).toISOString();
    const many = Array.from({ length: phonePerPart * 4 }, (_, n) =>
      question(`q${n}`, { votes: n % 10 === 0 ? 100 + n : 0, askedAt: at(n) }),
    );
    const pinned = question('pinned', { pinned: true, askedAt: at(0) });
    const hidden = question('hidden', { status: 'hidden', votes: 999 });
    const results = {
      kind: 'qa' as const,
      slideId: 'qa',
      respondents: 9,
      total: many.length + 2,
      pending: 0,
      hidden: 1,
      questions: [...many, pinned, hidden],
    };
    const phone = resultsForPhones(results);
    if (phone.kind !== 'qa') throw new Error('not a Q&A');
    const ids = phone.questions.map((q) => q.id);
    expect(ids.length).toBeLessThanOrEqual(phonePerPart * 2 + 1);
    expect(ids).toContain('pinned');
    expect(ids).toContain(`q${phonePerPart * 4 - 1}`);
    expect(ids).toContain('q0');
    expect(ids).not.toContain('hidden');
    expect(phone).toMatchObject({ total: many.length + 1, hidden: 0 });
  });
});
