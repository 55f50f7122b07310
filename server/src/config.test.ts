import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const trustProxy = (value: string | undefined) => loadConfig(value === undefined ? {} : { ETTOR_TRUST_PROXY: value }).trustProxy;

describe('ETTOR_TRUST_PROXY', () => {
  it.each<[string | undefined, unknown]>([
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['1', 1],
    [' 10 ', 10],
    ['loopback', ['loopback']],
    ['127.0.0.1, 10.0.0.0/8 ,::1,uniquelocal', ['127.0.0.1', '10.0.0.0/8', '::1', 'uniquelocal']],
  ])('%j means %j', (value, expected) => {
    expect(trustProxy(value)).toEqual(expected);
  });

  it.each(['true', 'yes', 'TRUE'])('refuses %j, which would let any client name its own address', (value) => {
    expect(() => trustProxy(value)).toThrow(ConfigError);
    expect(() => trustProxy(value)).toThrow(/ETTOR_TRUST_PROXY: .*give the number of proxies in front of Ettor/);
  });

  it.each([
    ['11', /ETTOR_TRUST_PROXY: a hop count must be 1 to 10, not 11/],
    ['nginx', /ETTOR_TRUST_PROXY: give a hop count .* not "nginx"/],
    ['127.0.0.1,10.0.0.0/33,,x', /ETTOR_TRUST_PROXY: .* not "10.0.0.0\/33", "", "x"$/],
    ['-1', /ETTOR_TRUST_PROXY: .* not "-1"/],
  ])('refuses %j with a message naming the variable', (value, message) => {
    expect(() => trustProxy(value)).toThrow(message);
  });
});
