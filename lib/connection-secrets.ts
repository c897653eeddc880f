import type { Vendor } from './vendors';

/**
 * The settings of each vendor that are encrypted at rest and never sent back to the browser. Zod-free so the
 * connection form can render them; `lib/schemas/connection` re-exports it.
 */
export const secretFields = {
  pbxware: ['apiKey'],
  hodupbx: ['token'],
  mirta: ['password'],
  portsip: ['token'],
} as const satisfies Record<Vendor, readonly string[]>;
