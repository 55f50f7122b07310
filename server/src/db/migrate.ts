import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db, Dialect } from './database.js';
import { initial } from './migrations/0001-initial.js';
import { anonymityThreshold } from './migrations/0002-anonymity-threshold.js';
import { strictAnonymity } from './migrations/0003-strict-anonymity.js';
import { shareLinks } from './migrations/0004-share-links.js';
import { split } from './migrations/0005-split.js';
import { answersPurged } from './migrations/0006-answers-purged.js';
import { deckLanguage } from './migrations/0007-deck-language.js';
import { wordGroups } from './migrations/0008-word-groups.js';
import { qa } from './migrations/0009-qa.js';
import { reactions } from './migrations/0010-reactions.js';
import { quiz } from './migrations/0011-quiz.js';
import { stage } from './migrations/0012-stage.js';
import { pace } from './migrations/0013-pace.js';
import { countdown } from './migrations/0014-countdown.js';
import { nicknameReview } from './migrations/0015-nickname-review.js';

/** Every migration in order; names sort lexically, so keep the numeric prefix. */
function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': initial(dialect),
    '0002-anonymity-threshold': anonymityThreshold,
    '0003-strict-anonymity': strictAnonymity,
    '0004-share-links': shareLinks,
    '0005-split': split,
    '0006-answers-purged': answersPurged,
    '0007-deck-language': deckLanguage,
    '0008-word-groups': wordGroups,
    '0009-qa': qa,
    '0010-reactions': reactions,
    '0011-quiz': quiz,
    '0012-stage': stage,
    '0013-pace': pace,
    '0014-countdown': countdown,
    '0015-nickname-review': nicknameReview,
  };
}

export class MigrationError extends Error {}

/** Brings the schema up to date; safe to run on every start and from several nodes (Kysely locks). */
export async function migrateToLatest(db: Db, dialect: Dialect): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(dialect) },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    throw new MigrationError(`Migration failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}
