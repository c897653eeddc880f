import { z } from 'zod';
import { vendorSchema } from './common';

const baseUrl = z
  .string()
  .trim()
  .url('must be a URL such as https://pbx.example.com')
  .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://');

/**
 * The settings each vendor needs. Fields listed in `secretFields` are encrypted at rest and never sent back to
 * the browser; the rest may be shown.
 */
export const pbxwareConfigSchema = z.object({
  vendor: z.literal('pbxware'),
  baseUrl,
  apiKey: z.string().trim().min(10, 'PBXware API keys are at least 10 characters'),
});
export const hodupbxConfigSchema = z.object({
  vendor: z.literal('hodupbx'),
  baseUrl,
  token: z.string().trim().min(1, 'enter the API token'),
  userType: z.enum(['ADMIN', 'TENANT'], { message: 'choose ADMIN (platform token) or TENANT (tenant token)' }),
  /** HoduPBX sends naive local times; this zone turns them into instants. */
  timezone: z.string().trim().default('UTC'),
});
export const mirtaConfigSchema = z.object({
  vendor: z.literal('mirta'),
  baseUrl,
  username: z.string().trim().min(1, 'enter the API user name'),
  password: z.string().min(1, 'enter the API password'),
  /** The user whose tenants this connection shows (`/user/tenants`). */
  userEmail: z.string().trim().email('must be an e-mail address'),
  /** te_id → tenant_code, needed by the CDR endpoint; no documented endpoint returns it. */
  tenantCodes: z.record(z.string(), z.string()).default({}),
  /** Zone of the naive `calldate` in call history. */
  timezone: z.string().trim().default('UTC'),
  /** Currency of call-history `cost`; the API does not say, so costs are left out until set. */
  currency: z.union([z.literal(''), z.string().trim().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 currency code such as USD')]).optional(),
});
export const portsipConfigSchema = z.object({
  vendor: z.literal('portsip'),
  baseUrl,
  token: z.string().trim().min(1, 'enter the tenant bearer token'),
});

export const connectionConfigSchema = z.discriminatedUnion('vendor', [
  pbxwareConfigSchema,
  hodupbxConfigSchema,
  mirtaConfigSchema,
  portsipConfigSchema,
]);
export type ConnectionConfig = z.infer<typeof connectionConfigSchema>;
export type PbxwareConfig = z.infer<typeof pbxwareConfigSchema>;
export type HodupbxConfig = z.infer<typeof hodupbxConfigSchema>;
export type MirtaConfig = z.infer<typeof mirtaConfigSchema>;
export type PortsipConfig = z.infer<typeof portsipConfigSchema>;

// Zod-free so the connection form can render it without bundling zod.
export { secretFields } from '../connection-secrets';

/** What the browser may see of a connection: never a credential. */
export const connectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  vendor: vendorSchema,
  baseUrl: z.string(),
  /** Non-secret settings (user type, timezone, user e-mail…), for the edit form. */
  settings: z.record(z.string(), z.unknown()),
  /** Which secrets are stored, shown as "set" in the edit form. */
  secretsSet: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const connectionInputSchema = z.object({
  name: z.string().trim().min(1, 'enter a name').max(80, 'at most 80 characters'),
  config: connectionConfigSchema,
});
export type ConnectionInput = z.infer<typeof connectionInputSchema>;
