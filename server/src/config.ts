import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultWebDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  ETTOR_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL; leave it unset for embedded SQLite')
    .optional(),
  ETTOR_WEB_DIR: z.string().min(1).default(defaultWebDir),
  /** The address phones are told to open; by default the address the presenter's browser uses. */
  ETTOR_PUBLIC_URL: z.url().optional(),
  /** Whether people may create their own presenter accounts after the first one; an admin can change it later. */
  ETTOR_SIGNUP_OPEN: flag.default(false),
  /** Set behind an HTTPS reverse proxy so cookies are Secure and client addresses are real. */
  ETTOR_TRUST_PROXY: flag.default(false),
  /** Open live sockets one client address may hold; raise it when the whole audience shares one NAT address. */
  ETTOR_MAX_SOCKETS_PER_IP: z.coerce.number().int().min(1).default(2000),
  ETTOR_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  webDir: string;
  publicUrl: string | undefined;
  signupOpenByDefault: boolean;
  trustProxy: boolean;
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
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ETTOR_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    webDir: path.resolve(e.ETTOR_WEB_DIR),
    publicUrl: e.ETTOR_PUBLIC_URL,
    signupOpenByDefault: e.ETTOR_SIGNUP_OPEN,
    trustProxy: e.ETTOR_TRUST_PROXY,
    maxSocketsPerAddress: e.ETTOR_MAX_SOCKETS_PER_IP,
    logLevel: e.ETTOR_LOG_LEVEL,
  };
}
