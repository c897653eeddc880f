import 'server-only';
import type { ConnectionConfig } from '@/lib/schemas/connection';
import { createHodupbxAdapter } from './hodupbx';
import { createMirtaAdapter } from './mirta';
import { createPbxwareAdapter } from './pbxware';
import { createPortsipAdapter } from './portsip';
import type { AdapterOptions, PbxAdapter } from './types';

/** Builds the adapter for a connection's decrypted configuration. The one place that knows every vendor. */
export function createAdapter(config: ConnectionConfig, options?: AdapterOptions, connectionId?: string): PbxAdapter {
  switch (config.vendor) {
    case 'pbxware':
      return createPbxwareAdapter({ ...config, connectionId }, options);
    case 'hodupbx':
      return createHodupbxAdapter({ ...config, connectionId }, options);
    case 'mirta':
      return createMirtaAdapter({ ...config, connectionId }, options);
    case 'portsip':
      return createPortsipAdapter({ ...config, connectionId }, options);
  }
}

const cache = new Map<string, { version: string; adapter: PbxAdapter }>();

/** Adapters are cheap but keep per-connection state (derived IDs, lookups); reuse one per connection version. */
export function adapterFor(conn: { id: string; updatedAt: Date; config: ConnectionConfig }): PbxAdapter {
  const version = conn.updatedAt.toISOString();
  const hit = cache.get(conn.id);
  if (hit && hit.version === version) return hit.adapter;
  const adapter = createAdapter(conn.config, undefined, conn.id);
  cache.set(conn.id, { version, adapter });
  return adapter;
}

export function forgetAdapter(connectionId: string) {
  cache.delete(connectionId);
}
