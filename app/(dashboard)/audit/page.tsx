import type { Metadata } from 'next';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { formatInstant } from '@/lib/format';
import { pageContext } from '@/server/auth/page';
import { listAudit } from '@/server/services/audit';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage() {
  const { actor } = await pageContext();
  const entries = await listAudit(actor, { limit: 200 });
  return (
    <>
      <PageHeader title="Audit log" description={actor.kind === 'operator' ? 'Every change made through Switchboard, newest first.' : "Changes to your tenant, newest first."} />
      {entries.length === 0 ? (
        <EmptyState title="No changes recorded yet" />
      ) : (
        <Table data-testid="audit-table">
          <thead>
            <tr>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>What</Th>
              <Th>Result</Th>
              <Th>Before → after</Th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <Td className="whitespace-nowrap tabular">{formatInstant(e.at)}</Td>
                <Td>{e.actor}</Td>
                <Td>
                  <span className="font-mono text-xs">{e.action}</span>
                  {e.targetId && <span className="block text-xs text-slate-500 dark:text-slate-400">{e.targetType} {e.targetId}</span>}
                </Td>
                <Td>{e.result === 'ok' ? <Badge tone="good">ok</Badge> : <Badge tone="bad" className="max-w-xs whitespace-normal">{e.error}</Badge>}</Td>
                <Td>
                  <details>
                    <summary className="cursor-pointer text-xs text-brand-600 dark:text-brand-100">show</summary>
                    <div className="mt-1 grid gap-2 md:grid-cols-2">
                      <pre className="max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{JSON.stringify(e.before, null, 2)}</pre>
                      <pre className="max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{JSON.stringify(e.after, null, 2)}</pre>
                    </div>
                  </details>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
