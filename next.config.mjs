import { withPayload } from '@payloadcms/next/withPayload'
import { SECURITY_HEADERS } from './src/http/securityHeaders.mjs'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets several builds of one checkout coexist (e.g. parallel work on one machine).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm run typecheck` checks types once in CI; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['exceljs', 'ioredis', 'nodemailer'],
  // Every page and route (the API's own answers set them too: src/http/apiGuard.ts).
  headers: async () => [{ source: '/:path*', headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
