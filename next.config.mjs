/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native/WASM database drivers stay outside the server bundle.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', 'bcryptjs'],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // Builds may run while a dev server holds .next; a separate dir keeps them apart when NEXT_DIST_DIR is set.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ];
  },
};

export default nextConfig;
