import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/ui/card';
import { pageContext } from '@/server/auth/page';
import { getOverview } from '@/server/services/overview';
import { listUsers, listWallboards } from '@/server/services/users';
import { TenantPolicies } from './_components/tenant-policies';
import { UsersManager } from './_components/users-manager';
import { WallboardsManager } from './_components/wallboards-manager';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const { actor } = await pageContext();
  if (actor.kind !== 'operator') redirect('/overview');
  const [users, wallboards, overview] = await Promise.all([listUsers(actor), listWallboards(actor), getOverview(actor, {})]);
  const tenants = overview.rows.map((r) => ({
    connectionId: r.tenant.connectionId,
    connectionName: r.tenant.connectionName,
    tenantId: r.tenant.id,
    tenantName: r.tenant.name,
    threshold: r.threshold,
    tenantMayEdit: r.tenantMayEdit,
    currency: r.balance.status === 'ok' ? r.balance.value.balance.currency : undefined,
  }));
  return (
    <div className="space-y-10">
      <section>
        <PageHeader title="Users" description="Operators see every tenant. Tenant users see only the tenant they are bound to." />
        <UsersManager users={users} tenants={tenants} />
      </section>
      <section>
        <PageHeader title="Tenant permissions" description="Whether a tenant's own users may change its configuration, and when its balance counts as low." />
        <TenantPolicies tenants={tenants} />
      </section>
      <section>
        <PageHeader title="Wallboards" description="Read-only live-call screens opened by URL, without a password. Revoke a URL to stop it at once." />
        <WallboardsManager wallboards={wallboards} tenants={tenants} />
      </section>
    </div>
  );
}
