/** Next.js calls this once per server process before serving: migrate the database and seed the demo. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { boot } = await import('./server/boot');
    await boot();
  }
}
