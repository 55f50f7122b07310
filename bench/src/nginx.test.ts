import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderSite } from './nginx.js';

// Read from the source tree: the module's own path to it assumes the compiled one.
const SITE = fileURLToPath(new URL('../../deploy/nginx/ettor.conf', import.meta.url));

// The bench runs nginx from the deployed site file; these check that its addresses, and only those, are replaced.
describe('renderSite', () => {
  const site = fs.readFileSync(SITE, 'utf8');
  const rendered = renderSite(site, ['127.0.0.1:4300', '127.0.0.1:4301'], '127.0.0.1:4302');
  const active = rendered
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);

  it('puts the run’s nodes in the upstream and its port in the one listen', () => {
    // The deployed server parameters (max_fails=0) go with every node.
    expect(active.filter((line) => line.startsWith('server 127.0.0.1:'))).toEqual([
      'server 127.0.0.1:4300 max_fails=0;',
      'server 127.0.0.1:4301 max_fails=0;',
    ]);
    expect(active.filter((line) => line.startsWith('listen '))).toEqual(['listen 127.0.0.1:4302;']);
    expect(active.some((line) => /^server\s+\d/.test(line) && !line.includes('127.0.0.1'))).toBe(false);
  });

  it('keeps every other directive as deployed', () => {
    const kept = (text: string) =>
      text
        .split('\n')
        .map((line) => line.replace(/#.*/, '').trim())
        .filter((line) => line && !/^(listen|server)\s+[^{]/.test(line));
    expect(kept(rendered)).toEqual(kept(site));
  });

  it('refuses a site without an upstream to fill', () => {
    expect(() => renderSite('server {\n    listen 80;\n}\n', ['127.0.0.1:4300'], '127.0.0.1:4302')).toThrow(/no "upstream ettor \{"/);
  });
});
