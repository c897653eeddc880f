'use client';

import { Activity, BookOpen, Building2, Clock, FileText, Gauge, Hash, Network, Phone, PhoneCall, Radio, Users } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

const items = [
  { href: '/overview', label: 'Overview', icon: Gauge },
  { href: '/live-calls', label: 'Live calls', icon: PhoneCall },
  { href: '/registrations', label: 'Registrations', icon: Radio },
  { href: '/cdrs', label: 'CDRs', icon: FileText },
  { href: '/extensions', label: 'Extensions', icon: Phone },
  { href: '/dids', label: 'DIDs', icon: Hash },
  { href: '/ivrs', label: 'IVRs', icon: Network },
  { href: '/operation-times', label: 'Operation times', icon: Clock },
  { href: '/connections', label: 'Connections', icon: Building2, operatorOnly: true },
  { href: '/users', label: 'Users', icon: Users, operatorOnly: true },
  { href: '/audit', label: 'Audit log', icon: BookOpen },
] as const;

export function Sidebar({ role }: { role: 'operator' | 'tenant' }) {
  const path = usePathname();
  return (
    <nav aria-label="Main" className="hidden w-56 shrink-0 border-r border-slate-200 bg-white md:block dark:border-slate-800 dark:bg-slate-900">
      <div className="flex items-center gap-2 px-4 py-4">
        <Activity className="size-5 text-brand-600" aria-hidden />
        <span className="font-semibold tracking-tight">Switchboard</span>
      </div>
      <ul className="space-y-0.5 px-2">
        {items
          .filter((i) => role === 'operator' || !('operatorOnly' in i))
          .map((i) => {
            const active = path === i.href || path.startsWith(`${i.href}/`);
            const Icon = i.icon;
            return (
              <li key={i.href}>
                <Link
                  href={i.href}
                  aria-current={active ? 'page' : undefined}
                  className={cn(
                    'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm',
                    active ? 'bg-brand-50 font-medium text-brand-700 dark:bg-brand-700/25 dark:text-brand-100' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
                  )}
                >
                  <Icon className="size-4" aria-hidden />
                  {i.label}
                </Link>
              </li>
            );
          })}
      </ul>
    </nav>
  );
}
