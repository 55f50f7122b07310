// Usage: node bench/dist/src/profile-top.js FILE.cpuprofile [N] [FUNCTION]
// Prints the functions with the most self time in a V8 CPU profile (from `--profile DIR`), and the same by file,
// to see what holds a server back without opening a profiler UI. With FUNCTION (e.g. executeQuery), also splits
// that function's self time by the nearest caller in the server's own code, to see which query costs what.
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, count = '25', focus] = process.argv.slice(2);
if (!file) {
  console.error('Usage: profile-top FILE.cpuprofile [N]');
  process.exit(2);
}
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const shorten = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'node_modules/')
    .replace(/^.*\/(server|protocol)\/dist\//, '$1/');
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, micros] of self) {
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  const where = frame.url ? `${shorten(frame.url)}:${frame.lineNumber + 1}` : '(native)';
  const name = `${frame.functionName || '(anonymous)'} ${where}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  const fileKey = frame.url ? shorten(frame.url) : frame.functionName || '(native)';
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + micros);
}
const print = (title: string, entries: Map<string, number>) => {
  console.log(`\n${title} (of ${(total / 1e6).toFixed(1)} s sampled)`);
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, Number(count))) {
    console.log(`${((100 * micros) / total).toFixed(1).padStart(5)} %  ${(micros / 1e3).toFixed(0).padStart(7)} ms  ${name}`);
  }
};
print('Self time by function', byFunction);
print('Self time by file', byFile);

if (focus) {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const ours = (url: string) => /\/(server|protocol)\/dist\//.test(url);
  const byCaller = new Map<string, number>();
  for (const [id, micros] of self) {
    if (byId.get(id)?.callFrame.functionName !== focus) continue;
    // Walk up to the first two frames of our own code: the repository function and the service that called it.
    const chain: string[] = [];
    for (let at = parent.get(id); at !== undefined && chain.length < 2; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (frame && ours(frame.url)) chain.push(`${frame.functionName || '(anonymous)'} ${shorten(frame.url)}:${frame.lineNumber + 1}`);
    }
    const key = chain.length > 0 ? chain.join(' ← ') : '(no caller in server code: async continuation)';
    byCaller.set(key, (byCaller.get(key) ?? 0) + micros);
  }
  print(`Self time of ${focus} by caller`, byCaller);
}
