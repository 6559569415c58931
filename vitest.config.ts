import { defineConfig } from 'vitest/config'
import path from 'node:path'

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname, 'src'), '@payload-config': path.resolve(__dirname, 'payload.config.ts') } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          pool: 'forks',
          // The admin's server components render in tests; the UI kit they import pulls CSS files
          // (react-image-crop's), which only Vite can load: let Vite process those packages.
          server: { deps: { inline: [/@payloadcms\/ui/, /react-image-crop/] } },
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
})
