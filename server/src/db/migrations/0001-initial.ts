import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database.js';

export function initial(dialect: Dialect) {
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('auth_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('auth_sessions_user').on('auth_sessions').column('user_id').execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('presentations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('presentations_owner').on('presentations').column('owner_id').execute();

      await db.schema
        .createTable('slides')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('presentation_id', 'text', (c) => c.notNull().references('presentations.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('slides_presentation').on('slides').columns(['presentation_id', 'position']).execute();

      await db.schema
        .createTable('media')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('bytes', bytes, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('live_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('presentation_id', 'text', (c) => c.notNull().references('presentations.id').onDelete('cascade'))
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('current_slide_id', 'text')
        .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .execute();
      // A join code is unique among open sessions only, so codes can be reused once a session ends.
      await db.schema
        .createIndex('live_sessions_open_code')
        .on('live_sessions')
        .column('code')
        .unique()
        .where(sql.ref('status'), '=', 'live')
        .execute();
      await db.schema.createIndex('live_sessions_presentation').on('live_sessions').column('presentation_id').execute();

      await db.schema
        .createTable('slide_states')
        .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
        .addColumn('slide_id', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('slide_states_pk', ['session_id', 'slide_id'])
        .execute();

      await db.schema
        .createTable('participants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('participants_session').on('participants').column('session_id').execute();

      await db.schema
        .createTable('responses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
        .addColumn('slide_id', 'text', (c) => c.notNull())
        .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('hidden_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // One answer per participant per slide and round, held by the database rather than by code.
        .addUniqueConstraint('responses_one_per_participant', ['session_id', 'slide_id', 'round', 'participant_id'])
        .execute();

      await db.schema
        .createTable('hidden_words')
        .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
        .addColumn('slide_id', 'text', (c) => c.notNull())
        .addColumn('word_key', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('hidden_words_pk', ['session_id', 'slide_id', 'word_key'])
        .execute();

      await db.schema
        .createTable('answer_receipts')
        .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('slide_id', 'text', (c) => c.notNull())
        .addColumn('answer', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        // A retried answer finds its receipt here and gets the same ack instead of a second vote.
        .addPrimaryKeyConstraint('answer_receipts_pk', ['participant_id', 'client_id'])
        .execute();
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'hidden_words',
        'answer_receipts',
        'responses',
        'participants',
        'slide_states',
        'live_sessions',
        'media',
        'slides',
        'presentations',
        'settings',
        'auth_sessions',
        'users',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
