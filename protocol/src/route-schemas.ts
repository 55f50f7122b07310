import { z } from 'zod';
import { deckFileSchema } from './deck.js';
import type { ErrorCode } from './error-codes.js';
import {
  assetSchema,
  createPresentationBodySchema,
  createSlideBodySchema,
  healthSchema,
  joinInfoSchema,
  loginBodySchema,
  presentationSchema,
  presentationSummarySchema,
  reorderSlidesBodySchema,
  sessionDetailSchema,
  sessionInfoSchema,
  settingsPatchSchema,
  settingsSchema,
  setupStatusSchema,
  signupBodySchema,
  updatePresentationBodySchema,
  userSchema,
} from './http.js';
import { ASSET_TYPES, COMPARED_RUNS } from './limits.js';
import {
  exportFormatSchema,
  sessionComparisonSchema,
  sessionReportSchema,
  sessionSummarySchema,
  sharedReportSchema,
  shareLinkSchema,
  templateSummarySchema,
} from './reports.js';
import type { PathParamName, ROUTES, RouteName, RouteParams, RouteSpec } from './routes.js';
import { slideIdSchema, slideSchema } from './slides.js';

/** A multipart form body: each file field with the media types it takes. */
export interface MultipartBody {
  readonly multipart: Readonly<Record<string, readonly string[]>>;
}

/** A response of raw bytes in one of these media types, not JSON. */
export interface BinaryResponse {
  readonly binary: readonly string[];
}

/** A route's parameters as a schema: an object of strings, as they come from the path. */
type ParamsSchema<Names extends string> = z.ZodType<{ [K in Names]: string }, Record<string, unknown>>;

/** A route's query string as a schema: what a client sends are strings, as they stand in the address. */
type QuerySchema = z.ZodType<Record<string, unknown>, Record<string, string | undefined>>;

/** What ROUTE_SCHEMAS holds for any route. */
export interface RouteSchemas {
  /** One line for the OpenAPI document. */
  readonly summary: string;
  readonly description?: string;
  /** The refusals particular to the route; those its authentication and body imply are added by the document. */
  readonly errors?: readonly ErrorCode[];
  readonly params?: ParamsSchema<string>;
  /** The query string's fields; a route without one ignores any query string. */
  readonly query?: QuerySchema;
  /** A JSON body's schema, or a multipart form. */
  readonly body?: z.ZodType | MultipartBody;
  /** A JSON response's schema, or raw bytes; absent for 204. */
  readonly response?: z.ZodType | BinaryResponse;
  /** Other statuses answered with the same response shape, and when. */
  readonly otherStatuses?: Readonly<Record<number, string>>;
}

/** RouteSchemas narrowed to one route: parameters exactly when its path has them, no body on GET or DELETE, no response with 204. */
type SchemasFor<S extends RouteSpec> = RouteSchemas &
  (PathParamName<S['path']> extends never ? { readonly params?: never } : { readonly params: ParamsSchema<PathParamName<S['path']>> }) &
  (S['method'] extends 'GET' | 'DELETE' ? { readonly body?: never } : unknown) &
  (S['status'] extends 204
    ? { readonly response?: never; readonly otherStatuses?: never }
    : { readonly response: z.ZodType | BinaryResponse });

/** What every id in a URL looks like; anything else cannot exist, so the server answers `not_found` without a look-up. */
const idParamSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/u);

const idParams = z.strictObject({ id: idParamSchema });
const slideParams = z.strictObject({ id: idParamSchema, slideId: idParamSchema });

/** The OpenAPI document itself, described only as far as a client needs to recognise it. */
const openApiDocumentSchema = z.looseObject({ openapi: z.string() }).meta({ description: 'An OpenAPI 3.1 document' });

export const ROUTE_SCHEMAS = {
  health: {
    summary: 'Whether the server and its database answer',
    response: healthSchema,
    otherStatuses: { 503: 'The database does not answer; the body says `unavailable`.' },
  },
  openApi: { summary: 'This document: the HTTP API as OpenAPI 3.1', response: openApiDocumentSchema },
  setupStatus: { summary: 'Whether the first account is still to be made, and whether sign-up is open', response: setupStatusSchema },
  signup: {
    summary: 'Create an account and sign in',
    description: 'Sets the session cookie. The first account is always allowed and becomes admin; later ones need sign-up open.',
    body: signupBodySchema,
    response: userSchema,
    errors: ['signup_closed', 'email_taken'],
  },
  login: {
    summary: 'Sign in',
    description: 'Sets a fresh session cookie, replacing the one sent.',
    body: loginBodySchema,
    response: userSchema,
    errors: ['invalid_credentials'],
  },
  logout: { summary: 'Sign out: ends the session of the cookie sent and clears it' },
  me: { summary: 'The signed-in presenter', response: userSchema },
  getSettings: { summary: 'The server settings', response: settingsSchema },
  updateSettings: { summary: 'Change server settings', body: settingsPatchSchema, response: settingsSchema },
  listPresentations: { summary: "The caller's presentations", response: z.array(presentationSummarySchema) },
  createPresentation: {
    summary: 'Create a presentation, opening on a title slide with its name',
    body: createPresentationBodySchema,
    response: presentationSchema,
  },
  importPresentation: {
    summary: 'Create a presentation from a deck file (at most 12 MiB)',
    body: deckFileSchema,
    response: presentationSchema,
  },
  getPresentation: { summary: 'A presentation with all its slides', params: idParams, response: presentationSchema, errors: ['not_found'] },
  renamePresentation: {
    summary: 'Rename a presentation or change its anonymity settings',
    description: 'Changes the fields sent, at least one; the others stay as they are.',
    params: idParams,
    body: updatePresentationBodySchema,
    response: presentationSchema,
    errors: ['not_found'],
  },
  deletePresentation: { summary: 'Delete a presentation', params: idParams, errors: ['not_found'] },
  duplicatePresentation: {
    summary: 'Copy a presentation, titled "Title (n)"',
    params: idParams,
    response: presentationSchema,
    errors: ['not_found'],
  },
  exportPresentation: {
    summary: 'A presentation as a deck file, with its images embedded',
    description: 'Sent as an attachment named after the title, `<title>.ettor.json`.',
    params: idParams,
    response: deckFileSchema,
    errors: ['not_found'],
  },
  listTemplates: {
    summary: 'The ready decks a presentation can start from, in Swedish and English',
    response: z.array(templateSummarySchema),
  },
  createFromTemplate: {
    summary: "Create a presentation from a template: a copy of its deck, the caller's own to change",
    params: idParams,
    response: presentationSchema,
    errors: ['not_found'],
  },
  addSlide: {
    summary: 'Add a blank slide of a kind',
    params: idParams,
    body: createSlideBodySchema,
    response: slideSchema,
    errors: ['not_found', 'unknown_slide'],
  },
  updateSlide: {
    summary: 'Replace a slide whole; its kind cannot change',
    params: slideParams,
    body: slideSchema,
    response: slideSchema,
    errors: ['not_found', 'unknown_slide', 'conflict'],
  },
  deleteSlide: { summary: 'Delete a slide', params: slideParams, errors: ['not_found', 'unknown_slide'] },
  reorderSlides: {
    summary: 'Put the slides in a new order',
    params: idParams,
    body: reorderSlidesBodySchema,
    response: presentationSchema,
    errors: ['not_found'],
  },
  uploadAsset: {
    summary: 'Upload an image (at most 5 MiB) for slides to show',
    description: 'The type is recognised from the bytes; what the browser claims is not trusted.',
    body: { multipart: { file: ASSET_TYPES } },
    response: assetSchema,
  },
  media: {
    summary: 'An uploaded image, cacheable for a year',
    description: 'Public: image ids are unguessable, and the audience sees the slides they are on.',
    params: idParams,
    response: { binary: ASSET_TYPES },
    errors: ['not_found'],
  },
  startSession: {
    summary: 'Start a live session of a presentation with a fresh join code',
    params: idParams,
    response: sessionInfoSchema,
    errors: ['not_found'],
  },
  listSessions: {
    summary: 'Every session of a presentation, live and ended, newest first',
    description: 'With the participants who joined and the answers that count: one per participant and question, in its current round.',
    params: idParams,
    response: z.array(sessionSummarySchema),
    errors: ['not_found'],
  },
  getSession: {
    summary: 'A session the caller hosts, with the whole deck and the join address',
    params: idParams,
    response: sessionDetailSchema,
    errors: ['not_found'],
  },
  endSession: {
    summary: 'End a session the caller hosts',
    params: idParams,
    response: sessionInfoSchema,
    errors: ['not_found', 'session_ended'],
  },
  deleteSession: {
    summary: 'Delete a session the caller hosts, with all its answers, for good',
    description:
      'A live session is ended first, so its phones and screens are told and disconnected. Its participants, answers, hidden words and share links go with it; deleting it again is `not_found`.',
    params: idParams,
    errors: ['not_found'],
  },
  compareSessions: {
    summary: 'Two or more sessions of one presentation side by side',
    description:
      "Each run's results per slide, the anonymity threshold applied per run; sessions are listed oldest first, the first being the baseline. Sessions of different presentations are `not_same_deck`; one the caller does not host is `not_found`. See docs/results-format.md#comparing-runs.",
    query: z.strictObject({
      sessions: z
        .string()
        .max(2000)
        .meta({ description: `Comma-separated session ids, ${COMPARED_RUNS.min} to ${COMPARED_RUNS.max}` }),
    }),
    response: sessionComparisonSchema,
    errors: ['not_found', 'validation_failed', 'not_same_deck'],
  },
  sessionReport: {
    summary: "A session's results per question, optionally split by an earlier single-choice question",
    description:
      "Live or ended. Results of fewer participants than the deck's anonymity threshold are null, as are those that would reveal a hidden segment by subtraction. See docs/results-format.md.",
    params: idParams,
    query: z.strictObject({
      segmentBy: slideIdSchema.optional().meta({ description: 'A single-choice question of the deck whose answers split every result' }),
    }),
    response: sessionReportSchema,
    errors: ['not_found', 'unknown_slide'],
  },
  exportSessionReport: {
    summary: "A session's results as a CSV file or an XLSX workbook",
    description:
      'Live or ended, built from the same report as `sessionReport`, with Swedish headers and "För få svar" where the threshold withholds a result. One sheet (XLSX) or section (CSV) per question with its aggregates and, when split, the breakdown per segment beside them; what the presenter hid is left out of the aggregates. XLSX adds a sheet of anonymous responses (a pseudonym P1, P2… per participant, time, answer, hidden ones marked) unless the deck is in strict anonymity mode; CSV is aggregates only: UTF-8 with a byte-order mark, comma-separated, RFC 4180 quoting. Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe. Sent as an attachment named `<deck title>-<date>.csv|xlsx`. See docs/results-format.md#exports.',
    params: idParams,
    query: z.strictObject({
      format: exportFormatSchema,
      segmentBy: slideIdSchema.optional().meta({ description: 'A single-choice question of the deck whose answers split every result' }),
    }),
    response: { binary: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    errors: ['not_found', 'unknown_slide'],
  },
  listShareLinks: {
    summary: "The read-only links to a session's results, newest first",
    params: idParams,
    response: z.array(shareLinkSchema),
    errors: ['not_found'],
  },
  createShareLink: {
    summary: "Make a read-only link to a session's results",
    description: 'The token is 256 random bits, base64url; the page to open is `path`, `/app/shared/<token>`.',
    params: idParams,
    response: shareLinkSchema,
    errors: ['not_found'],
  },
  revokeShareLink: {
    summary: 'Revoke a read-only link; opening it then answers not_found',
    description: 'A link already revoked, or one of another session, is `not_found`.',
    params: z.strictObject({ id: idParamSchema, linkId: idParamSchema }),
    errors: ['not_found'],
  },
  sharedReport: {
    summary: "A session's results through a read-only link: aggregates only, the threshold respected",
    description:
      "The owner's report without the open answers and words the presenter hid; counts are unchanged. Sent with `x-robots-tag: noindex` and `cache-control: no-store`; limited to 60 calls a minute per address. A token never made and one revoked are both `not_found`. See docs/results-format.md#share-links.",
    params: z.strictObject({ token: idParamSchema.meta({ description: 'The secret of the link' }) }),
    query: z.strictObject({
      segmentBy: slideIdSchema.optional().meta({ description: 'A single-choice question of the deck whose answers split every result' }),
    }),
    response: sharedReportSchema,
    errors: ['not_found', 'unknown_slide'],
  },

  join: {
    summary: 'The open session with a join code',
    description: 'Whitespace in the code is ignored. A session that ended in the last 24 hours is answered `session_ended`.',
    params: z.strictObject({ code: z.string().meta({ description: '8 digits' }) }),
    response: joinInfoSchema,
    errors: ['unknown_code', 'session_ended'],
  },
} satisfies { [N in RouteName]: SchemasFor<(typeof ROUTES)[N]> };

type Schemas<N extends RouteName> = (typeof ROUTE_SCHEMAS)[N];

/** What a client sends as a route's body: the schema's input, or a form for a multipart body. */
export type RouteBody<N extends RouteName> =
  Schemas<N> extends { body: infer B } ? (B extends z.ZodType ? z.input<B> : FormData) : undefined;

/** What a client gets back: the schema's output, the bytes of a binary response, nothing for 204. */
export type RouteResult<N extends RouteName> = Schemas<N> extends { response: infer R } ? (R extends z.ZodType ? z.output<R> : Blob) : void;

/** What a client sends in a route's query string; undefined for a route without one. */
export type RouteQuery<N extends RouteName> = Schemas<N> extends { query: infer Q extends z.ZodType } ? z.input<Q> : undefined;

/** The parameters, query and body of a call, each present only when the route has one; a query of optional fields may be left out. */
export type RouteRequest<N extends RouteName> = (PathParamName<(typeof ROUTES)[N]['path']> extends never
  ? Record<never, never>
  : { params: RouteParams<N> }) &
  (RouteQuery<N> extends undefined
    ? Record<never, never>
    : Record<never, never> extends RouteQuery<N>
      ? { query?: RouteQuery<N> }
      : { query: RouteQuery<N> }) &
  (RouteBody<N> extends undefined ? Record<never, never> : { body: RouteBody<N> });
