import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { dialects, type TestDatabase } from '../test/services.js';
import { type Store, openStore } from './database.js';
import { migrateToLatest } from './migrate.js';
import { initial } from './migrations/0001-initial.js';

describe.each(dialects)('migrations on $name', (dialect) => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  let dataDir: string | undefined;

  afterEach(async () => {
    await store?.close();
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(dialect.skipReason)('gives decks stored before the anonymity settings existed k = 5 and strict anonymity off', async () => {
    database = await dialect.create();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-migrate-'));
    const opened = openStore({ databaseUrl: database.databaseUrl, dataDir });
    store = opened;
    const { db } = opened;
    // The schema as the first release left it, with a deck in it.
    const first = new Migrator({ db, provider: { getMigrations: async () => ({ '0001-initial': initial(opened.dialect) }) } });
    expect((await first.migrateToLatest()).error).toBeUndefined();
    const stamp = '2026-01-01T00:00:00.000Z';
    await db
      .insertInto('users')
      .values({ id: 'u', email: 'kim@example.se', name: 'Kim', password_hash: 'x', is_admin: 0, created_at: stamp })
      .execute();
    const olderDeck = { id: 'p', owner_id: 'u', title: 'Äldre', created_at: stamp, updated_at: stamp };
    // No threshold: the table has no such column yet, which the current schema's types cannot say.
    await db
      .insertInto('presentations')
      .values(olderDeck as never)
      .execute();

    const result = await migrateToLatest(db, opened.dialect);
    expect(result.results?.map((step) => [step.migrationName, step.status])).toContainEqual(['0002-anonymity-threshold', 'Success']);
    expect(result.results?.map((step) => step.migrationName)).toEqual([
      '0002-anonymity-threshold',
      '0003-strict-anonymity',
      '0004-share-links',
      '0005-split',
      '0006-answers-purged',
      '0007-deck-language',
      '0008-word-groups',
      '0009-qa',
      '0010-reactions',
      '0011-quiz',
      '0012-stage',
      '0013-pace',
      '0014-countdown',
      '0015-nickname-review',
    ]);
    expect(await db.selectFrom('presentations').select(['id', 'anonymity_threshold', 'strict_anonymity', 'language']).execute()).toEqual([
      { id: 'p', anonymity_threshold: 5, strict_anonymity: 0, language: 'sv' },
    ]);
    expect(await db.selectFrom('share_links').selectAll().execute()).toEqual([]);
    // Running again on every start changes nothing.
    expect((await migrateToLatest(db, opened.dialect)).results).toEqual([]);
  });
});
