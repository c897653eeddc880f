import type { Metadata } from 'next';
import { RegistrationsView } from '@/components/live/registrations-view';
import { PageHeader } from '@/components/ui/card';
import { pageContext } from '@/server/auth/page';
import { liveFirstPaint } from '@/server/live/service';

export const metadata: Metadata = { title: 'Registrations' };
export const dynamic = 'force-dynamic';

export default async function RegistrationsPage() {
  const { actor, selection } = await pageContext();
  const initial = await liveFirstPaint(actor, { topics: ['registrations'], ...selection });
  return (
    <>
      <PageHeader title="Registrations" description="SIP registration state of every extension, kept up to date." />
      <RegistrationsView initial={initial} scope={selection} />
    </>
  );
}
