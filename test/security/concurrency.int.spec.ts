import type { Payload } from 'payload'

import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { paragraphsToLexical } from '../../src/seed/lexical'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { isLockedInProcess } from '../../plugins/shared/documentLock'
import { databaseKind } from '../../src/database'
import { withHttpCache } from '../../plugins/http-cache'
import { handleEndpoints } from 'payload'
import { bootPayload, freshDatabaseUri } from '../helpers/payload'
import { VERSION_ETAG } from '../helpers/ids'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string
let uri: string

beforeAll(async () => {
  uri = await freshDatabaseUri('concurrency')
  payload = await bootPayload('concurrency', { uri })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

let slugs = 0
/** Eight changes, each to a different field of one article (a slug of its own: slugs are unique). */
const changes = (slug = `concurrent-slug-${++slugs}`): Record<string, unknown>[] => [
  { title: '동시 수정 제목' },
  { subtitle: '동시 수정 부제' },
  { dateline: '인천서부소방서' },
  { keywords: ['동시', '수정'] },
  { region: fixture.regions.chungnam },
  { reporters: [fixture.reporters.park, fixture.reporters.kim] },
  { slug },
  { body: paragraphsToLexical(['동시에 바뀐 본문입니다.']) },
]

const expectEveryChange = (stored: Record<string, any>) => {
  expect(stored.title).toBe('동시 수정 제목')
  expect(stored.subtitle).toBe('동시 수정 부제')
  expect(stored.dateline).toBe('인천서부소방서')
  expect(stored.keywords).toEqual(['동시', '수정'])
  expect(stored.region).toEqual(fixture.regions.chungnam)
  expect(stored.reporters).toEqual([fixture.reporters.park, fixture.reporters.kim])
  expect(stored.slug).toMatch(/^concurrent-slug-\d+$/)
  expect(JSON.stringify(stored.body)).toContain('동시에 바뀐 본문입니다.')
}

describe('concurrent saves of one article keep every accepted change', () => {
  it('eight PATCHes of different fields, all published saves', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { _status: 'published' }) as never,
    })
    const answers = await Promise.all(
      changes().map((body) =>
        api.rest('PATCH', `/articles/${article.id}`, { body, token: editor }),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200))
    expectEveryChange(await payload.findByID({ collection: 'articles', id: article.id, depth: 0 }))
  })

  it('eight draft saves of different fields', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture) as never,
      draft: true,
    })
    const answers = await Promise.all(
      changes().map((body) =>
        api.rest('PATCH', `/articles/${article.id}?draft=true`, { body, token: editor }),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200))
    expectEveryChange(
      await payload.findByID({ collection: 'articles', id: article.id, depth: 0, draft: true }),
    )
  })

  it('bulk saves (PATCH with where) and saves by id of one article, at once', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { _status: 'published' }) as never,
    })
    const query = `where[id][equals]=${article.id}`
    const answers = await Promise.all(
      changes().map((body, index) =>
        index % 2 === 0
          ? api.rest('PATCH', `/articles?${query}`, { body, token: editor })
          : api.rest('PATCH', `/articles/${article.id}`, { body, token: editor }),
      ),
    )
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200))
    expect(
      answers.filter((_, index) => index % 2 === 0).map((answer) => answer.body.errors ?? []),
    ).toEqual([[], [], [], []])
    expectEveryChange(await payload.findByID({ collection: 'articles', id: article.id, depth: 0 }))
  })
})

describe('a failed save', () => {
  it('gives its lock back: a refused REST save leaves the article free for the next save', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { _status: 'published' }) as never,
    })
    const refused = await api.rest('PATCH', `/articles/${article.id}`, {
      body: { region: 987654, title: '바뀌면 안 됨' },
      token: editor,
    })
    expect(refused.status).toBe(400)
    // Held until its transaction ends on PostgreSQL; in this process's table only on SQLite.
    expect(isLockedInProcess('articles', article.id)).toBe(false)
    expect(
      (
        await api.rest('PATCH', `/articles/${article.id}`, {
          body: { title: '다음 저장' },
          token: editor,
        })
      ).status,
    ).toBe(200)
  })
})

const ETAG = VERSION_ETAG

const publishedArticle = (overrides: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'articles',
    data: articleData(fixture, { _status: 'published', ...overrides }) as never,
  })

describe('staff reads carry an ETag', () => {
  it('a signed-in REST read of one article names its version; the next save changes it', async () => {
    const article = await publishedArticle()
    const read = await api.rest('GET', `/articles/${article.id}`, { token: editor })
    expect(read.status).toBe(200)
    expect(read.headers.get('etag')).toMatch(ETAG)
    expect(read.headers.get('cache-control')).toMatch(/private/)
    const saved = await api.rest('PATCH', `/articles/${article.id}`, {
      body: { subtitle: '새 부제' },
      token: editor,
    })
    expect(saved.headers.get('etag')).toMatch(ETAG)
    expect(saved.headers.get('etag')).not.toBe(read.headers.get('etag'))
    expect(
      (await api.rest('GET', `/articles/${article.id}`, { token: editor })).headers.get('etag'),
    ).toBe(saved.headers.get('etag'))
  })

  it('the GET route of the app (with its HTTP cache) keeps the version tag for staff, and its own tag for anonymous readers', async () => {
    const article = await publishedArticle()
    const get = withHttpCache((request: Request) =>
      handleEndpoints({ config: payload.config, request }),
    )
    const direct = await api.rest('GET', `/articles/${article.id}`, { token: editor })
    const staff = await get(
      new Request(`http://localhost/api/articles/${article.id}`, {
        headers: { authorization: `JWT ${editor}` },
      }),
    )
    expect(staff.headers.get('etag')).toBe(direct.headers.get('etag'))
    const anonymous = await get(new Request(`http://localhost/api/articles/${article.id}`))
    expect(anonymous.status).toBe(200)
    expect(anonymous.headers.get('etag')).toMatch(/^"[\w-]+"$/)
    expect(anonymous.headers.get('etag')).not.toMatch(ETAG)
  })
})

describe('a write with If-Match', () => {
  it('that no longer matches answers 412 with the current version and changes nothing', async () => {
    const article = await publishedArticle()
    const stale = (await api.rest('GET', `/articles/${article.id}`, { token: editor })).headers.get(
      'etag',
    )!
    const other = await api.rest('PATCH', `/articles/${article.id}`, {
      body: { title: '다른 편집자의 제목' },
      token: editor,
    })
    expect(other.status).toBe(200)
    const refused = await api.rest('PATCH', `/articles/${article.id}`, {
      body: { subtitle: '늦은 부제' },
      headers: { 'if-match': stale },
      token: editor,
    })
    expect(refused.status).toBe(412)
    expect(refused.body.errors[0].code).toBe('PRECONDITION_FAILED')
    expect(refused.headers.get('etag')).toBe(other.headers.get('etag'))
    const stored = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(stored.title).toBe('다른 편집자의 제목')
    expect(stored.subtitle ?? null).toBeNull()
  })

  it('that matches, or is *, goes ahead', async () => {
    const article = await publishedArticle()
    const current = (
      await api.rest('GET', `/articles/${article.id}`, { token: editor })
    ).headers.get('etag')!
    expect(current).toMatch(ETAG)
    const saved = await api.rest('PATCH', `/articles/${article.id}`, {
      body: { subtitle: '맞는 태그' },
      headers: { 'if-match': current },
      token: editor,
    })
    expect(saved.status).toBe(200)
    const any = await api.rest('PATCH', `/articles/${article.id}`, {
      body: { dateline: '아무 태그' },
      headers: { 'if-match': '*' },
      token: editor,
    })
    expect(any.status).toBe(200)
    const stored = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect([stored.subtitle, stored.dateline]).toEqual(['맞는 태그', '아무 태그'])
  })

  it('applies to the named article only, not to the related articles its save updates', async () => {
    const other = await publishedArticle({ title: '관련 기사' })
    const article = await publishedArticle()
    const current = (
      await api.rest('GET', `/articles/${article.id}`, { token: editor })
    ).headers.get('etag')!
    expect(current).toMatch(ETAG)
    const saved = await api.rest('PATCH', `/articles/${article.id}`, {
      body: { relatedArticles: [other.id] },
      headers: { 'if-match': current },
      token: editor,
    })
    expect(saved.status).toBe(200)
    const linked = await payload.findByID({ collection: 'articles', id: other.id, depth: 0 })
    expect(linked.relatedArticles).toEqual([article.id])
  })

  it('a draft save is checked against the latest draft', async () => {
    const article = await publishedArticle()
    const published = (
      await api.rest('GET', `/articles/${article.id}`, { token: editor })
    ).headers.get('etag')!
    expect(
      (
        await api.rest('PATCH', `/articles/${article.id}?draft=true`, {
          body: { title: '초안 제목' },
          token: editor,
        })
      ).status,
    ).toBe(200)
    const refused = await api.rest('PATCH', `/articles/${article.id}?draft=true`, {
      body: { subtitle: '늦은 초안' },
      headers: { 'if-match': published },
      token: editor,
    })
    expect(refused.status).toBe(412)
    const latest = (
      await api.rest('GET', `/articles/${article.id}?draft=true`, { token: editor })
    ).headers.get('etag')!
    expect(refused.headers.get('etag')).toBe(latest)
    expect(
      (
        await api.rest('PATCH', `/articles/${article.id}?draft=true`, {
          body: { subtitle: '새 초안' },
          headers: { 'if-match': latest },
          token: editor,
        })
      ).status,
    ).toBe(200)
  })

  it('a DELETE that no longer matches answers 412 and deletes nothing; a matching one deletes', async () => {
    const article = await publishedArticle()
    const stale = (await api.rest('GET', `/articles/${article.id}`, { token: editor })).headers.get(
      'etag',
    )!
    const saved = await api.rest('PATCH', `/articles/${article.id}`, {
      body: { subtitle: '삭제 전 수정' },
      token: editor,
    })
    const refused = await api.rest('DELETE', `/articles/${article.id}`, {
      headers: { 'if-match': stale },
      token: editor,
    })
    expect(refused.status).toBe(412)
    expect(refused.body.errors[0].code).toBe('PRECONDITION_FAILED')
    expect(
      (await payload.find({ collection: 'articles', where: { id: { equals: article.id } } }))
        .totalDocs,
    ).toBe(1)
    const deleted = await api.rest('DELETE', `/articles/${article.id}`, {
      headers: { 'if-match': saved.headers.get('etag')! },
      token: editor,
    })
    expect(deleted.status).toBe(200)
    expect(
      (await payload.find({ collection: 'articles', where: { id: { equals: article.id } } }))
        .totalDocs,
    ).toBe(0)
  })
})

describe('a save based on an older copy (updatedAt of the admin form)', () => {
  it('answers 409 in Korean instead of reverting the change of the other editor', async () => {
    const article = await publishedArticle()
    // What the admin's form holds: the whole document as loaded, updatedAt included.
    const form = (await api.rest('GET', `/articles/${article.id}?depth=0`, { token: editor })).body
    expect(
      (
        await api.rest('PATCH', `/articles/${article.id}`, {
          body: { title: '먼저 저장한 제목' },
          token: editor,
        })
      ).status,
    ).toBe(200)
    // Sent as the admin sends it: multipart, the form's values as JSON in `_payload`.
    const formData = new FormData()
    formData.append('_payload', JSON.stringify({ ...form, subtitle: '폼에서 바꾼 부제' }))
    const refused = await api.rest(
      'PATCH',
      `/articles/${article.id}?depth=0&fallback-locale=null`,
      { formData, token: editor },
    )
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].code).toBe('CONFLICT')
    expect(refused.body.errors[0].message).toContain('다른 사용자가 이 문서를 먼저 수정했습니다')
    const stored = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(stored.title).toBe('먼저 저장한 제목')
    expect(stored.subtitle ?? null).toBeNull()
  })

  it('a save that changed nothing in between (another tab’s autosave of the same text) leaves the form current', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture) as never,
      draft: true,
    })
    const path = `/articles/${article.id}?draft=true&depth=0`
    const form = (await api.rest('GET', path, { token: editor })).body
    // The other tab: the same values again, as a form's trailing autosave sends them.
    const other = (await api.rest('GET', path, { token: editor })).body
    await new Promise((resolve) => setTimeout(resolve, 5))
    const echo = await api.rest(
      'PATCH',
      `/articles/${article.id}?draft=true&autosave=true&depth=0`,
      { body: other, token: editor },
    )
    expect(echo.status).toBe(200)
    expect(Date.parse(echo.body.doc.updatedAt)).toBeGreaterThan(Date.parse(form.updatedAt))
    const saved = await api.rest('PATCH', `/articles/${article.id}?draft=true&depth=0`, {
      body: { ...form, subtitle: '먼저 연 폼의 부제' },
      token: editor,
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body.doc.subtitle).toBe('먼저 연 폼의 부제')
    // A real change in between still makes that first form stale.
    const changed = await api.rest(
      'PATCH',
      `/articles/${article.id}?draft=true&autosave=true&depth=0`,
      { body: { ...saved.body.doc, title: '다른 탭이 바꾼 제목' }, token: editor },
    )
    expect(changed.status).toBe(200)
    const stale = await api.rest('PATCH', `/articles/${article.id}?draft=true&depth=0`, {
      body: { ...saved.body.doc, subtitle: '낡은 폼의 부제' },
      token: editor,
    })
    expect(stale.status).toBe(409)
  })

  it('saves when the form is current, and autosaves that carry updatedAt of the previous answer do not fight each other', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture) as never,
      draft: true,
    })
    let form = (
      await api.rest('GET', `/articles/${article.id}?depth=0&draft=true`, { token: editor })
    ).body
    for (const subtitle of ['자동 저장 1', '자동 저장 2', '자동 저장 3']) {
      const saved = await api.rest(
        'PATCH',
        `/articles/${article.id}?draft=true&autosave=true&depth=0`,
        { body: { ...form, subtitle }, token: editor },
      )
      expect(saved.status).toBe(200)
      // The tag of the draft just written: the next save may name it.
      expect(saved.headers.get('etag')).toBe(
        `"${article.id}-${Date.parse(saved.body.doc.updatedAt)}"`,
      )
      form = saved.body.doc
    }
    const published = await api.rest('PATCH', `/articles/${article.id}?depth=0`, {
      body: { ...form, _status: 'published' },
      token: editor,
    })
    expect(published.status).toBe(200)
    expect(published.body.doc.subtitle).toBe('자동 저장 3')
  })
})

/** A second app process on the same database: the embedded SQLite is one process, so PostgreSQL only. */
describe.skipIf(databaseKind() !== 'postgres')(
  'concurrent saves from two processes keep every accepted change',
  () => {
    let child: ChildProcess | undefined
    let lines: AsyncIterator<string>
    afterAll(() => {
      if (child?.exitCode === null) process.kill(-child.pid!, 'SIGKILL')
    })

    const nextLine = async (): Promise<string> => {
      const { done, value } = await lines.next()
      if (done) throw new Error('the other process ended early')
      return value
    }

    /** The other process's answer line; Payload logs to the same stdout. */
    const answersElsewhere = async (): Promise<{ statuses: number[] }> => {
      let line = ''
      while (!(line = await nextLine()).startsWith('{"statuses"'));
      return JSON.parse(line) as { statuses: number[] }
    }

    it(
      'eight PATCHes of different fields, half from each process, published and draft saves',
      { timeout: 240_000 },
      async () => {
        const root = path.resolve(import.meta.dirname, '..', '..')
        // Its own process group, so that a run that hangs is stopped whole; `production` as in test/related-news/workers.spec.ts.
        child = spawn(
          process.execPath,
          ['--conditions=production', '--import', 'tsx', 'test/security/saveElsewhere.ts', uri],
          {
            cwd: root,
            detached: true,
            stdio: ['pipe', 'pipe', 'inherit'],
          },
        )
        lines = readline.createInterface({ input: child.stdout! })[Symbol.asyncIterator]()
        while ((await nextLine()) !== 'ready');
        for (const isDraft of [false, true]) {
          // Rounds: an interleaving that loses a change is likely in one round, near certain in several.
          for (let round = 0; round < 3; round++) {
            const article = isDraft
              ? await payload.create({
                  collection: 'articles',
                  data: articleData(fixture) as never,
                  draft: true,
                })
              : await payload.create({
                  collection: 'articles',
                  data: articleData(fixture, { _status: 'published' }) as never,
                })
            const articlePath = `/articles/${article.id}${isDraft ? '?draft=true' : ''}`
            const all = changes()
            const [here, there] = [
              all.filter((_, index) => index % 2 === 0),
              all.filter((_, index) => index % 2 === 1),
            ]
            child.stdin!.write(
              `${JSON.stringify({ changes: there, path: articlePath, token: editor })}\n`,
            )
            const [local, remote] = await Promise.all([
              Promise.all(
                here.map((body) => api.rest('PATCH', articlePath, { body, token: editor })),
              ),
              answersElsewhere(),
            ])
            expect([...local.map((answer) => answer.status), ...remote.statuses]).toEqual(
              all.map(() => 200),
            )
            expectEveryChange(
              await payload.findByID({
                collection: 'articles',
                id: article.id,
                depth: 0,
                draft: isDraft,
              }),
            )
          }
        }
        child.stdin!.end()
      },
    )
  },
)
