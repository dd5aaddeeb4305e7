// Server configuration from the environment, validated once at start so a typo fails loudly.
import { z } from 'zod';

const Env = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Longest a graceful shutdown waits for in-flight requests before it exits anyway. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
});

export type ServerConfig = z.infer<typeof Env>;

export function readConfig(env: Record<string, string | undefined>): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid server configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
