import type { Queryable } from '../db/database.js';
import type { UserRow } from '../db/schema.js';

export async function countUsers(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findUserByEmail(db: Queryable, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function insertUser(db: Queryable, user: UserRow): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function insertAuthSession(
  db: Queryable,
  session: { id: string; user_id: string; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('auth_sessions').values(session).execute();
}

export async function deleteAuthSession(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('id', '=', id).execute();
}

export function findUserByAuthSession(db: Queryable, id: string, now: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('auth_sessions')
    .innerJoin('users', 'users.id', 'auth_sessions.user_id')
    .selectAll('users')
    .where('auth_sessions.id', '=', id)
    .where('auth_sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteExpiredAuthSessions(db: Queryable, now: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('expires_at', '<=', now).execute();
}

/** The stored values of these settings, by key; a setting never written is absent. */
export async function readSettings(db: Queryable, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys).execute();
  return new Map(rows.map((row) => [row.key, row.value]));
}

export async function writeSetting(db: Queryable, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
