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

export async function readSetting(db: Queryable, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function writeSetting(db: Queryable, key: string, value: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
