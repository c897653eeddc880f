import type { Metadata } from 'next';
import { Wallboard } from '@/components/live/wallboard';
import { liveFirstPaint } from '@/server/live/service';
import { actorForWallboardToken } from '@/server/services/users';

export const metadata: Metadata = { title: 'Wallboard', robots: { index: false, follow: false } };
export const dynamic = 'force-dynamic';

/**
 * The wall display, opened by URL without a login: the token names the tenants or connections it may show and
 * is checked here and on every stream (a revoked token stops the screen within seconds).
 */
export default async function WallboardPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await actorForWallboardToken(decodeURIComponent(token));
  if (!actor || actor.kind !== 'wallboard')
    return (
      <main className="flex h-screen items-center justify-center bg-slate-950 p-10 text-center text-slate-100" data-testid="wallboard-invalid">
        <div>
          <h1 className="text-6xl font-bold">This wallboard link is not valid</h1>
          <p className="mt-6 text-3xl text-slate-300">It may have been revoked. Ask an operator for a new link.</p>
        </div>
      </main>
    );
  const initial = await liveFirstPaint(actor, { topics: ['calls', 'counters', 'balance'] });
  return <Wallboard initial={initial} token={decodeURIComponent(token)} name={actor.name} />;
}
