import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './cli.js';

/** Runs the CLI in-process against a temporary SQLite directory and captures what it writes. */
async function ettor(dataDir: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = vi.spyOn(console, 'error').mockImplementation((...line) => void err.push(line.join(' ')));
  vi.stubEnv('ETTOR_DATA_DIR', dataDir);
  try {
    const code = await runCli(args);
    return { code, stdout: out.join(''), stderr: err.join('\n') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    vi.unstubAllEnvs();
  }
}

describe('ettor CLI', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-cli-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, adds a user, exports their example deck and imports it again', async () => {
    expect((await ettor(dataDir, 'migrate')).code).toBe(0);
    const added = await ettor(dataDir, 'user', 'add', '--email', 'Kim@Example.se', '--password', 'a long password', '--admin');
    expect(added).toMatchObject({ code: 0, stderr: expect.stringContaining('Created admin kim@example.se') });

    const file = path.join(dataDir, 'deck.json');
    const ids = await ettor(dataDir, 'deck', 'import', '--owner', 'kim@example.se', fileFromExample(file));
    expect(ids.code).toBe(0);
    const id = ids.stdout.trim();
    const exported = await ettor(dataDir, 'deck', 'export', id);
    expect(exported.code).toBe(0);
    const deck = JSON.parse(exported.stdout);
    expect(deck).toMatchObject({ format: 'ettor-deck', version: 1, title: 'Hur får vi nollorna att bli ettor?' });
    expect(deck.slides.length).toBeGreaterThan(10);
    expect(deck.slides.find((slide: { kind: string }) => slide.kind === 'scale')).toMatchObject({
      steps: 5,
      allowSkip: true,
      statements: expect.any(Array),
    });
  });

  it('refuses bad input with a message and a non-zero exit, storing nothing', async () => {
    expect((await ettor(dataDir, 'fly')).code).toBe(2);
    expect((await ettor(dataDir, 'user', 'add', '--email', 'x@example.se', '--password', 'short')).code).toBe(2);
    await ettor(dataDir, 'user', 'add', '--email', 'x@example.se', '--password', 'long enough pw');
    expect(await ettor(dataDir, 'user', 'add', '--email', 'x@example.se', '--password', 'long enough pw')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already exists'),
    });

    const broken = path.join(dataDir, 'broken.json');
    fs.writeFileSync(
      broken,
      '{"format":"ettor-deck","version":1,"title":"X","slides":[{"id":"a","kind":"choice","question":"Q","options":[]}]}',
    );
    expect(await ettor(dataDir, 'deck', 'import', broken, '--owner', 'x@example.se')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('not a valid deck'),
    });
    fs.writeFileSync(broken, '{nope');
    expect(await ettor(dataDir, 'deck', 'import', broken, '--owner', 'x@example.se')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('as JSON'),
    });
    expect((await ettor(dataDir, 'deck', 'import', fileFromExample(broken), '--owner', 'ghost@example.se')).code).toBe(1);
    expect((await ettor(dataDir, 'deck', 'export', 'no-such-id')).code).toBe(1);
  });
});

function fileFromExample(target: string): string {
  fs.copyFileSync(new URL('./presentations/example-deck.json', import.meta.url), target);
  return target;
}
