import { z } from 'zod';
import { errorCodeSchema } from './errors.js';
import { QA_ACTIONS, QA_LIMITS } from './kinds/qa/rules.js';
import { QUIZ_LIMITS } from './kinds/quiz/rules.js';
import { REACTIONS } from './reactions.js';
import { WORDCLOUD_LIMITS } from './kinds/wordcloud/rules.js';
import { reactionCountsSchema, segmentSchema } from './reports.js';
import { paceSchema, screenSchema } from './stage.js';
import {
  answerSchema,
  countSchema,
  optionIdSchema,
  qaQuestionIdSchema,
  qaQuestionSchema,
  qaSlideSchema,
  resultsSchema,
  slideIdSchema,
  slideSchema,
  textSchema,
} from './slides.js';

export const joinCodeSchema = z.string().regex(/^\d{8}$/, 'a join code is 8 digits');
/** A client-generated id that makes a retried answer idempotent. */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a client id');
export const participantTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a participant token');

// ---- client → server ----

/** First message of an audience socket: join a session by its code, resuming an identity if known. */
export const joinMessageSchema = z.strictObject({
  type: z.literal('join'),
  v: z.number().int(),
  code: joinCodeSchema,
  participantToken: participantTokenSchema.optional(),
});

/** First message of a presenter or control socket; the session cookie must own the session. */
export const hostMessageSchema = z.strictObject({
  type: z.literal('host'),
  v: z.number().int(),
  sessionId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a session id'),
});

export const answerMessageSchema = z.strictObject({
  type: z.literal('answer'),
  clientId: clientIdSchema,
  slideId: slideIdSchema,
  answer: answerSchema,
});

/** Audience: ask a Q&A slide a question, signed with a name or not. A retry with the same clientId is asked once. */
export const askMessageSchema = z.strictObject({
  type: z.literal('ask'),
  clientId: clientIdSchema,
  slideId: slideIdSchema,
  text: textSchema(QA_LIMITS.maxLength * 8),
  name: textSchema(QA_LIMITS.nameLength * 8).optional(),
});

/** Audience: upvote someone else's question once, or take the vote back (`up: false`). */
export const upvoteMessageSchema = z.strictObject({
  type: z.literal('upvote'),
  clientId: clientIdSchema,
  questionId: qaQuestionIdSchema,
  up: z.boolean(),
});

/** Host only: approve or hide a question, mark it answered, or pin it to the big screen (one at a time). */
export const moderateQuestionMessageSchema = z.strictObject({
  type: z.literal('moderate-question'),
  questionId: qaQuestionIdSchema,
  action: z.enum(QA_ACTIONS),
});

/**
 * Host only: show a player's nickname on leaderboards (`approve`, also after a `hide`) or keep it off them (`hide`: the
 * player is listed without one). Names the player by their nickname, unique in the session.
 */
export const moderateNicknameMessageSchema = z.strictObject({
  type: z.literal('moderate-nickname'),
  nickname: textSchema(QUIZ_LIMITS.nicknameLength * 8).min(1),
  action: z.enum(['approve', 'hide']),
});
export type ModerateNicknameMessage = z.infer<typeof moderateNicknameMessageSchema>;

/** Audience: the name this phone plays quizzes under; unique in the session and checked for offensive words. */
export const setNicknameMessageSchema = z.strictObject({
  type: z.literal('set-nickname'),
  clientId: clientIdSchema,
  nickname: textSchema(QUIZ_LIMITS.nicknameLength * 8),
});

/** Audience: a reaction to whatever is on screen; fire and forget, refused only when too fast or turned off. */
export const reactMessageSchema = z.strictObject({
  type: z.literal('react'),
  reaction: z.enum(REACTIONS),
});

/** Host only: let phones send reactions, or stop them. */
export const setReactionsMessageSchema = z.strictObject({
  type: z.literal('set-reactions'),
  on: z.boolean(),
});

/** Host only: from now on, hold a slide's free text (answers, words, questions) until the presenter approves it, or stop. */
export const setApproveFirstMessageSchema = z.strictObject({
  type: z.literal('set-approve-first'),
  slideId: slideIdSchema,
  on: z.boolean(),
});

/** Host only: black the big screen, cover it with the join screen, or show or hide the code bar; at least one. */
export const setScreenMessageSchema = z
  .strictObject({
    type: z.literal('set-screen'),
    black: z.boolean().optional(),
    joinScreen: z.boolean().optional(),
    codeBar: z.boolean().optional(),
  })
  .refine((message) => message.black !== undefined || message.joinScreen !== undefined || message.codeBar !== undefined, {
    message: 'name black, joinScreen or codeBar',
  });

/** Host only: reveal a question's results on the big screen and phones, or hide them again, for its current round. */
export const revealResultsMessageSchema = z.strictObject({
  type: z.literal('reveal-results'),
  slideId: slideIdSchema,
  shown: z.boolean(),
});

/**
 * Host only: who moves through the deck (the presenter, or each participant at their own pace) and until when answers
 * are taken; left out or null, with no end.
 */
export const setPaceMessageSchema = z.strictObject({
  type: z.literal('set-pace'),
  pace: paceSchema,
  openUntil: z.iso.datetime({ offset: true }).nullable().optional(),
});

/** Audience, at its own pace: the slide this phone is on, whose results it is then sent where phones see them. */
export const viewMessageSchema = z.strictObject({
  type: z.literal('view'),
  slideId: slideIdSchema,
});

/** Audience, away from the room: be sent the results the big screen shows, of every kind, once they may show. */
export const followMessageSchema = z.strictObject({
  type: z.literal('follow'),
  on: z.boolean(),
});

/** Host only: show a slide to everyone. */
export const gotoMessageSchema = z.strictObject({
  type: z.literal('goto'),
  slideId: slideIdSchema,
});

/** The longest a countdown may run or be given more time, in seconds. */
export const MAX_COUNTDOWN_SECONDS = 3600;

/** Host only: open or close voting on a slide; closing may be a countdown of `inSeconds`. */
export const setVotingMessageSchema = z
  .strictObject({
    type: z.literal('set-voting'),
    slideId: slideIdSchema,
    open: z.boolean(),
    inSeconds: z.number().int().min(1).max(MAX_COUNTDOWN_SECONDS).optional(),
  })
  .refine((message) => !message.open || message.inSeconds === undefined, {
    message: 'a countdown only applies to closing',
    path: ['inSeconds'],
  });

/**
 * Host only: steer a question's countdown. `start` begins a timed question's (a quiz's) countdown that is awaiting its
 * start; `pause` stops a running countdown, answering stays open and the clock of speed points stops with it; `resume`
 * runs a paused one on from what it had left; `extend` gives a running or paused countdown `seconds` more.
 */
export const countdownMessageSchema = z
  .strictObject({
    type: z.literal('countdown'),
    slideId: slideIdSchema,
    action: z.enum(['start', 'pause', 'resume', 'extend']),
    seconds: z.number().int().min(1).max(MAX_COUNTDOWN_SECONDS).optional(),
  })
  .refine((message) => (message.action === 'extend') === (message.seconds !== undefined), {
    message: 'seconds go with extend, and only with it',
    path: ['seconds'],
  });
export type CountdownMessage = z.infer<typeof countdownMessageSchema>;

/** Host only: clear a question's results and let everyone answer again; earlier answers are kept, not counted. */
export const resetResultsMessageSchema = z.strictObject({
  type: z.literal('reset-results'),
  slideId: slideIdSchema,
});

/** Host only: hide an open answer from the big screen, or show it again. */
export const hideAnswerMessageSchema = z.strictObject({
  type: z.literal('hide-answer'),
  slideId: slideIdSchema,
  answerId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an answer id'),
  hidden: z.boolean(),
});

/** Host only: hide a word-cloud word (every spelling of it) from the big screen, or show it again. */
export const hideWordMessageSchema = z.strictObject({
  type: z.literal('hide-word'),
  slideId: slideIdSchema,
  word: textSchema(WORDCLOUD_LIMITS.maxLength).min(1),
  hidden: z.boolean(),
});

/** Host only: count a word-cloud word (every form of it) as part of another word from now on; the presenter's merge. */
export const mergeWordMessageSchema = z.strictObject({
  type: z.literal('merge-word'),
  slideId: slideIdSchema,
  word: textSchema(WORDCLOUD_LIMITS.maxLength).min(1),
  into: textSchema(WORDCLOUD_LIMITS.maxLength).min(1),
});

/**
 * Host only: take a word apart again. Words merged into it by hand become their own again; a word whose forms the
 * deck's language put together ("politik", "politiker") is then counted form by form.
 */
export const splitWordMessageSchema = z.strictObject({
  type: z.literal('split-word'),
  slideId: slideIdSchema,
  word: textSchema(WORDCLOUD_LIMITS.maxLength).min(1),
});

/**
 * How the big screen splits results by an earlier single-choice question (a role): everyone, one group, or
 * every group side by side. The groups are the question's options and "not given" (optionId null).
 */
export const splitSchema = z.strictObject({
  slideId: slideIdSchema,
  show: z.union([z.enum(['all', 'side-by-side']), z.strictObject({ optionId: optionIdSchema.nullable() })]),
});
export type Split = z.infer<typeof splitSchema>;

/** Host only: split the big screen's results by a single-choice question, or stop (null). */
export const setSplitMessageSchema = z.strictObject({
  type: z.literal('set-split'),
  split: splitSchema.nullable(),
});

/** Application-level heartbeat; browsers cannot send WebSocket pings. */
export const pingMessageSchema = z.strictObject({
  type: z.literal('ping'),
  t: z.number().finite().optional(),
});

export const clientMessageSchema = z.discriminatedUnion('type', [
  joinMessageSchema,
  hostMessageSchema,
  answerMessageSchema,
  askMessageSchema,
  upvoteMessageSchema,
  moderateQuestionMessageSchema,
  moderateNicknameMessageSchema,
  reactMessageSchema,
  setReactionsMessageSchema,
  setApproveFirstMessageSchema,
  setNicknameMessageSchema,
  gotoMessageSchema,
  setVotingMessageSchema,
  countdownMessageSchema,
  resetResultsMessageSchema,
  hideAnswerMessageSchema,
  hideWordMessageSchema,
  mergeWordMessageSchema,
  splitWordMessageSchema,
  setSplitMessageSchema,
  setScreenMessageSchema,
  revealResultsMessageSchema,
  setPaceMessageSchema,
  viewMessageSchema,
  followMessageSchema,
  pingMessageSchema,
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type JoinMessage = z.infer<typeof joinMessageSchema>;
export type HostMessage = z.infer<typeof hostMessageSchema>;
export type AnswerMessage = z.infer<typeof answerMessageSchema>;
export type AskMessage = z.infer<typeof askMessageSchema>;
export type UpvoteMessage = z.infer<typeof upvoteMessageSchema>;

// ---- server → client ----

/** What everyone in a session sees: the current slide (speaker notes removed) and whether it takes answers. */
export const sessionStateSchema = z.strictObject({
  sessionId: z.string(),
  code: joinCodeSchema,
  title: z.string(),
  status: z.enum(['live', 'ended']),
  /** Grows by one with every change of state; a client keeps the highest it has seen. */
  seq: z.number().int().nonnegative(),
  slideIndex: z.number().int().nonnegative(),
  slideCount: z.number().int().nonnegative(),
  slide: slideSchema.nullable(),
  votingOpen: z.boolean(),
  /** The current slide's answer round: it grows when the presenter clears the results, and phones start over. */
  round: z.number().int().nonnegative(),
  /** Milliseconds until a countdown closes voting on the current slide, as of sending; null without one. */
  closesInMs: z.number().int().nonnegative().nullable(),
  /** Milliseconds a paused countdown of the current slide has left; answering stays open meanwhile. Null unless paused. */
  pausedLeftMs: z.number().int().nonnegative().nullable(),
  /**
   * The current slide is a timed question (a quiz) whose countdown has not begun: it takes answers once the room sees
   * it (a `goto`, the join screen lifted, or the presenter's `countdown start`), so everyone gets the same time.
   */
  awaitingStart: z.boolean(),
  participants: z.number().int().nonnegative(),
  /** k, the deck's anonymity threshold: results of fewer participants are withheld from phones (and, in strict mode, from everyone). */
  anonymityThreshold: countSchema,
  /** The deck's strict anonymity: the presenter's screens get no results of fewer than k either. */
  strictAnonymity: z.boolean(),
  /** How the big screen splits results, or null. */
  split: splitSchema.nullable(),
  /** The Q&A phones may ask from any slide (anytimeQa()), notes removed; null when none allows it. */
  askAnytime: qaSlideSchema.nullable(),
  /** Whether phones may send reactions; the presenter turns them off and on. */
  reactions: z.boolean(),
  /** Black screen, join screen and code bar, so a reloaded window shows exactly what it showed. */
  screen: screenSchema,
  /** Whether the current slide's results may be shown: live ones always, the others once the presenter reveals them. */
  resultsShown: z.boolean(),
  /** Who moves through the deck: the presenter for everyone, or each participant on their own phone (`deck`). */
  pace: paceSchema,
  /** When the session stops taking answers (an ISO time), whatever the pace; null for no end. */
  openUntil: z.iso.datetime().nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

/** A participant's own part in a session's Q&As: what they asked (with its status) and which questions they upvoted. */
export const ownQuestionsSchema = z.strictObject({
  asked: z.array(qaQuestionSchema.extend({ slideId: slideIdSchema })),
  upvoted: z.array(qaQuestionIdSchema),
});
export type OwnQuestions = z.infer<typeof ownQuestionsSchema>;

/** A slide of a self-paced deck as phones get it, with whether it takes answers now, its round and whether its results may show. */
export const pacedSlideSchema = z.strictObject({
  slide: slideSchema,
  votingOpen: z.boolean(),
  round: z.number().int().nonnegative(),
  resultsShown: z.boolean(),
});
export type PacedSlide = z.infer<typeof pacedSlideSchema>;

export const welcomeMessageSchema = z.strictObject({
  type: z.literal('welcome'),
  v: z.number().int(),
  role: z.enum(['audience', 'host']),
  /** Audience only: keep it and send it with the next join to stay the same participant. */
  participantToken: participantTokenSchema.optional(),
  state: sessionStateSchema,
  /** Audience only: this participant's saved answers by slide id. */
  answers: z.record(z.string(), answerSchema),
  /** Audience only: this participant's questions and upvotes; empty for hosts. */
  questions: ownQuestionsSchema,
  /** Audience only: the nickname this participant plays quizzes under; null before one is chosen, and for hosts. */
  nickname: z.string().nullable(),
  /** Audience only, while the session runs at the audience's pace: every slide, as in `deck`. */
  deck: z.array(pacedSlideSchema).optional(),
});

export const stateMessageSchema = z.strictObject({
  type: z.literal('state'),
  state: sessionStateSchema,
});

/** Audience only, while the session runs at the audience's pace: every slide as phones get it, again whenever any of it changes. */
export const deckMessageSchema = z.strictObject({
  type: z.literal('deck'),
  slides: z.array(pacedSlideSchema),
});

/** Live results of one slide: to hosts always, to phones when the slide shows results on phones. */
export const resultsMessageSchema = z.strictObject({
  type: z.literal('results'),
  results: resultsSchema,
});

/** Instead of results: fewer than k have answered, so only how many have (phones always; hosts in strict mode). */
export const withheldMessageSchema = z.strictObject({
  type: z.literal('withheld'),
  slideId: slideIdSchema,
  respondents: countSchema,
});

/** Hosts only, while the results are split: the current question's results per group, k applied as in a report. */
export const segmentsMessageSchema = z.strictObject({
  type: z.literal('segments'),
  slideId: slideIdSchema,
  /** The single-choice question the groups come from. */
  splitBy: slideIdSchema,
  segments: z.array(segmentSchema),
});

export const presenceMessageSchema = z.strictObject({
  type: z.literal('presence'),
  participants: z.number().int().nonnegative(),
});

/** Sent only after the answer is committed. A retry with the same clientId gets the same ack. */
export const ackMessageSchema = z.strictObject({
  type: z.literal('ack'),
  clientId: clientIdSchema,
  slideId: slideIdSchema,
  answer: answerSchema,
});

/** Sent once the question is committed, as the asker sees it; a retry with the same clientId gets the same one. */
export const askedMessageSchema = z.strictObject({
  type: z.literal('asked'),
  clientId: clientIdSchema,
  question: qaQuestionSchema.extend({ slideId: slideIdSchema }),
});

/** Sent once an upvote (or taking it back) is committed. */
export const upvotedMessageSchema = z.strictObject({
  type: z.literal('upvoted'),
  clientId: clientIdSchema,
  questionId: qaQuestionIdSchema,
  up: z.boolean(),
});

/** Hosts only: the reactions a slide got since the last of these (to float on the big screen), and its totals. */
export const reactionsMessageSchema = z.strictObject({
  type: z.literal('reactions'),
  slideId: slideIdSchema,
  added: reactionCountsSchema,
  totals: reactionCountsSchema,
});

/** Sent once a nickname is stored, as stored (trimmed). */
export const nicknameMessageSchema = z.strictObject({
  type: z.literal('nickname'),
  clientId: clientIdSchema,
  nickname: z.string(),
});

/** A participant's standing in the session's quizzes. */
export const scoreSchema = z.strictObject({
  /** Points from every quiz question so far. */
  total: countSchema,
  /** 1 for the highest total; equal totals share a place. Null before the first answer. */
  rank: z.number().int().min(1).nullable(),
  /** Participants who have answered at least one quiz question. */
  players: countSchema,
  /** The quiz question shown, once closed, as this participant did on it; null on a leaderboard. */
  last: z
    .strictObject({
      slideId: slideIdSchema,
      answered: z.boolean(),
      correct: z.boolean(),
      points: countSchema,
      /** Now that it has closed, the right options may be told. */
      correctOptionIds: z.array(optionIdSchema),
    })
    .nullable(),
});
export type Score = z.infer<typeof scoreSchema>;

/** Audience only: the phone's own score and place, when a quiz question closes and while a leaderboard is shown. */
export const scoreMessageSchema = z.strictObject({
  type: z.literal('score'),
  score: scoreSchema,
});

/** A refused message; the socket stays open unless the error is about joining. */
export const errorMessageSchema = z.strictObject({
  type: z.literal('error'),
  code: errorCodeSchema,
  message: z.string(),
  clientId: z.string().optional(),
});

export const pongMessageSchema = z.strictObject({
  type: z.literal('pong'),
  t: z.number().optional(),
});

export const serverMessageSchema = z.discriminatedUnion('type', [
  welcomeMessageSchema,
  stateMessageSchema,
  deckMessageSchema,
  resultsMessageSchema,
  withheldMessageSchema,
  segmentsMessageSchema,
  presenceMessageSchema,
  ackMessageSchema,
  askedMessageSchema,
  upvotedMessageSchema,
  reactionsMessageSchema,
  nicknameMessageSchema,
  scoreMessageSchema,
  errorMessageSchema,
  pongMessageSchema,
]);
export type ServerMessage = z.infer<typeof serverMessageSchema>;
export type WelcomeMessage = z.infer<typeof welcomeMessageSchema>;
export type AckMessage = z.infer<typeof ackMessageSchema>;
export type AskedMessage = z.infer<typeof askedMessageSchema>;
export type UpvotedMessage = z.infer<typeof upvotedMessageSchema>;
export type ReactionsMessage = z.infer<typeof reactionsMessageSchema>;
export type NicknameMessage = z.infer<typeof nicknameMessageSchema>;
export type ScoreMessage = z.infer<typeof scoreMessageSchema>;
export type DeckMessage = z.infer<typeof deckMessageSchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
