import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Switchboard', template: '%s · Switchboard' },
  description: 'One console for every PBX you run.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The theme is a cookie, so the server renders the right colours on the first paint (no flash).
  const theme = (await cookies()).get('sb-theme')?.value === 'dark' ? 'dark' : 'light';
  return (
    <html lang="en" className={theme === 'dark' ? 'dark' : undefined}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
