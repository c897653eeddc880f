import type { Metadata } from 'next';
import { TenantReadNotices } from '@/components/layout/tenant-read-notices';
import { PageHeader } from '@/components/ui/card';
import { pageContext } from '@/server/auth/page';
import { listConfig } from '@/server/services/config-reads';
import { OperationTimesEditor } from './_components/operation-times-editor';

export const metadata: Metadata = { title: 'Operation times' };

export default async function OperationTimesPage() {
  const { actor, selection } = await pageContext();
  const { rows, tenants, items, problems } = await listConfig(actor, selection, 'listOperationTimes');
  return (
    <>
      <PageHeader title="Operation times" description="Open hours per weekday, closed dates and holidays, and where calls go when closed — for every schedule each vendor keeps." />
      <TenantReadNotices items={items} problems={problems} />
      <OperationTimesEditor initial={{ rows, tenants }} />
    </>
  );
}
