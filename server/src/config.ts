import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type TrustProxy, trustFunction } from './http/client-address.js';

const defaultWebDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

// Trusting every hop would let any client name its own address, so `true` is refused rather than guessed at.
const trustProxySetting = z
  .string()
  .trim()
  .transform((value, ctx): TrustProxy => {
    const lower = value.toLowerCase();
    if (['', '0', 'false', 'no'].includes(lower)) return false;
    if (lower === 'true' || lower === 'yes') {
      ctx.addIssue({
        code: 'custom',
        message: `"${value}" would trust any client to name its own address; give the number of proxies in front of Ettor (1 for one nginx) or their addresses, e.g. loopback or 10.0.0.5`,
      });
      return z.NEVER;
    }
    if (/^\d+$/u.test(value)) {
      const hops = Number(value);
      if (hops >= 1 && hops <= 10) return hops;
      ctx.addIssue({ code: 'custom', message: `a hop count must be 1 to 10, not ${value}` });
      return z.NEVER;
    }
    const proxies = value.split(',').map((entry) => entry.trim());
    const bad = proxies.filter((entry) => !isProxyAddress(entry));
    if (bad.length === 0) return proxies;
    ctx.addIssue({
      code: 'custom',
      message: `give a hop count (1 to 10) or proxies as IP addresses, CIDR ranges, loopback, linklocal or uniquelocal, not ${bad.map((entry) => JSON.stringify(entry)).join(', ')}`,
    });
    return z.NEVER;
  });

/** Whether proxy-addr, which decides the client address, understands this one entry of a list. */
function isProxyAddress(entry: string): boolean {
  try {
    trustFunction([entry]);
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  ETTOR_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL; leave it unset for embedded SQLite')
    .optional(),
  /** Joins this node to others on the same PostgreSQL: Redis carries what one node tells the rest. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL; leave it unset for one node')
    .optional(),
  /** Prefixes every Redis key and channel, so several Ettor installations (or tests) can share one Redis. */
  ETTOR_REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits and _ . : - only, at most 64')
    .default('ettor:'),
  ETTOR_WEB_DIR: z.string().min(1).default(defaultWebDir),
  /** The address phones are told to open; by default the address the presenter's browser uses. */
  ETTOR_PUBLIC_URL: z.url().optional(),
  /** Whether people may create their own presenter accounts after the first one; an admin can change it later. */
  ETTOR_SIGNUP_OPEN: flag.default(false),
  /** The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed: a hop count or their addresses. */
  ETTOR_TRUST_PROXY: trustProxySetting.default(false),
  /** Open live sockets one client address may hold; raise it when the whole audience shares one NAT address. */
  ETTOR_MAX_SOCKETS_PER_IP: z.coerce.number().int().min(1).default(2000),
  ETTOR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  redisPrefix: string;
  webDir: string;
  publicUrl: string | undefined;
  signupOpenByDefault: boolean;
  trustProxy: TrustProxy;
  maxSocketsPerAddress: number;
  logLevel: z.infer<typeof envSchema>['ETTOR_LOG_LEVEL'];
};

export class ConfigError extends Error {}

/** Reads the environment once; names every bad variable at once so an admin can fix them in one go. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL: nodes joined by Redis share one database; set DATABASE_URL to PostgreSQL too, or leave REDIS_URL unset for one node',
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ETTOR_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.ETTOR_REDIS_PREFIX,
    webDir: path.resolve(e.ETTOR_WEB_DIR),
    publicUrl: e.ETTOR_PUBLIC_URL,
    signupOpenByDefault: e.ETTOR_SIGNUP_OPEN,
    trustProxy: e.ETTOR_TRUST_PROXY,
    maxSocketsPerAddress: e.ETTOR_MAX_SOCKETS_PER_IP,
    logLevel: e.ETTOR_LOG_LEVEL,
  };
}
