import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['node_modules', '.next*', 'test-results', 'playwright-report', 'data', 'src/payload-types.ts', 'src/app/(payload)/admin/importMap.js', 'src/migrations/**/[0-9]*.ts', 'next-env.d.ts'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // Payload's documents and hook arguments are loosely typed; `any` at those seams is deliberate.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
)
