import 'server-only';
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  /** A Postgres server; the embedded PGlite database in the data directory when absent. */
  DATABASE_URL: z.string().url('DATABASE_URL must be a postgres:// URL').optional(),
  /** Where the embedded database and the generated secret live. */
  SWITCHBOARD_DATA_DIR: z.string().default('./data'),
  /** Key material for encrypting vendor credentials; generated into the data directory when absent. */
  SWITCHBOARD_SECRET: z.string().min(32, 'SWITCHBOARD_SECRET must be at least 32 characters').optional(),
  /** Seed demo connections to the built-in emulators and demo logins on an empty database. */
  SWITCHBOARD_DEMO: z.enum(['0', '1']).default('0'),
  /** Base URL of the emulators in demo mode. */
  SWITCHBOARD_EMULATOR_HOST: z.string().default('127.0.0.1'),
  /** Use Redis for cross-instance live fan-out (scaled deployments); in-process otherwise. */
  REDIS_URL: z.string().optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

export const dataDir = () => path.resolve(env().SWITCHBOARD_DATA_DIR);
