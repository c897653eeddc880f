import 'server-only';
import { missingCapabilityText, type Capability } from '@/lib/capabilities';
import type { LiveStream, StreamRef } from '@/lib/live-protocol';
import { vendorLabels } from '@/lib/schemas/common';
import { isVendorError, VendorError } from '@/server/adapters/errors';
import { AppError } from '@/server/errors';
import { loadConnection } from '@/server/services/connections';
import type { SourceResult, StreamSource } from './hub';

export const streamCapability: Record<LiveStream, Capability> = {
  calls: 'listLiveCalls',
  registrations: 'listRegistrations',
  counters: 'getTenantCounters',
  balance: 'listBalances',
};

/**
 * The hub's source in the app: the connection's adapter, one vendor read per poll. Items are keyed by a stable
 * ID so the hub can diff them: calls by call ID, registrations by extension, counters and balance as one item.
 */
export const adapterSource: StreamSource = {
  async fetch(ref: StreamRef, signal: AbortSignal): Promise<SourceResult> {
    let loaded: Awaited<ReturnType<typeof loadConnection>>;
    try {
      loaded = await loadConnection(ref.connectionId);
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return { status: 'unsupported', message: 'This connection was removed.' };
      throw err;
    }
    const { adapter, vendor, row } = loaded;
    if (!row.enabled) return { status: 'unsupported', message: 'This connection is disabled.' };
    const cap = streamCapability[ref.stream];
    if (typeof adapter[cap] !== 'function') return { status: 'unsupported', message: missingCapabilityText(vendorLabels[vendor], cap) };
    const ctx = { signal };
    try {
      switch (ref.stream) {
        case 'calls': {
          const calls = await adapter.listLiveCalls!(ctx, ref.tenantId);
          // Vendor extras of a live call change every poll (PBXware's elapsed `timestamp`): not worth a delta.
          return { status: 'ok', items: calls.map((c) => [c.id, { ...c, extras: undefined }]) };
        }
        case 'registrations': {
          const regs = await adapter.listRegistrations!(ctx, ref.tenantId);
          return { status: 'ok', items: regs.map((r) => [r.extension, r]) };
        }
        case 'counters': {
          const c = await adapter.getTenantCounters!(ctx, ref.tenantId);
          return { status: 'ok', items: [['counters', c]] };
        }
        case 'balance': {
          const b = (await adapter.listBalances!(ctx, [ref.tenantId])).find((x) => x.tenantId === ref.tenantId);
          // asOf is the read time, not a property of the balance: leaving it in would make every poll a change.
          return { status: 'ok', items: b ? [['balance', { ...b, asOf: undefined }]] : [] };
        }
      }
    } catch (err) {
      if (isVendorError(err) || signal.aborted) throw err;
      throw new VendorError({ kind: 'invalid_response', vendor, message: 'Switchboard could not read this stream', cause: err });
    }
  },
};
