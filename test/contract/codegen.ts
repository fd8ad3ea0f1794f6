import type { CodegenConfig } from '@graphql-codegen/cli'

/**
 * The frontend contract's typed example: the site's page queries (test/contract/*.graphql)
 * against the committed schema (schema.graphql), as TypedDocumentNodes with their result and
 * variable types. `npm run generate:contract-types` writes generated.ts; CI checks it is current,
 * and `tsc` fails when a page query selects a field the schema no longer has.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/contract/*.graphql'],
  generates: {
    'test/contract/generated.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        scalars: { DateTime: 'string', EmailAddress: 'string', JSON: 'unknown' },
        useTypeImports: true,
      },
    },
  },
  hooks: { afterOneFileWrite: ['prettier --write'] },
}

export default config
