import { z } from 'zod';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.url().optional())
  .optional();

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  BASE_URL: optionalUrl,
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalUrl,
  SMTP_URL: optionalUrl,
  MAIL_FROM: z.string().min(3).default('Forum <forum@localhost>'),
  MEILI_URL: optionalUrl,
  MEILI_KEY: z.string().optional(),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  /** Secret used to sign purpose-bound tokens (unsubscribe links…). Generated into DATA_DIR when absent. */
  SECRET: z.string().min(32).optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For hop (the proxy's view). */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  ARGON2_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Largest image a member may upload (bytes); multipart requests from members may carry up to 8 of them. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(8 * 1024 * 1024),
  /** Per-member uploads in any 24 hours (staff are exempt). */
  UPLOAD_DAILY_COUNT: z.coerce.number().int().min(0).default(50),
  UPLOAD_DAILY_BYTES: z.coerce.number().int().min(0).default(200 * 1024 * 1024),
  /** How long guests' pages may be served from memory (ms); 0 turns the page cache off. */
  PAGE_CACHE_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  /**
   * A background job still running this long after it started is taken to have lost its worker (killed,
   * crashed) and is retried. It must exceed the longest job; lower it only to pick up dead workers' jobs sooner.
   */
  JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(86_399).default(900),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; the first problem becomes one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(variable, `— ${issue.message} (got ${JSON.stringify(env[variable] ?? null)})`);
  }
  return result.data;
}

/** The public origin the forum is reached at. */
export function baseUrl(config: Config): string {
  return (config.BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}
