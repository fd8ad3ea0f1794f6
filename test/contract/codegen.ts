import { codegen } from '@graphql-codegen/core'
import * as typedDocumentNode from '@graphql-codegen/typed-document-node'
import * as typescriptOperations from '@graphql-codegen/typescript-operations'
import { buildSchema, lexicographicSortSchema, parse, printSchema } from 'graphql'
import fs from 'node:fs'
import path from 'node:path'
import prettier from 'prettier'

/**
 * The frontend contract's typed example: the site's page queries (test/contract/*.graphql)
 * against the committed schema (schema.graphql), as TypedDocumentNodes with their result and
 * variable types. `npm run generate:contract-types` writes generated.ts; CI checks it is current,
 * and `tsc` fails when a page query selects a field the schema no longer has.
 *
 * graphql-codegen's core and plugins, called directly: its CLI brings URL and GitHub schema
 * loaders whose dependencies need Node 22, and a file schema needs none of them.
 */
const root = path.resolve(import.meta.dirname, '..', '..')
const here = path.join(root, 'test/contract')
const target = path.join(here, 'generated.ts')

// Sorted, as the CLI loads a schema: the generated types come in a stable order.
const schema = lexicographicSortSchema(
  buildSchema(fs.readFileSync(path.join(root, 'schema.graphql'), 'utf8')),
)
const documents = fs
  .readdirSync(here)
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => ({
    location: path.join(here, name),
    document: parse(fs.readFileSync(path.join(here, name), 'utf8')),
  }))

const output = await codegen({
  schema: parse(printSchema(schema)),
  schemaAst: schema,
  documents,
  filename: target,
  plugins: [{ 'typescript-operations': {} }, { 'typed-document-node': {} }],
  pluginMap: {
    'typescript-operations': typescriptOperations,
    'typed-document-node': typedDocumentNode,
  },
  config: {
    scalars: { DateTime: 'string', EmailAddress: 'string', JSON: 'unknown' },
    useTypeImports: true,
  },
})
const options = (await prettier.resolveConfig(target)) ?? {}
fs.writeFileSync(target, await prettier.format(output, { ...options, filepath: target }))
console.log(`wrote ${path.relative(root, target)} (${documents.length} documents)`)
