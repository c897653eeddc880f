import type { Metadata } from 'next';
import { LiveCallsView } from '@/components/live/live-calls-view';
import { PageHeader } from '@/components/ui/card';
import { pageContext } from '@/server/auth/page';
import { liveFirstPaint } from '@/server/live/service';

export const metadata: Metadata = { title: 'Live calls' };
export const dynamic = 'force-dynamic';

/** First paint from the live hub on the server; the browser then follows the same streams over SSE. */
export default async function LiveCallsPage() {
  const { actor, selection } = await pageContext();
  const initial = await liveFirstPaint(actor, { topics: ['calls'], ...selection });
  return (
    <>
      <PageHeader title="Live calls" description="Calls in progress right now; they appear and end as they happen." />
      <LiveCallsView initial={initial} scope={selection} />
    </>
  );
}
