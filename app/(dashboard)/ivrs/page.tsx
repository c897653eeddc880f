import type { Metadata } from 'next';
import { TenantReadNotices } from '@/components/layout/tenant-read-notices';
import { PageHeader } from '@/components/ui/card';
import { pageContext } from '@/server/auth/page';
import { listConfig } from '@/server/services/config-reads';
import { IvrsEditor } from './_components/ivrs-editor';

export const metadata: Metadata = { title: 'IVRs' };

export default async function IvrsPage() {
  const { actor, selection } = await pageContext();
  const { rows, tenants, items, problems } = await listConfig(actor, selection, 'listIvrs');
  return (
    <>
      <PageHeader title="IVRs" description="Auto attendants: choose one to see where each key leads and, where the vendor allows it, to edit its keymap." />
      <TenantReadNotices items={items} problems={problems} />
      <IvrsEditor initial={{ rows, tenants }} />
    </>
  );
}
