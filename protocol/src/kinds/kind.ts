// The plain (zod-free) contract every slide kind fulfils; the registry in ./registry.ts holds one per kind.
import type { ErrorCode, Problem } from '../error-codes.js';
import type { Answer, AnswerKind, AnswerOf, ResultKind, ResultsOf, Slide, SlideInputOf, SlideKind, SlideOf } from '../slides.js';

export type AnswerCheck = { ok: true; answer: Answer } | { ok: false; problem: Problem };

export const fail = (code: ErrorCode, message: string): AnswerCheck => ({ ok: false, problem: { code, message } });

/** How a kind that takes answers judges them. */
export interface AnswerRules<K extends AnswerKind> {
  /** The slide's rules applied to an answer of its kind: the answer as it will be stored (cleaned, in slide order), or the first rule it breaks. */
  check(slide: SlideOf<K>, answer: AnswerOf<K>): AnswerCheck;
  /** Whether phones see this slide's results once they have answered. */
  resultsOnPhones(slide: SlideOf<K>): boolean;
  /** Seconds the slide takes answers once first shown (a countdown that starts by itself); null for no limit. */
  timeLimit(slide: SlideOf<K>): number | null;
  /** The slide as phones get it: without what would give the answer away (a quiz's correct options). */
  forPhones(slide: SlideOf<K>): SlideOf<K>;
  /**
   * The parts of the results the anonymity threshold applies to one by one, as how many people each is drawn from (a
   * scale's statements: how many rated each); null when it applies to the results as a whole.
   */
  parts(results: ResultsOf<K>): readonly number[] | null;
  /** The results with the parts marked true withheld: their numbers gone, "för få svar" shown instead. */
  withholdParts(results: ResultsOf<K>, withheld: readonly boolean[]): ResultsOf<K>;
}

/** The rules of a question that takes answers until the presenter closes it and shows phones all of itself. */
export const plainQuestion = {
  timeLimit: (): number | null => null,
  forPhones: <S>(slide: S): S => slide,
};

/** The threshold rules of a kind whose results are withheld only as a whole. */
export const wholeResults = {
  parts: (): readonly number[] | null => null,
  withholdParts: <R>(results: R): R => results,
};

/** Everything the protocol knows about one kind of slide. Pure: the phone, the server and the bench run the same rules. */
export interface KindRules<K extends SlideKind> {
  /** Null for a kind that takes no answers. */
  answers: K extends AnswerKind ? AnswerRules<K> : null;
  /** Whether the slide has results: every question, and a kind drawn from other slides' answers. */
  hasResults: K extends ResultKind ? true : false;
  /** The results without what the presenter hid from the big screen or has not approved, for anyone but the presenter (phones, a share link). */
  withoutHidden: K extends ResultKind ? (results: ResultsOf<K>) => ResultsOf<K> : null;
  /** For a kind whose live results are more than a phone needs (a Q&A's long list): the part phones get, after withoutHidden. */
  forPhonesOnly?: K extends ResultKind ? (results: ResultsOf<K>) => ResultsOf<K> : never;
  /**
   * For a kind without answers whose results are drawn person by person (a Q&A's askers, a leaderboard's players): they
   * split by an earlier single choice as a question's do. A topography, already split by its own question, is not.
   */
  splitsBySegment?: K extends AnswerKind ? never : K extends ResultKind ? true : never;
  /** A new slide as the editor starts it, before the schema's defaults: `id` is its id, `newId` makes ids for its items. */
  blank(id: string, newId: () => string): SlideInputOf<K>;
  /** The text that names the slide in lists, outlines and screen-reader labels. */
  title(slide: SlideOf<K>): string;
  /** The uploaded images the slide shows, by asset id: a deck file must carry them. */
  assetIds(slide: SlideOf<K>): readonly string[];
  /** The slide with each asset id mapped to another (a deck import's new ids) or to null (an image that is gone, left out). */
  mapAssets(slide: SlideOf<K>, map: (assetId: string) => string | null): SlideOf<K>;
  /** The other slides whose answers this slide's results are drawn from (a topography's two questions). */
  sources(slide: SlideOf<K>): readonly string[];
  /** Why the slides it draws on cannot serve it in this deck, or null when they can. */
  checkSources(slide: SlideOf<K>, deck: readonly Slide[]): Problem | null;
  /** The slide with each slide it draws on mapped to another id (a copied deck's new ids). */
  mapSources(slide: SlideOf<K>, map: (slideId: string) => string): SlideOf<K>;
}

/** The asset rules of a kind that shows no uploaded images. */
export const withoutAssets = {
  assetIds: (): readonly string[] => [],
  mapAssets: <S>(slide: S): S => slide,
};

/** The source rules of a kind whose results come from its own answers only. */
export const withoutSources = {
  sources: (): readonly string[] => [],
  checkSources: (): Problem | null => null,
  mapSources: <S>(slide: S): S => slide,
};
