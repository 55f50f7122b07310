import type { Generated, Insertable, Selectable } from 'kysely';

/** Table types. Timestamps are ISO 8601 text and booleans 0/1 integers, so one schema serves SQLite and PostgreSQL. */
export interface Database {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  settings: SettingsTable;
  presentations: PresentationsTable;
  slides: SlidesTable;
  media: MediaTable;
  live_sessions: LiveSessionsTable;
  slide_states: SlideStatesTable;
  participants: ParticipantsTable;
  responses: ResponsesTable;
  answer_receipts: AnswerReceiptsTable;
  hidden_words: HiddenWordsTable;
  word_groups: WordGroupsTable;
  shown_words: ShownWordsTable;
  qa_questions: QaQuestionsTable;
  qa_votes: QaVotesTable;
  slide_reactions: SlideReactionsTable;
  share_links: ShareLinksTable;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
}

export interface AuthSessionsTable {
  /** SHA-256 of the cookie token, so a database leak does not leak live sessions. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface PresentationsTable {
  id: string;
  owner_id: string;
  title: string;
  /** k: the smallest group whose results a session report shows. */
  anonymity_threshold: number;
  /** 1: exports of the deck's results carry aggregates only, no individual responses. */
  strict_anonymity: number;
  /** A DeckLanguage: 'sv' or 'en'. */
  language: string;
  /** 1: every quiz countdown runs twice as long. */
  extended_time: number;
  /** 1: free text with offensive words is held for the presenter. */
  filter_offensive: number;
  /** A Theme: 'light', 'dark' or 'high-contrast'. */
  theme: string;
  /** #rrggbb, or null for the theme's own accent. */
  brand_color: string | null;
  /** The uploaded image shown as the deck's logo, or null. */
  logo_asset_id: string | null;
  /** A RevealMode: 'live' or 'on-reveal', the default of questions that do not choose. */
  reveal_results: string;
  created_at: string;
  updated_at: string;
}

export interface SlidesTable {
  id: string;
  presentation_id: string;
  position: number;
  /** The whole slide as JSON, validated by the protocol's slide schema on the way in and out. */
  data: string;
}

export interface MediaTable {
  id: string;
  owner_id: string;
  content_type: string;
  bytes: Buffer;
  created_at: string;
}

export interface LiveSessionsTable {
  id: string;
  presentation_id: string;
  owner_id: string;
  code: string;
  status: 'live' | 'ended';
  current_slide_id: string | null;
  seq: number;
  started_at: string;
  ended_at: string | null;
  /** How the big screen splits results: JSON of the protocol's `splitSchema`, or null. */
  split: string | null;
  /** When the answer-retention setting deleted the session's answers and participants; null while they are kept. */
  answers_purged_at: string | null;
  /** 1 when the presenter turned reactions off. */
  reactions_off: number;
  /** 1 while the big screen is black. */
  screen_black: number;
  /** 1 while the join screen covers the slide; a new session starts with it. */
  join_screen: number;
  /** 1 while the join code's bar runs along the slide's bottom edge. */
  code_bar: number;
  /** Who moves through the deck: `presenter`, or each participant at their own pace, `audience` (migration 0013-pace). */
  pace: string;
  /** When the session stops taking answers, an ISO time; null for no end. */
  open_until: string | null;
}

export interface SlideStatesTable {
  session_id: string;
  slide_id: string;
  /** When voting closed; null while open. A time, not a timer, so every node and restart agrees. */
  closed_at: string | null;
  /** Bumped when the presenter clears the results; answers of earlier rounds are kept but not counted. */
  round: number;
  /** When the round's answering began (its first countdown, or opening a timed question by hand); null before. */
  opened_at: string | null;
  /** Milliseconds a paused countdown has left; null unless paused (migration 0014-countdown). */
  paused_left_ms: number | null;
  /** The round's pauses, JSON [{from, to}] with to null while paused: speed points count only the time the countdown ran. */
  pauses: Generated<string>;
  /** 1 once the presenter revealed the round's results (a question that waits for it); a new round hides them again. */
  revealed: Generated<number>;
}

export interface ParticipantsTable {
  id: string;
  session_id: string;
  /** SHA-256 of the participant token the phone keeps. */
  token_hash: string;
  created_at: string;
  /** The name the participant plays quizzes under, as typed (trimmed); null before one is chosen. */
  nickname: string | null;
  /** The nickname as compared for uniqueness in the session (case and width folded). */
  nickname_key: string | null;
  /** The presenter's look at the nickname: null until then, `approved` or `hidden` (migration 0015-nickname-review). */
  nickname_review: string | null;
}

export interface ResponsesTable {
  id: string;
  session_id: string;
  slide_id: string;
  participant_id: string;
  /** The answer as JSON, as the slide's rules stored it; read back through the protocol's answer schema. */
  answer: string;
  client_id: string;
  /** The slide's round this answer belongs to; see SlideStatesTable.round. */
  round: number;
  /** Set when the presenter hid this answer from the screen; it still counts as a respondent. */
  hidden_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Word-cloud words the presenter hid from the screen, by their merge key. */
export interface HiddenWordsTable {
  session_id: string;
  slide_id: string;
  word_key: string;
}

/** A word-cloud word the presenter showed on the big screen although the offensive-word filter held it. */
export interface ShownWordsTable {
  session_id: string;
  slide_id: string;
  word_key: string;
}

/** A word-cloud word the presenter regrouped: merged into another word (its natural group key), or split (null). */
export interface WordGroupsTable {
  session_id: string;
  slide_id: string;
  /** The word's natural group key (wordGroupKey in the deck's language). */
  word_key: string;
  into_key: string | null;
}

/** Read-only links to a session's results; revoked ones are kept, marked, so a token is never reused. */
export interface ShareLinksTable {
  id: string;
  session_id: string;
  /** The secret in the link: 256 random bits, base64url. Kept so the owner can copy the link again. */
  token: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AnswerReceiptsTable {
  participant_id: string;
  client_id: string;
  slide_id: string;
  /** The acked answer as JSON; read back through the protocol's answer schema. */
  answer: string;
  created_at: string;
}

export type UserRow = Selectable<UsersTable>;
export type PresentationRow = Selectable<PresentationsTable>;
export type LiveSessionRow = Selectable<LiveSessionsTable>;
export type ShareLinkRow = Selectable<ShareLinksTable>;
export type NewResponse = Insertable<ResponsesTable>;
export type NewParticipant = Insertable<ParticipantsTable>;

export interface QaQuestionsTable {
  id: string;
  session_id: string;
  /** The Q&A slide it was asked of. */
  slide_id: string;
  participant_id: string;
  /** The asking phone's id for the message, so that a retry finds the question instead of asking it again. */
  client_id: string;
  text: string;
  /** The name it was signed with; null when anonymous. */
  name: string | null;
  asked_at: string;
  /** 'pending' (awaits approval), 'shown' or 'hidden'. */
  status: string;
  answered_at: string | null;
  pinned_at: string | null;
}

export interface QaVotesTable {
  question_id: string;
  participant_id: string;
  session_id: string;
  voted_at: string;
  /** The phone's id for the upvote message, so that a resent upvote is recognised; null for votes stored before it was kept. */
  client_id: string | null;
}

export interface SlideReactionsTable {
  session_id: string;
  slide_id: string;
  /** One of the protocol's REACTIONS. */
  reaction: string;
  count: number;
}
