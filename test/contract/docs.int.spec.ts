import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { Kind, parse, print } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { graphQLPost } from '../../plugins/http-cache'
import { seedDemo } from '../../src/seed'
import { apiClient } from '../helpers/http'
import { bootPayload } from '../helpers/payload'

// What the README and the API docs show a newcomer works as shown, on the demo newsroom: every
// `/api/...` path the README names answers, every `curl` example answers 200 without errors, and
// every `graphql` block runs without errors (docs/frontend.md's page queries included).

const root = path.resolve(import.meta.dirname, '..', '..')
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8')
const DOCUMENTS = ['README.md', 'docs/api.md', 'docs/frontend.md']
const schemaText = read('schema.graphql')

let payload: Payload
let api: ReturnType<typeof apiClient>
let chungnam: string

beforeAll(async () => {
  payload = await bootPayload('contract-docs')
  await seedDemo(payload)
  api = apiClient(payload)
  chungnam = (
    await payload.find({ collection: 'regions', where: { code: { equals: '4400000000' } } })
  ).docs[0]!.slug!
})
afterAll(async () => {
  await payload?.destroy()
})

const blocks = (markdown: string, language: string): string[] =>
  [...markdown.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    (match) => match[1]!,
  )

/** A shell block's commands as argument lists: quotes, `\` line continuations and comments as sh reads them. */
const commands = (script: string): string[][] => {
  const all: string[][] = []
  let words: string[] = []
  let word = ''
  let hasWord = false
  let quote: null | string = null
  const endWord = () => {
    if (hasWord) words.push(word)
    word = ''
    hasWord = false
  }
  const endCommand = () => {
    endWord()
    if (words.length) all.push(words)
    words = []
  }
  for (let index = 0; index < script.length; index++) {
    const char = script[index]!
    if (quote) {
      if (char === quote) quote = null
      else word += char
    } else if (char === "'" || char === '"') {
      quote = char
      hasWord = true
    } else if (char === '\\' && script[index + 1] === '\n') index++
    else if (char === '#' && !hasWord) {
      while (index < script.length && script[index] !== '\n') index++
      endCommand()
    } else if (char === '\n' || char === ';') endCommand()
    else if (char === ' ' || char === '\t') endWord()
    else {
      word += char
      hasWord = true
    }
  }
  endCommand()
  return all
}

const graphql = async (body: unknown) => {
  const response = await graphQLPost(payload.config)(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  )
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

const queryFields = new Set(
  /type Query \{([\s\S]*?)\n\}/
    .exec(schemaText)![1]!
    .split('\n')
    .map((line) => /^\s*(\w+)/.exec(line)?.[1])
    .filter(Boolean),
)

/** Example values for the variables the documented queries take, by name. */
const variablesFor = (query: string): Record<string, unknown> => {
  const operation = parse(query).definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  )
  const name = operation && 'name' in operation ? operation.name?.value : undefined
  const examples: Record<string, unknown> = {
    slug:
      name === 'SectionPage'
        ? 'news'
        : name === 'RegionPage'
          ? chungnam
          : name === 'ReporterPage'
            ? 'kim-hansu'
            : 'ulsan-social-innovation',
    // The search page's example searches everything (울산 is no 충남 story).
    ...(name === 'SearchPage' ? {} : { section: 'news', region: chungnam }),
    q: '울산',
  }
  const variables: Record<string, unknown> = {}
  for (const definition of operation && 'variableDefinitions' in operation
    ? (operation.variableDefinitions ?? [])
    : []) {
    const variable = definition.variable.name.value
    if (variable in examples) variables[variable] = examples[variable]
  }
  return variables
}

describe('the README names only paths that answer', () => {
  // `POST /api/articles/:id/preview-token`: the method when the README gives one, `:id` a real article.
  const named = [
    ...new Set(
      [
        ...read('README.md').matchAll(
          /(?:\b(GET|POST) )?(?:http:\/\/localhost:3000)?(\/api\/[\w\-./:]*[\w/])/g,
        ),
      ].map((match) => `${match[1] ?? 'GET'} ${match[2]!}`),
    ),
  ]
  it('finds the paths', () =>
    expect(named).toEqual(expect.arrayContaining(['GET /api/articles', 'POST /api/graphql'])))
  it.each(named)('%s', async (line) => {
    const [method, apiPath] = line.split(' ') as [string, string]
    if (apiPath === '/api/graphql') {
      const { body, status } = await graphql({ query: '{ __typename }' })
      expect(status).toBe(200)
      expect(body.data).toEqual({ __typename: 'Query' })
      return
    }
    const article = (
      await payload.find({
        collection: 'articles',
        where: { slug: { equals: 'ulsan-social-innovation' } },
      })
    ).docs[0]!
    const { body, status } = await api.rest(
      method,
      apiPath.slice('/api'.length).replace(':id', String(article.id)),
    )
    // It answers: a reader's 200, or the refusal a staff-only endpoint owes a reader.
    expect(status, JSON.stringify(body)).not.toBe(404)
    expect(status).toBeLessThan(500)
    if (status >= 400) expect(body.errors[0].code).toBe('UNAUTHORIZED')
  })
})

describe.each(DOCUMENTS)('the examples of %s run', (file) => {
  const markdown = read(file)
  const curls = blocks(markdown, 'sh')
    .flatMap(commands)
    .filter((words) => words[0] === 'curl')
  const queries = blocks(markdown, 'graphql')
  const headline = queries.find((query) => /fragment Headline on Article/.test(query)) ?? ''

  it.each(curls.map((words) => [words.join(' ').slice(0, 120), words] as const))(
    'curl: %s',
    async (_, words) => {
      const url = words.find((word) => word.startsWith('http://localhost:3000/'))
      expect(url, words.join(' ')).toBeTruthy()
      const { pathname, search } = new URL(url!)
      const data = words[words.indexOf('-d') + 1]
      if (words.includes('-d')) {
        expect(pathname).toBe('/api/graphql')
        const { body, status } = await graphql(data!)
        expect(status).toBe(200)
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
        expect(JSON.stringify(body.data)).toMatch(/"docs":\[\{/)
        return
      }
      const { body, status } = await api.rest('GET', `${pathname.slice('/api'.length)}${search}`)
      expect(status, JSON.stringify(body)).toBe(200)
      expect(body.docs.length).toBeGreaterThan(0)
    },
  )

  const operations = queries.filter((query) => /^\s*(query|mutation|\{)/m.test(query))
  it.each(
    operations.map(
      (query) =>
        [/^\s*(?:query|mutation)\s+(\w+)/m.exec(query)?.[1] ?? query.slice(0, 40), query] as const,
    ),
  )('graphql: %s', async (name, query) => {
    const document =
      /\.\.\.Headline\b/.test(query) && !/fragment Headline/.test(query)
        ? `${query}\n${headline}`
        : query
    const operation = parse(document).definitions.find(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    )!
    const rootFields =
      'selectionSet' in operation
        ? operation.selectionSet.selections.flatMap((selection) =>
            selection.kind === Kind.FIELD ? [selection.name.value] : [],
          )
        : []
    const missing = rootFields.filter((field) => !queryFields.has(field))
    if (missing.length > 0) {
      // Documented ahead of its query (docs/frontend.md): runs once schema.graphql has it.
      console.info(`${file}: ${name} waits for ${missing.join(', ')} in schema.graphql`)
      return
    }
    const { body, status } = await graphql({ query: document, variables: variablesFor(document) })
    expect(status).toBe(200)
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
    expect(JSON.stringify(body.data)).toMatch(/"docs":\[\{/)
  })
})

describe('docs/frontend.md shows the page queries the contract test types and runs', () => {
  const byName = (text: string) =>
    new Map(
      parse(text).definitions.flatMap((definition) =>
        (definition.kind === Kind.OPERATION_DEFINITION ||
          definition.kind === Kind.FRAGMENT_DEFINITION) &&
        definition.name
          ? [[definition.name.value, print(definition)] as const]
          : [],
      ),
    )
  const documented = byName(blocks(read('docs/frontend.md'), 'graphql').join('\n'))
  const contract = byName(
    fs
      .readdirSync(path.join(root, 'test/contract'))
      .filter((name) => name.endsWith('.graphql'))
      .map((name) => read(`test/contract/${name}`))
      .join('\n'),
  )
  it.each([...contract.keys()])('%s', (name) => {
    expect(documented.get(name)).toBe(contract.get(name))
  })
})
