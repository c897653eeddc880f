import type { Metadata } from 'next';
import { OverviewView } from '@/components/live/overview-view';
import { PageHeader } from '@/components/ui/card';
import { pageContext } from '@/server/auth/page';
import { liveFirstPaint } from '@/server/live/service';

export const metadata: Metadata = { title: 'Overview' };
export const dynamic = 'force-dynamic';

export default async function OverviewPage() {
  const { actor, selection } = await pageContext();
  const initial = await liveFirstPaint(actor, { topics: ['counters', 'balance'], ...selection });
  return (
    <>
      <PageHeader title="Overview" description="Every tenant of every connected PBX: balance, calls now, extensions online and how fresh the data is." />
      <OverviewView initial={initial} scope={selection} isOperator={actor.kind === 'operator'} />
    </>
  );
}
