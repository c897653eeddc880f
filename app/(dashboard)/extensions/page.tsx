import type { Metadata } from 'next';
import { TenantReadNotices } from '@/components/layout/tenant-read-notices';
import { PageHeader } from '@/components/ui/card';
import { pageContext } from '@/server/auth/page';
import { listConfig } from '@/server/services/config-reads';
import { ExtensionsEditor } from './_components/extensions-editor';

export const metadata: Metadata = { title: 'Extensions' };

export default async function ExtensionsPage() {
  const { actor, selection } = await pageContext();
  const { rows, tenants, items, problems } = await listConfig(actor, selection, 'listExtensions');
  return (
    <>
      <PageHeader title="Extensions" description="Extensions of the selected tenants, read from each PBX. Create, edit, delete, or import many from a CSV file." />
      <TenantReadNotices items={items} problems={problems} />
      <ExtensionsEditor initial={{ rows, tenants }} />
    </>
  );
}
