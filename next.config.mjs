import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets several builds of one checkout coexist (e.g. parallel work on one machine).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm run typecheck` checks types once in CI; the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['exceljs', 'ioredis', 'nodemailer'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
