import type { Metadata } from 'next';
import { Notice, PageHeader } from '@/components/ui/card';
import { pageContext } from '@/server/auth/page';

export const metadata: Metadata = { title: 'CDRs' };

export default async function CdrsPage() {
  await pageContext();
  return (
    <>
      <PageHeader title="CDRs" />
      <Notice tone="neutral" title="Not built yet" testId="not-built">
        The CDR explorer (synced call records, search, charts, CSV export and recordings) is not built yet. The vendor adapters already read CDRs; this page will show them once CDR sync lands.
      </Notice>
    </>
  );
}
