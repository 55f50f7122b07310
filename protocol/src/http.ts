import { z } from 'zod';
import { joinCodeSchema } from './live.js';
import { LIMITS } from './limits.js';
import { slideIdSchema, slideKindSchema, slideSchema, textSchema } from './slides.js';

/**
 * Bodies and responses of the HTTP API, under `/api`. Routes:
 *
 *   GET    /healthz                              → { status: 'ok' }
 *   GET    /api/setup                            → SetupStatus
 *   POST   /api/auth/signup      SignupBody      → User (and a session cookie)
 *   POST   /api/auth/login       LoginBody       → User (and a session cookie)
 *   POST   /api/auth/logout                      → 204
 *   GET    /api/auth/me                          → User | 401
 *   GET    /api/admin/settings                   → Settings (admin)
 *   PATCH  /api/admin/settings   SettingsPatch   → Settings (admin)
 *   GET    /api/presentations                    → PresentationSummary[]
 *   POST   /api/presentations    CreatePresentationBody → Presentation
 *   GET    /api/presentations/:id                → Presentation
 *   PATCH  /api/presentations/:id UpdatePresentationBody → Presentation
 *   DELETE /api/presentations/:id                → 204
 *   POST   /api/presentations/:id/duplicate      → Presentation
 *   POST   /api/presentations/:id/slides  CreateSlideBody → Slide
 *   PUT    /api/presentations/:id/slides/:slideId  Slide → Slide
 *   DELETE /api/presentations/:id/slides/:slideId  → 204
 *   PUT    /api/presentations/:id/slide-order  ReorderSlidesBody → Presentation
 *   GET    /api/presentations/:id/export         → DeckFile (attachment)
 *   POST   /api/presentations/import  DeckFile   → Presentation
 *   POST   /api/assets           multipart image → Asset
 *   GET    /media/:id                            → the image (long-cached)
 *   POST   /api/presentations/:id/sessions       → SessionInfo (starts a live session)
 *   GET    /api/sessions/:id                     → SessionDetail (host)
 *   POST   /api/sessions/:id/end                 → SessionInfo (host)
 *   GET    /api/join/:code                       → JoinInfo | 404 unknown_code
 *
 * Every error is `{ error: { code, message } }` with the status from ERROR_STATUS.
 */

export const healthSchema = z.strictObject({ status: z.literal('ok') });

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

export const settingsSchema = z.strictObject({
  signupOpen: z.boolean(),
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

export const presentationSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  slides: z.array(slideSchema),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Presentation = z.infer<typeof presentationSchema>;

export const titleSchema = textSchema(LIMITS.titleLength).trim().min(1);

export const createPresentationBodySchema = z.strictObject({
  title: titleSchema,
});
export type CreatePresentationBody = z.infer<typeof createPresentationBodySchema>;

export const updatePresentationBodySchema = z.strictObject({
  title: titleSchema,
});
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
  /** The address phones should open (without the code): ETTOR_PUBLIC_URL, else what the presenter's browser used, with localhost replaced by the server's LAN address. */
  joinUrl: z.string(),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const joinInfoSchema = z.strictObject({
  sessionId: z.string(),
  code: joinCodeSchema,
  title: z.string(),
});
export type JoinInfo = z.infer<typeof joinInfoSchema>;
