/** Formats a join code for people: `1234 5678`. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/** Reads a code as people type or paste it: digits with spaces, or a whole join link. */
export function parseJoinCode(input: string): string | null {
  const path = input
    .trim()
    .replace(/[?#].*$/u, '')
    .replace(/\/+$/u, '');
  const digits = path.replace(/^.*\//u, '').replace(/[\s-]/gu, '');
  return /^\d{8}$/u.test(digits) ? digits : null;
}
