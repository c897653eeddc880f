import { redirect } from 'next/navigation';
import { Sidebar } from '@/components/layout/sidebar';
import { ScopeSwitcher } from '@/components/layout/scope-switcher';
import { ThemeToggle } from '@/components/layout/theme-toggle';
import { Button } from '@/components/ui/button';
import { logoutAction } from '@/server/actions/auth';
import { getSelection } from '@/server/auth/selection';
import { getActor } from '@/server/auth/session';
import { listTenants } from '@/server/services/tenants';
import { Providers } from './providers';

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor || actor.kind === 'wallboard') redirect('/login');
  const selection = await getSelection(actor);
  const { tenants } = await listTenants(actor);
  const options = tenants.map((t) => ({ connectionId: t.connectionId, connectionName: t.connectionName, vendor: t.vendor, tenantId: t.id, tenantName: t.name }));
  return (
    <Providers>
      <div className="flex min-h-screen">
        <Sidebar role={actor.kind} />
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-5 py-2.5 dark:border-slate-800 dark:bg-slate-900">
            <ScopeSwitcher options={options} selection={selection} locked={actor.kind === 'tenant'} />
            <div className="ml-auto flex items-center gap-2">
              <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-400" data-testid="whoami">
                {actor.name} · {actor.kind === 'operator' ? 'Operator' : 'Tenant user'}
              </span>
              <ThemeToggle />
              <form action={logoutAction}>
                <Button variant="ghost" type="submit">
                  Sign out
                </Button>
              </form>
            </div>
          </header>
          <main className="flex-1 px-5 py-5">{children}</main>
        </div>
      </div>
    </Providers>
  );
}
