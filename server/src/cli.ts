import fs from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { deckFileSchema, describeZodError, exportFormatSchema, signupBodySchema } from '@ettor/protocol';
import { ConfigError, loadConfig } from './config.js';
import { AppError } from './http/errors.js';
import { createCore, createEttor } from './main.js';
import * as authRepo from './auth/auth.repository.js';

const USAGE = `Usage: ettor <command>

  serve                                   start the server (PORT, HOST, ETTOR_DATA_DIR, DATABASE_URL)
  migrate                                 bring the database schema up to date
  user add --email E --password P [--name N] [--admin]
                                          create a presenter account
  deck export <presentation-id>           write a presentation as deck JSON to stdout
  deck import <file.json> --owner <email> import a deck file as a new presentation
  results <session-id> [--segment-by <slide-id>] [--format json|csv|xlsx]
                                          write a session's results to stdout: JSON (the
                                          default), CSV, or an XLSX workbook (redirect it
                                          to a file) (docs/results-format.md)
`;

class UsageError extends Error {}

export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        return await serve();
      case 'migrate':
        return await withCore(async () => {
          console.error('Database is up to date.');
        });
      case 'user':
        return await user(rest);
      case 'deck':
        return await deck(rest);
      case 'results':
        return await results(rest);
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function withCore(task: (core: Awaited<ReturnType<typeof createCore>>) => Promise<void>): Promise<number> {
  const core = await createCore(loadConfig());
  try {
    await task(core);
    return 0;
  } finally {
    await core.close();
  }
}

/** A drained stop takes a second or two; systemd's unit example gives it 30 s before SIGKILL. */
const STOP_DEADLINE_MS = 25_000;

async function serve(): Promise<number> {
  const config = loadConfig();
  const ettor = await createEttor(config);
  const address = await ettor.start();
  ettor.app.log.info(`Ettor is running at ${address.replace('0.0.0.0', 'localhost')}`);
  const shutdown = () => {
    // A drain that cannot finish (a database gone for good) must not keep a stopping node alive for ever.
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
    ettor.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return new Promise<number>(() => undefined);
}

async function user(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add') throw new UsageError('Only "user add" is supported.');
  const { values } = parseArgs({
    args: [...rest],
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean', default: false },
    },
  });
  const parsed = signupBodySchema.safeParse({
    email: values.email ?? '',
    password: values.password ?? '',
    name: values.name ?? values.email?.split('@')[0] ?? '',
  });
  if (!parsed.success) throw new UsageError(describeZodError(parsed.error));
  return withCore(async (core) => {
    const created = await core.auth.addUser({ ...parsed.data, isAdmin: values.admin ?? false });
    console.error(`Created ${created.isAdmin ? 'admin' : 'presenter'} ${created.email} (${created.id}).`);
  });
}

const RESULTS_USAGE = 'Usage: ettor results <session-id> [--segment-by <slide-id>] [--format json|csv|xlsx]';

async function results(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgsOrUsage({
    args: [...args],
    allowPositionals: true,
    options: { 'segment-by': { type: 'string' }, format: { type: 'string', default: 'json' } },
  });
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new UsageError(RESULTS_USAGE);
  const format = values.format === 'json' ? 'json' : exportFormatSchema.safeParse(values.format).data;
  if (format === undefined) throw new UsageError(`Unknown format "${values.format}": use json, csv or xlsx.\n${RESULTS_USAGE}`);
  if (format === 'xlsx' && process.stdout.isTTY) {
    throw new UsageError('An XLSX workbook is binary; redirect it to a file: ettor results <session-id> --format xlsx > results.xlsx');
  }
  const segmentBy = values['segment-by'] ?? null;
  return withCore(async (core) => {
    const row = await core.store.db.selectFrom('live_sessions').select('owner_id').where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('not_found', `There is no session ${id}.`);
    if (format === 'json') {
      const report = await core.reports.report(row.owner_id, id, segmentBy);
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const file = await core.reports.exportReport(row.owner_id, id, format, segmentBy);
    await new Promise<void>((resolve, reject) => {
      process.stdout.write(file.bytes, (error) => (error ? reject(error) : resolve()));
    });
  });
}

/** parseArgs, with an unknown or incomplete option (say, a --format this version does not have) as a usage error. */
function parseArgsOrUsage<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function deck(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'export') {
    const { positionals } = parseArgs({ args: [...rest], allowPositionals: true });
    const id = positionals[0];
    if (!id) throw new UsageError('Name the presentation id to export.');
    return withCore(async (core) => {
      const row = await core.store.db.selectFrom('presentations').select('owner_id').where('id', '=', id).executeTakeFirst();
      if (!row) throw new AppError('not_found', `There is no presentation ${id}.`);
      const file = await core.presentations.exportDeck(row.owner_id, id);
      process.stdout.write(`${JSON.stringify(file, null, 2)}\n`);
    });
  }
  if (sub === 'import') {
    const { values, positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: { owner: { type: 'string' } } });
    const path = positionals[0];
    if (!path || !values.owner) throw new UsageError('Usage: ettor deck import <file.json> --owner <email>');
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path, 'utf8'));
    } catch (error) {
      throw new AppError('invalid_json', `Could not read ${path} as JSON: ${(error as Error).message}`);
    }
    const parsed = deckFileSchema.safeParse(json);
    if (!parsed.success) throw new AppError('validation_failed', `${path} is not a valid deck: ${describeZodError(parsed.error)}`);
    const owner = values.owner.trim().toLowerCase();
    return withCore(async (core) => {
      const ownerRow = await authRepo.findUserByEmail(core.store.db, owner);
      if (!ownerRow) throw new AppError('not_found', `There is no account ${owner}.`);
      const presentation = await core.presentations.importDeckFor(ownerRow.id, parsed.data);
      console.error(`Imported "${presentation.title}" with ${presentation.slides.length} slides as ${presentation.id}.`);
      process.stdout.write(`${presentation.id}\n`);
    });
  }
  throw new UsageError('Use "deck export" or "deck import".');
}
