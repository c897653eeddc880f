import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/ui/card';
import { pageContext } from '@/server/auth/page';
import { listConnections } from '@/server/services/connections';
import { ConnectionsManager } from './_components/connections-manager';

export const metadata: Metadata = { title: 'Connections' };

export default async function ConnectionsPage() {
  const { actor } = await pageContext();
  if (actor.kind !== 'operator') redirect('/overview');
  const connections = await listConnections(actor);
  return (
    <>
      <PageHeader title="Connections" description="The PBX platforms Switchboard talks to. Credentials are encrypted at rest and never sent back to the browser." />
      <ConnectionsManager connections={connections} />
    </>
  );
}
