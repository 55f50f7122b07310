import Database from 'better-sqlite3';
import pg from 'pg';

/** Where a server keeps what it stored: its own SQLite file, or the PostgreSQL database its nodes share. */
export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** A read-only query with `?` placeholders; PostgreSQL returns counts as text, so callers read numbers with Number(). */
export type Query = <Row>(sql: string, params: string[]) => Promise<Row[]>;

/** Opens a server's store for reading, runs `read` on it and closes it again, whatever `read` does. */
export async function readStore<T>(store: StoreLocation, read: (query: Query) => Promise<T>): Promise<T> {
  if (store.kind === 'sqlite') {
    const db = new Database(store.path, { readonly: true, fileMustExist: true });
    try {
      return await read(async <Row>(sql: string, params: string[]) => db.prepare<string[], Row>(sql).all(...params));
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: store.url });
  await client.connect();
  try {
    // PostgreSQL numbers its placeholders: the n-th `?` becomes $n.
    return await read(async <Row>(sql: string, params: string[]) => {
      let n = 0;
      const result = await client.query(
        sql.replace(/\?/g, () => `$${(n += 1)}`),
        params,
      );
      return result.rows as Row[];
    });
  } finally {
    await client.end();
  }
}
