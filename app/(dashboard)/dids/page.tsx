import type { Metadata } from 'next';
import { TenantReadNotices } from '@/components/layout/tenant-read-notices';
import { PageHeader } from '@/components/ui/card';
import { pageContext } from '@/server/auth/page';
import { listConfig } from '@/server/services/config-reads';
import { DidsEditor } from './_components/dids-editor';

export const metadata: Metadata = { title: 'DIDs' };

export default async function DidsPage() {
  const { actor, selection } = await pageContext();
  const { rows, tenants, items, problems } = await listConfig(actor, selection, 'listDids');
  return (
    <>
      <PageHeader title="DIDs" description="Phone numbers and where they route. Create, edit, route, delete, and give pool numbers to tenants — as far as each vendor's API allows." />
      <TenantReadNotices items={items} problems={problems} />
      <DidsEditor initial={{ rows, tenants }} operator={actor.kind === 'operator'} />
    </>
  );
}
