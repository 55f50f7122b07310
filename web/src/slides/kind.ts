// The parts of the web app every slide kind supplies; ./phone-kinds.ts and ./presenter-kinds.ts hold one set per kind.
import type {
  Answer,
  AnswerKind,
  AnswerOf,
  DerivedKind,
  ErrorCode,
  ModerateNicknameMessage,
  OwnQuestions,
  QaAction,
  QaKind,
  QaQuestion,
  QaResults,
  QaSlide,
  QuestionSlide,
  ResultKind,
  ResultSlide,
  Results,
  ResultsOf,
  Slide,
  SlideKind,
  SlideOf,
} from '@ettor/protocol';
import type { Component } from 'svelte';
import type { RunHeading } from '../results/change';
import type { Part } from './lazy.svelte';

/** Kinds that only show something: no answers, no results. */
export type InfoKind = Exclude<SlideKind, ResultKind>;
export type InfoSlide = SlideOf<InfoKind>;

/** A slide that takes no answers, drawn on the big screen or a phone. */
export interface BodyProps<K extends InfoKind> {
  slide: SlideOf<K>;
  variant: 'screen' | 'phone';
  level?: number;
}

/** The form a slide's settings are edited in; it changes the bound slide in place. */
export interface SettingsProps<K extends SlideKind> {
  slide: SlideOf<K>;
  /** The whole deck as it is now, for a slide drawn from other slides (a topography picks its questions). */
  deck: readonly Slide[];
}
export type Settings<K extends SlideKind> = Component<SettingsProps<K>, object, 'slide'>;

/** The phone's answering form; the draft is the answer being written, checked by the protocol's rules before sending. */
export interface PhoneFormProps<K extends AnswerKind> {
  slide: SlideOf<K>;
  draft: AnswerOf<K>;
  disabled: boolean;
  /** The id of the question's heading, which names the form. */
  labelledBy: string;
}

/** Whether a question shown live takes answers, and until when. */
export interface Voting {
  open: boolean;
  /** When a countdown closes the answers, on this device's clock; null without one. */
  closesAt: number | null;
  /** What a paused countdown has left, in milliseconds, while answering stays open; null unless paused. */
  pausedLeftMs: number | null;
  /** A timed question (a quiz) whose countdown has not begun: not open yet, and nothing of its outcome may show. */
  awaitingStart: boolean;
}

/** Results of a slide as drawn for people: on the big screen, or on a phone. */
export interface ResultsProps<K extends ResultKind> {
  slide: SlideOf<K>;
  /** Undefined before the first answer. */
  results: ResultsOf<K> | undefined;
  /** On the big screen and in the editor's preview; absent on the results pages, where answering is over. */
  voting?: Voting;
}

/** What the presenter may do to keep the big screen clean. */
export interface Moderation {
  hideAnswer(answerId: string, hidden: boolean): void;
  hideWord(word: string, hidden: boolean): void;
  /** Counts a word-cloud word as part of another from now on. */
  mergeWord(word: string, into: string): void;
  /** Takes a word apart: words merged into it stand alone again, or else its forms are counted one by one. */
  splitWord(word: string): void;
  /** Approves, hides, answers or pins a question of the current Q&A. */
  moderateQuestion(questionId: string, action: QaAction): void;
  /** Shows a player's nickname on leaderboards (also one hidden before), or keeps it off them. */
  moderateNickname(nickname: string, action: ModerateNicknameMessage['action']): void;
}

export interface SummaryProps<K extends ResultKind> extends ResultsProps<K> {
  moderation: Moderation;
}

/** Error texts that name a slide's own limits, by code; codes left out get the general text. */
export type ProblemTexts<K extends AnswerKind> = { readonly [C in ErrorCode]?: (slide: SlideOf<K>) => string };

/** A question kind on the phone: its form, its draft and what to say when the draft breaks a rule. */
export interface QuestionPhone<K extends AnswerKind> {
  /** Fetched on demand for a kind few decks use; the draft and the texts below stay at hand, for refusals that come meanwhile. */
  Form: Part<Component<PhoneFormProps<K>, object, 'draft'>>;
  /** The draft a phone starts from: a copy of the saved answer, or an empty one. */
  draft(slide: SlideOf<K>, saved: AnswerOf<K> | undefined): AnswerOf<K>;
  problems: ProblemTexts<K>;
  /** What phones show once they have answered, when the slide's rules say so; null for a kind that never shows results there. */
  Results: Component<ResultsProps<K>> | null;
  /** What the phone says once the answer is in, for a kind with more to say than that it is saved (a quiz: when the result comes). */
  savedText?: () => string;
}

export interface InfoPhone<K extends InfoKind> {
  Body: Component<BodyProps<K>>;
}

/** A kind drawn from other slides' answers, on the phone: its results, which phones always see. */
export interface DerivedPhone<K extends DerivedKind> {
  Results: Part<Component<ResultsProps<K>>>;
}

/** A Q&A on the phone: the questions asked so far, and the phone's own asking and upvoting through the live connection. */
export interface QaPhoneProps {
  slide: QaSlide;
  /** Only questions the presenter lets everyone see; undefined before the first. */
  results: QaResults | undefined;
  /** This participant's questions (with their status, pending ones too) and upvotes. */
  own: OwnQuestions;
  /** False while the phone is offline: what it sends waits for the connection. */
  connected: boolean;
  /** Sends a question; returns the clientId its confirmation or refusal carries. */
  ask(text: string, name: string | undefined): string;
  /** Upvotes a question or takes the vote back; returns the clientId its confirmation or refusal carries. */
  upvote(questionId: string, up: boolean): string;
  /** Refusals of what this phone sent, by clientId. */
  refusals: Readonly<Record<string, ErrorCode>>;
  /** Questions the server took, by the clientId they were sent with: says whether one was shown at once or awaits approval. */
  asked: Readonly<Record<string, QaQuestion>>;
  /** The level of the slide's heading; 2 on the phone's page, under its visually hidden title. */
  level?: number;
}

export interface QaPhone {
  Board: Component<QaPhoneProps>;
}

export type PhoneKind<K extends SlideKind> = K extends AnswerKind
  ? QuestionPhone<K>
  : K extends DerivedKind
    ? DerivedPhone<K>
    : K extends QaKind
      ? QaPhone
      : K extends InfoKind
        ? InfoPhone<K>
        : never;

/** Runs of a deck compared: each run's results of one slide, oldest (the baseline) first. */
export interface ChangeProps<K extends ResultKind> {
  slide: SlideOf<K>;
  /** Null where the threshold withheld a run's results. */
  runs: (ResultsOf<K> | null)[];
  /** How a table names each run, in the same order. */
  headings: RunHeading[];
}

/** A kind with results on the presenter's page: its results on the big screen, its settings and the control view's summary. */
export interface ResultPresenter<K extends ResultKind> {
  Results: Component<ResultsProps<K>>;
  Settings: Settings<K>;
  Summary: Component<SummaryProps<K>>;
  /** How its means changed between runs, on the compare page; null for a kind without means. */
  Change: Component<ChangeProps<K>> | null;
  /**
   * Its view shows no figures while the question takes answers (a quiz shows its options, not how the room leans), so
   * the big screen draws it then even while the anonymity threshold withholds the results.
   */
  blindWhileOpen?: true;
}

export interface InfoPresenter<K extends InfoKind> {
  Body: Component<BodyProps<K>>;
  Settings: Settings<K>;
}

export type PresenterKind<K extends SlideKind> = K extends ResultKind ? ResultPresenter<K> : K extends InfoKind ? InfoPresenter<K> : never;

/** A slide's results, if these are of its kind and for it (the previous question's never are). */
export function resultsFor<S extends ResultSlide>(slide: S, results: Results | undefined): ResultsOf<S['kind']> | undefined {
  if (results === undefined || results.kind !== slide.kind || results.slideId !== slide.id) return undefined;
  // Of the slide's kind, which TypeScript cannot follow through the union.
  return results as ResultsOf<S['kind']>;
}

/** The saved answer a draft starts from, if it fits the slide. */
export function savedFor(slide: QuestionSlide, saved: Answer | undefined): Answer | undefined {
  return saved?.kind === slide.kind ? saved : undefined;
}
