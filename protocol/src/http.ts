import { z } from 'zod';
import { joinCodeSchema } from './live.js';
import { DECK_LANGUAGES } from './constants.js';
import { LIMITS } from './limits.js';
import { anonymityThresholdSchema } from './reports.js';
import { stageSettingsFields } from './stage.js';
import { slideIdSchema, slideKindSchema, slideSchema, textSchema } from './slides.js';

/**
 * Bodies and responses of the HTTP API. Which route takes and answers which is the route table:
 * `ROUTES` in routes.ts names every route with its method, path, who may call it and its success
 * status; `ROUTE_SCHEMAS` in route-schemas.ts gives each name its path parameters, query, body and
 * response from this file and reports.ts. The server registers its routes from the two, the browser's
 * `api()` is typed by them, and `GET /api/openapi.json` is generated from them.
 *
 * Every error is `{ error: { code, message } }` with the status from ERROR_STATUS.
 */

/** A part of the node `/healthz` checks: the database, and the bus to other nodes when there is one. */
export const HEALTH_PARTS = ['database', 'bus'] as const;

/**
 * `/healthz`, not the error shape: `ok` (200); `degraded` (200: the node still serves, answers wait for the database or
 * screens poll instead of hearing other nodes), naming each part that is wrong; `draining` (503: the node is stopping,
 * a load balancer should send nothing new).
 */
export const healthSchema = z.strictObject({
  status: z.enum(['ok', 'degraded', 'draining']),
  problems: z.array(z.strictObject({ part: z.enum(HEALTH_PARTS), message: z.string() })),
});
export type Health = z.infer<typeof healthSchema>;

export const emailSchema = z.string().trim().toLowerCase().max(254).email('not an email address');
export const passwordSchema = z.string().min(10, 'at least 10 characters').max(200);

export const signupBodySchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: textSchema(100).trim().min(1),
});
export type SignupBody = z.infer<typeof signupBodySchema>;

export const loginBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const userSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const setupStatusSchema = z.strictObject({
  /** True until the first account exists; that account becomes admin. */
  needsSetup: z.boolean(),
  signupOpen: z.boolean(),
});
export type SetupStatus = z.infer<typeof setupStatusSchema>;

/** How many days after a session ends its answers are kept, when an admin limits it. */
export const ANSWER_RETENTION_DAYS = { min: 1, max: 3650 } as const;

/** The address phones open to join, as an admin sets it: http(s), a host and at most a path, no query. */
export const publicUrlSchema = z
  .url({ protocol: /^https?$/u, message: 'Give the address as http:// or https:// followed by a host name.' })
  .max(300)
  .refine((value) => !/[?#]/u.test(value), 'The address may not hold a query (?) or a fragment (#).');

export const settingsSchema = z.strictObject({
  signupOpen: z.boolean(),
  /** The address phones are told to open; null leaves it to ETTOR_PUBLIC_URL, or else the address the presenter used. */
  publicUrl: publicUrlSchema.nullable(),
  /** Days after a session ends before its answers, participants and share links are deleted; null keeps them for ever. */
  answerRetentionDays: z.number().int().min(ANSWER_RETENTION_DAYS.min).max(ANSWER_RETENTION_DAYS.max).nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

const timestamp = z.string().describe('ISO 8601');

export const presentationSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  slideCount: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type PresentationSummary = z.infer<typeof presentationSummarySchema>;

/** The language a deck is written in. */
export const deckLanguageSchema = z.enum(DECK_LANGUAGES);

export const presentationSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  slides: z.array(slideSchema),
  /** k: results of fewer participants than this are withheld in the deck's session reports. */
  anonymityThreshold: anonymityThresholdSchema,
  /** Strict anonymity: the deck's result exports carry aggregates only, never a sheet of individual responses. */
  strictAnonymity: z.boolean(),
  /** The language the deck is written in: its word clouds merge inflected forms and drop filler words by it. */
  language: deckLanguageSchema,
  /** Every quiz countdown runs EXTENDED_TIME_FACTOR times as long, so that no one who needs more time is locked out. */
  extendedTime: z.boolean(),
  /** Free text with offensive words (Swedish and English) is held for the presenter instead of shown. */
  filterOffensive: z.boolean(),
  ...stageSettingsFields,
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Presentation = z.infer<typeof presentationSchema>;

export const titleSchema = textSchema(LIMITS.titleLength).trim().min(1);

export const createPresentationBodySchema = z.strictObject({
  title: titleSchema,
  /** The deck's language; Swedish when left out. */
  language: deckLanguageSchema.optional(),
});
export type CreatePresentationBody = z.infer<typeof createPresentationBodySchema>;

/** What PATCH changes: any of the fields, at least one. */
export const updatePresentationBodySchema = z
  .strictObject({
    title: titleSchema.optional(),
    anonymityThreshold: anonymityThresholdSchema.optional(),
    strictAnonymity: z.boolean().optional(),
    language: deckLanguageSchema.optional(),
    extendedTime: z.boolean().optional(),
    filterOffensive: z.boolean().optional(),
    theme: stageSettingsFields.theme.optional(),
    brandColor: stageSettingsFields.brandColor.optional(),
    logoAssetId: stageSettingsFields.logoAssetId.optional(),
    revealResults: stageSettingsFields.revealResults.optional(),
  })
  .refine(
    (body) => Object.values(body).some((value) => value !== undefined),
    'name a setting to change: title, anonymityThreshold, strictAnonymity, language, extendedTime, filterOffensive, theme, brandColor, logoAssetId or revealResults',
  );
export type UpdatePresentationBody = z.infer<typeof updatePresentationBodySchema>;

export const createSlideBodySchema = z.strictObject({
  kind: slideKindSchema,
  /** Insert after this slide; at the end when absent or null. */
  afterSlideId: slideIdSchema.nullable().optional(),
});
export type CreateSlideBody = z.infer<typeof createSlideBodySchema>;

export const reorderSlidesBodySchema = z.strictObject({
  /** Every slide id of the presentation exactly once, in the new order. */
  slideIds: z.array(slideIdSchema).max(LIMITS.slides),
});
export type ReorderSlidesBody = z.infer<typeof reorderSlidesBodySchema>;

export const assetSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  contentType: z.string(),
});
export type Asset = z.infer<typeof assetSchema>;

export const sessionInfoSchema = z.strictObject({
  id: z.string(),
  presentationId: z.string(),
  code: joinCodeSchema,
  status: z.enum(['live', 'ended']),
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** What the presenter and control views load: the session and the whole deck with speaker notes. */
export const sessionDetailSchema = z.strictObject({
  session: sessionInfoSchema,
  presentation: presentationSchema,
  /** The address phones should open (without the code): the admin's setting, ETTOR_PUBLIC_URL, else what the presenter's browser used, with localhost replaced by the server's LAN address. */
  joinUrl: z.string(),
  /** False when no phone can reach joinUrl: the server listens only on this computer (HOST=127.0.0.1) and no public address is set. */
  joinReachable: z.boolean(),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const joinInfoSchema = z.strictObject({
  sessionId: z.string(),
  code: joinCodeSchema,
  title: z.string(),
});
export type JoinInfo = z.infer<typeof joinInfoSchema>;
