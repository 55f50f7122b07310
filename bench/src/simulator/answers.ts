import {
  type Answer,
  type AnswerKind,
  type AnswerOf,
  type QaSlide,
  type QuestionSlide,
  type ScaleSlide,
  type SlideOf,
  regionCentre,
  regionOnImage,
} from '@ettor/protocol';

const WORDS = [
  'Mod',
  'Tillit',
  'Nyfikenhet',
  'Ledarskap',
  'Samarbete',
  'Öppenhet',
  'Kunskap',
  'Tid',
  'Resurser',
  'Vilja',
  'Förändring',
  'Digitalt',
  'Ansvar',
  'Lärande',
  'Dialog',
  'Helhetssyn',
  'Uthållighet',
  'Tydlighet',
  'Mål',
  'Kultur',
];
const PHRASES = [
  'Vi behöver mer tid för att lära oss nya verktyg',
  'Ledningen måste gå före och visa vägen',
  'Börja smått och dela det som fungerar',
  'Utbildning för alla, inte bara för IT-avdelningen',
  'Fråga medborgarna vad de faktiskt behöver',
];
const QUESTIONS = [
  'Hur hittar vi tid att lära oss de nya verktygen',
  'Vem bestämmer vilka tjänster som digitaliseras först',
  'Vad betyder det här för de mindre kommunerna',
  'Hur når vi medborgarna som inte är uppkopplade',
  'Var kan vi läsa mer om piloterna',
];
/** Where several options may be chosen, the chance a person ticks each one besides their first. */
const ALSO_PICKED = 0.25;
/** Where "don't know" is offered, the chance a person gives it for a statement. */
const DONT_KNOW = 0.08;

/** How people in a room answer one kind of question. */
interface SimulatedKind<K extends AnswerKind> {
  /** The share of a real room that answers a question of this kind. */
  share: number;
  /** A plausible answer from person number `phone`, as the server would store it (clean, in the slide's order). */
  answer(slide: SlideOf<K>, phone: number, random: () => number): AnswerOf<K>;
}

/** A kind people cannot answer here does not compile. */
export const SIMULATED_ANSWERS: { readonly [K in AnswerKind]: SimulatedKind<K> } = {
  // Most of a room plays; about half know the answer, the rest guess.
  quiz: {
    share: 0.85,
    answer(slide, _phone, random) {
      const guess = slide.options[Math.floor(random() * slide.options.length)]?.id ?? '';
      return { kind: 'quiz', optionIds: [slide.correct[0] !== undefined && random() < 0.5 ? slide.correct[0] : guess] };
    },
  },
  choice: {
    share: 0.8,
    answer(slide, _phone, random) {
      const first = Math.floor(random() * slide.options.length);
      const picked = slide.options.filter((_, index) => index === first || (slide.allowMultiple && random() < ALSO_PICKED));
      return { kind: 'choice', optionIds: picked.map((option) => option.id) };
    },
  },
  wordcloud: {
    share: 0.5,
    answer(slide, _phone, random) {
      const wanted = 1 + Math.floor(random() * Math.min(3, slide.maxEntries));
      const entries = new Set<string>();
      while (entries.size < wanted) entries.add((WORDS[Math.floor(random() * WORDS.length)] ?? 'Mod').slice(0, slide.maxLength));
      return { kind: 'wordcloud', entries: [...entries] };
    },
  },
  open: {
    share: 0.2,
    answer(slide, phone) {
      // Trimmed as the server stores it, so a phone's text is the one on the wall.
      return { kind: 'open', text: `${PHRASES[phone % PHRASES.length] ?? ''} (${phone})`.slice(0, slide.maxLength).trim() };
    },
  },
  scale: {
    share: 0.6,
    answer(slide, _phone, random) {
      return {
        kind: 'scale',
        ratings: slide.statements.map((statement, index) => ({ statementId: statement.id, value: rating(slide, index, random) })),
      };
    },
  },
  ranking: {
    share: 0.6,
    answer(slide, _phone, random) {
      // The room shares a leaning per item (golden-ratio steps), each person's order a noisy reading of it.
      const order = slide.items.map((item, index) => ({ id: item.id, weight: ((index * 0.618034) % 1) + random() * 0.8 }));
      return { kind: 'ranking', order: order.sort((a, b) => b.weight - a.weight).map((item) => item.id) };
    },
  },
  points: {
    share: 0.5,
    answer(slide, _phone, random) {
      // One to three items get the budget, split by chance; what rounding leaves is left unspent, as people do.
      const chosen = slide.items.filter((_, index) => index === Math.floor(random() * slide.items.length) || random() < 0.3).slice(0, 3);
      const picked = chosen.length > 0 ? chosen : slide.items.slice(0, 1);
      const weights = picked.map(() => 0.2 + random());
      const sum = weights.reduce((a, b) => a + b, 0);
      const allocations = picked.map((item, index) => ({
        itemId: item.id,
        points: Math.floor((slide.budget * (weights[index] ?? 0)) / sum),
      }));
      return { kind: 'points', allocations: allocations.filter((allocation) => allocation.points > 0) };
    },
  },
  grid: {
    share: 0.5,
    answer(slide, _phone, random) {
      const placed = slide.items.filter((_, index) => index === 0 || random() < 0.7);
      const value = () => Math.floor(random() * (slide.max + 1));
      return { kind: 'grid', placements: placed.map(({ id }) => ({ itemId: id, x: value(), y: value() })) };
    },
  },
  pin: {
    share: 0.6,
    answer(slide, _phone, random) {
      // Most pins gather near a named region's centre, a few land anywhere; stored to thousandths, as the server keeps them.
      const region = slide.regions[Math.floor(random() * slide.regions.length)];
      const hot = region ? regionCentre(regionOnImage(region)) : { x: 0.5, y: 0.5 };
      const spread = random() < 0.7 ? 0.08 : 1;
      const at = (centre: number) => Math.round(Math.min(1, Math.max(0, centre + (random() - 0.5) * spread)) * 1000) / 1000;
      return { kind: 'pin', x: at(hot.x), y: at(hot.y) };
    },
  },
};

/** How a room takes part in a Q&A during a talk: a few ask, more upvote what they see. */
export const SIMULATED_QA = {
  /** The share of a real room that asks a question. */
  askShare: 0.01,
  /** Upvotes per person in the room: some upvote a few questions, most none. */
  upvotesPerPerson: 0.3,
  /** Where names are allowed, the share of people who sign their question. */
  signedShare: 0.3,
};

/** The question person number `phone` asks, as the server stores it (trimmed), signed or not. */
export function simulatedQuestion(slide: QaSlide, phone: number, random = Math.random): { text: string; name?: string } {
  const text = `${QUESTIONS[phone % QUESTIONS.length] ?? ''}? (${phone})`.slice(0, slide.maxLength).trim();
  return slide.names && random() < SIMULATED_QA.signedShare ? { text, name: `Deltagare ${phone}` } : { text };
}

/** A person's answer to a question slide. */
export function simulatedAnswer(slide: QuestionSlide, phone: number, random = Math.random): Answer {
  return answerOfKind(slide.kind, slide, phone, random);
}

/** The one place where a slide and its kind's simulation are paired: generic in the kind, so no cast is needed. */
function answerOfKind<K extends AnswerKind>(kind: K, slide: SlideOf<K>, phone: number, random: () => number): AnswerOf<K> {
  return SIMULATED_ANSWERS[kind].answer(slide, phone, random);
}

/**
 * One statement's rating as a room gives it: the room shares a leaning per statement (spread over the scale by
 * golden-ratio steps, so statements differ), each person lands near it, and a few say "don't know" where they may.
 */
function rating(slide: ScaleSlide, index: number, random: () => number): number | null {
  if (slide.allowSkip && random() < DONT_KNOW) return null;
  const leaning = 0.2 + 0.6 * ((index * 0.618034) % 1);
  // Three dice summed make a bell curve; scaled to a standard deviation of one step.
  const spread = (random() + random() + random() - 1.5) * 2;
  return Math.min(slide.steps, Math.max(1, Math.round(1 + leaning * (slide.steps - 1) + spread)));
}
