import type { Settings, SettingsPatch, SetupStatus, SignupBody, User } from '@ettor/protocol';
import { type Clock, newId, newToken } from '../clock.js';
import type { Db, Queryable } from '../db/database.js';
import { isUniqueViolation } from '../db/database.js';
import type { UserRow } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { StrikeStores } from '../limits/strike-store.js';
import * as repo from './auth.repository.js';
import { weakPasswordProblem } from './password-policy.js';
import { hashPassword, hashToken, verifyPassword } from './passwords.js';
import { SignInGuard } from './sign-in-guard.js';

const SESSION_DAYS = 30;
const SIGNUP_SETTING = 'signup_open';
const RETENTION_SETTING = 'answer_retention_days';
const PUBLIC_URL_SETTING = 'public_url';
/** The stored retention of an admin who chose to keep answers for ever; no row at all means the same. */
const KEEP_FOR_EVER = 'never';

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  signupOpenByDefault: boolean;
  /** Runs in the transaction that creates the account, so a user never exists without their starter deck. */
  onUserCreated: (trx: Queryable, userId: string) => Promise<void>;
  /** Where failed sign-ins are counted; this node's memory unless nodes share them. */
  strikeStores?: StrikeStores;
}

export interface LoginResult {
  user: User;
  /** The secret for the session cookie; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  isAdmin: row.is_admin === 1,
});

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: AuthServiceDeps) {
  const { db, clock } = deps;

  async function settings(q: Queryable = db): Promise<Settings> {
    const stored = await repo.readSettings(q, [SIGNUP_SETTING, RETENTION_SETTING, PUBLIC_URL_SETTING]);
    const signup = stored.get(SIGNUP_SETTING);
    const retention = stored.get(RETENTION_SETTING);
    return {
      signupOpen: signup === undefined ? deps.signupOpenByDefault : signup === 'true',
      answerRetentionDays: retention === undefined || retention === KEEP_FOR_EVER ? null : Number(retention),
      // Cleared, it is stored empty rather than deleted, like the other settings.
      publicUrl: stored.get(PUBLIC_URL_SETTING) || null,
    };
  }

  /** Creates an account; the first account ever becomes admin. */
  async function createUser(input: SignupBody & { isAdmin?: boolean }, options: { requireOpenSignup: boolean }): Promise<User> {
    const weak = weakPasswordProblem(input.password);
    if (weak) throw AppError.from(weak);
    const passwordHash = await hashPassword(input.password);
    try {
      return await db.transaction().execute(async (trx) => {
        const isFirst = (await repo.countUsers(trx)) === 0;
        if (options.requireOpenSignup && !isFirst && !(await settings(trx)).signupOpen) {
          throw new AppError('signup_closed', 'Sign-up is closed. Ask an administrator for an account.');
        }
        const row: UserRow = {
          id: newId(),
          email: input.email,
          name: input.name,
          password_hash: passwordHash,
          is_admin: isFirst || input.isAdmin ? 1 : 0,
          created_at: clock.now().toISOString(),
        };
        await repo.insertUser(trx, row);
        await deps.onUserCreated(trx, row.id);
        return toUser(row);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('email_taken', 'An account with that email address already exists.');
      throw error;
    }
  }

  async function startSession(user: User): Promise<LoginResult> {
    const token = newToken();
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
    await repo.insertAuthSession(db, {
      id: hashToken(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    });
    return { user, token, expiresAt };
  }

  return {
    /** Limits password guessing; the login route asks it before `login` and tells it of a success. */
    signInGuard: new SignInGuard(() => clock.now().getTime(), deps.strikeStores),

    settings: () => settings(),

    async updateSettings(patch: SettingsPatch): Promise<Settings> {
      const { signupOpen, answerRetentionDays, publicUrl } = patch;
      await db.transaction().execute(async (trx) => {
        if (signupOpen !== undefined) await repo.writeSetting(trx, SIGNUP_SETTING, String(signupOpen));
        if (publicUrl !== undefined) await repo.writeSetting(trx, PUBLIC_URL_SETTING, publicUrl?.replace(/\/+$/u, '') ?? '');
        if (answerRetentionDays !== undefined) {
          await repo.writeSetting(trx, RETENTION_SETTING, answerRetentionDays === null ? KEEP_FOR_EVER : String(answerRetentionDays));
        }
      });
      return settings();
    },

    async setupStatus(): Promise<SetupStatus> {
      const needsSetup = (await repo.countUsers(db)) === 0;
      return { needsSetup, signupOpen: needsSetup || (await settings()).signupOpen };
    },

    /** Self-service sign-up from the web, subject to the sign-up setting. */
    async signup(input: SignupBody, previousToken?: string): Promise<LoginResult> {
      const user = await createUser(input, { requireOpenSignup: true });
      if (previousToken) await repo.deleteAuthSession(db, hashToken(previousToken));
      return startSession(user);
    },

    /** An admin adding an account (CLI), whatever the sign-up setting. */
    addUser(input: SignupBody & { isAdmin: boolean }): Promise<User> {
      return createUser(input, { requireOpenSignup: false });
    },

    /** Checks the password and always issues a fresh session id, dropping the one the browser had. */
    async login(email: string, password: string, previousToken?: string): Promise<LoginResult> {
      const user = await repo.findUserByEmail(db, email);
      // Verify against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
      const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
      if (!user || !ok) throw new AppError('invalid_credentials', 'The email address or password is wrong.');
      if (previousToken) await repo.deleteAuthSession(db, hashToken(previousToken));
      return startSession(toUser(user));
    },

    async logout(token: string): Promise<void> {
      await repo.deleteAuthSession(db, hashToken(token));
    },

    async userForToken(token: string): Promise<User | undefined> {
      const row = await repo.findUserByAuthSession(db, hashToken(token), clock.now().toISOString());
      return row ? toUser(row) : undefined;
    },

    pruneExpiredSessions(): Promise<void> {
      return repo.deleteExpiredAuthSessions(db, clock.now().toISOString());
    },
  };
}

let dummy: Promise<string> | undefined;
const dummyHash = (): Promise<string> => (dummy ??= hashPassword('ettor-timing-equaliser'));
