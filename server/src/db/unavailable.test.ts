import net from 'node:net';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AppError, toAppError } from '../http/errors.js';
import { isUnavailable } from './unavailable.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

/** A port nothing listens on: bound once by the test, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('isUnavailable', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])(
    'recognises the socket error %s',
    (code) => {
      expect(isUnavailable(withCode(code))).toBe(true);
    },
  );

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['57P02', 'terminating connection due to crash of another server process'],
    ['57P03', 'the database system is starting up'],
    ['53300', 'sorry, too many clients already'],
    ['08000', 'connection exception'],
    ['08003', 'connection does not exist'],
    ['08006', 'connection failure'],
    ['08001', 'sqlclient unable to establish sqlconnection'],
    ['08P01', 'protocol violation'],
  ])('recognises PostgreSQL’s %s (%s)', (code, message) => {
    expect(isUnavailable(withCode(code, message))).toBe(true);
  });

  it.each([
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
  ])('recognises node-postgres’s “%s”', (message) => {
    expect(isUnavailable(new Error(message))).toBe(true);
  });

  it('recognises SQLite’s busy codes, plain and extended', () => {
    expect(isUnavailable(withCode('SQLITE_BUSY', 'database is locked'))).toBe(true);
    expect(isUnavailable(withCode('SQLITE_BUSY_SNAPSHOT'))).toBe(true);
  });

  it('looks into an AggregateError of one error per address, and into a cause', () => {
    const refused = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], '');
    expect(isUnavailable(refused)).toBe(true);
    expect(isUnavailable(new Error('query failed', { cause: withCode('57P01') }))).toBe(true);
    expect(isUnavailable(new AggregateError([withCode('23505')], ''))).toBe(false);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', withCode('42601', 'syntax error at or near "selec"')],
    ['a serialization failure', withCode('40001')],
    ['an SQLite constraint', withCode('SQLITE_CONSTRAINT_UNIQUE')],
    ['a refusal of the app', new AppError('voting_closed', 'Voting has closed.')],
    ['a plain error', new Error('boom')],
    ['a code that only starts like class 08', withCode('080')],
  ])('leaves alone %s', (_name, error) => {
    expect(isUnavailable(error)).toBe(false);
  });

  it('leaves alone what is not an error', () => {
    for (const value of [undefined, null, 'ECONNREFUSED', 42, {}]) expect(isUnavailable(value)).toBe(false);
  });

  it('does not follow a cause that loops', () => {
    const error: Error & { cause?: unknown } = new Error('outer');
    error.cause = error;
    expect(isUnavailable(error)).toBe(false);
  });

  it('recognises what node-postgres really throws when nothing listens', async () => {
    const port = await closedPort();
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'nobody', connectionTimeoutMillis: 2000 });
    const failure = await client.connect().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeDefined();
    expect(isUnavailable(failure)).toBe(true);
  });
});

describe('toAppError', () => {
  it('keeps an AppError, calls a database that did not answer unavailable, and anything else internal', () => {
    const refusal = new AppError('voting_closed', 'Voting has closed.');
    expect(toAppError(refusal)).toBe(refusal);
    expect(toAppError(withCode('57P01', 'terminating connection due to administrator command')).toBody().error.code).toBe('unavailable');
    expect(toAppError(new Error('boom')).toBody()).toEqual({
      error: { code: 'internal', message: 'Something went wrong on the server; try again.' },
    });
  });
});
