import { describe, expect, it } from 'vitest';
import { weakPasswordProblem } from './password-policy.js';

describe('weakPasswordProblem', () => {
  it.each([
    ['qwertyuiop', 'one of the most common'],
    ['1234567890', 'one of the most common'],
    ['Password123', 'one of the most common'],
    ['Sommar2026!', 'a common word with digits'],
    ['lösenord1234', 'a common word with digits'],
    ['!!!football!!!', 'a common word with digits'],
    ['aaaaaaaaaa', 'repeats a few characters'],
    ['1212121212', 'repeats a few characters'],
    ['abcabcabcabc', 'repeats a few characters'],
  ])('refuses %s (%s)', (password, why) => {
    expect(weakPasswordProblem(password)).toEqual({ code: 'weak_password', message: expect.stringContaining(why) as unknown });
  });

  it.each(['correct horse battery', 'Nollorna blir ettor 2027', 'kaffe-i-Umeå-42'])('takes %s', (password) => {
    expect(weakPasswordProblem(password)).toBeNull();
  });
});
