// One flat config for the whole workspace; each package's `lint` script points ESLint at its sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-contract/**',
      '**/.astro/**',
      '**/.strapi/**',
      '**/.tmp/**',
      'cms/types/generated/**',
      'cms/src/admin/**',
      '**/*.astro',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // A content type is named once (cms/src/content-types.ts): a retyped UID is a silent miss when mistyped.
    files: ['cms/src/extensions/**/*.ts', 'cms/scripts/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Literal[value=/^api::[a-z-]+\\.[a-z-]+$/]',
          message: "Name the content type with CONTENT_TYPES from cms/src/content-types.ts, not 'api::…'.",
        },
      ],
    },
  },
  {
    // The public forms' script is served byte for byte (docs/forms.md): its browser globals are
    // declared here rather than in a comment that would ship to every reader.
    files: ['sites/template/src/forms/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        fetch: 'readonly',
        FormData: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
