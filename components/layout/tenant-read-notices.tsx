import { Notice } from '@/components/ui/card';
import { formatAge } from '@/lib/format';
import { describeVendorError, type VendorErrorInfo } from '@/lib/vendor-error';

interface Item {
  tenant: { name: string; connectionName: string };
  result: { status: 'ok'; stale: boolean; fetchedAt: string; error?: VendorErrorInfo } | { status: 'unsupported'; message: string } | { status: 'error'; error: VendorErrorInfo };
}

/**
 * Explains, above a table that merges many tenants, which tenants are missing and why: the vendor's API lacks
 * the feature, the vendor failed (with its code and words), or what is shown is stale and how old it is.
 */
export function TenantReadNotices({ items, problems }: { items: Item[]; problems: { connectionName: string; error: VendorErrorInfo; lastGoodAt?: string }[] }) {
  const unsupported = new Map<string, string[]>();
  const notes: React.ReactNode[] = [];
  for (const it of items) {
    const who = `${it.tenant.name} (${it.tenant.connectionName})`;
    if (it.result.status === 'unsupported') unsupported.set(it.result.message, [...(unsupported.get(it.result.message) ?? []), who]);
    else if (it.result.status === 'error')
      notes.push(
        <Notice key={`e-${who}`} tone="bad" title={`${who}: no data`} testId="vendor-error">
          {describeVendorError(it.result.error)}
        </Notice>,
      );
    else if (it.result.stale && it.result.error)
      notes.push(
        <Notice key={`s-${who}`} tone="warn" title={`${who}: showing data from ${formatAge(it.result.fetchedAt)} ago`} testId="stale-notice">
          {describeVendorError(it.result.error)}
        </Notice>,
      );
  }
  for (const p of problems)
    notes.push(
      <Notice key={`p-${p.connectionName}`} tone={p.lastGoodAt ? 'warn' : 'bad'} title={`${p.connectionName}: ${p.lastGoodAt ? `tenant list from ${formatAge(p.lastGoodAt)} ago` : 'unavailable'}`} testId="vendor-error">
        {describeVendorError(p.error)}
      </Notice>,
    );
  for (const [message, who] of unsupported)
    notes.push(
      <Notice key={`u-${message}`} tone="neutral" testId="unsupported-notice">
        {message} <span className="text-slate-500 dark:text-slate-400">({who.join(', ')})</span>
      </Notice>,
    );
  return notes.length ? <div className="mb-4 space-y-2">{notes}</div> : null;
}
