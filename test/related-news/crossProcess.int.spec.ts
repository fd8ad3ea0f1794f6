import type { Payload } from 'payload'

import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { databaseKind } from '../../src/database'
import { articleData, createNewsroom } from '../helpers/newsroom'
import { bootPayload, freshDatabaseUri } from '../helpers/payload'
import { compareIds } from '../helpers/ids'

const root = path.resolve(import.meta.dirname, '..', '..')

type ID = number
type Answer = { failures?: string[]; ready?: boolean }

/** An app process of its own (test/related-news/saveProcess.ts) on the shared database. */
const startProcess = (uri: string) => {
  // The `production` condition keeps Lexical's Node entry points, whose top-level await sometimes
  // never settles on Node 20, out of the child's Payload (see src/bin/importRegions.ts).
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'test/related-news/saveProcess.ts', uri],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', process.env.SAVE_PROCESS_STDERR ? 'inherit' : 'pipe'],
    },
  )
  let errors = ''
  child.stderr?.on('data', (chunk) => (errors += chunk))
  const answers: Answer[] = []
  const waiting: ((answer: Answer) => void)[] = []
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    if (!line.startsWith('{')) return
    const answer = JSON.parse(line) as Answer
    const next = waiting.shift()
    if (next) next(answer)
    else answers.push(answer)
  })
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`saveProcess exited with ${code}:\n${errors}`))),
  )
  const next = () =>
    Promise.race([
      exited,
      new Promise<Answer>((resolve) =>
        answers.length ? resolve(answers.shift()!) : waiting.push(resolve),
      ),
    ])
  return {
    child,
    ready: next(),
    send: (command: unknown) => {
      child.stdin!.write(`${JSON.stringify(command)}\n`)
      return next()
    },
  }
}
type AppProcess = ReturnType<typeof startProcess>

let payload: Payload
let fixture: NewsroomFixture
let processes: AppProcess[] = []

/** Sends each process its command at the same moment; answers every failure they report. */
const atOnce = async (commands: [unknown, unknown]): Promise<string[]> => {
  const answers = await Promise.all(processes.map((app, index) => app.send(commands[index])))
  return answers.flatMap((answer) => answer.failures ?? [])
}

const picksOf = async (id: ID): Promise<ID[]> =>
  (
    (await payload.findByID({ collection: 'articles', id, depth: 0, draft: true }))
      .relatedArticles ?? []
  ).map((value) => (typeof value === 'object' ? value.id : value)) as ID[]

// SQLite is the embedded database of one process: there is no second process to meet.
describe.skipIf(databaseKind() !== 'postgres')(
  'saves from two app processes on one PostgreSQL database',
  () => {
    beforeAll(async () => {
      const uri = await freshDatabaseUri('cross-process')
      payload = await bootPayload('cross-process', { uri })
      fixture = await createNewsroom(payload)
      processes = [startProcess(uri), startProcess(uri)]
      await Promise.all(processes.map((app) => app.ready))
    }, 180_000)
    afterAll(async () => {
      for (const app of processes) app.child.kill()
      await payload?.destroy()
    })

    it('articles that pick each other crosswise, many rounds: every save succeeds, every link is reciprocal, none doubled', async () => {
      // Same section, region and keywords: each article's computed suggestions name the others, so
      // the suggestion refreshes the saves queue write to the same articles as the saves.
      const publish = (title: string) =>
        payload.create({
          collection: 'articles',
          data: articleData(fixture, { _status: 'published', title, keywords: ['교차'] }) as never,
        })
      const failures: string[] = []
      const rounds: { pairs: [ID, ID][]; target: ID }[] = []
      for (let round = 0; round < 4; round++) {
        const target = (await publish(`대상 ${round}`)).id as ID
        const pairs: [ID, ID][] = []
        for (let index = 0; index < 3; index++)
          pairs.push([
            (await publish(`가 ${round}-${index}`)).id as ID,
            (await publish(`나 ${round}-${index}`)).id as ID,
          ])
        // Process 1 saves a → [b, target] and runs the suggestion refreshes queued so far (one job
        // runner, as `npm run worker`), process 2 saves b → [a, target], all at the same moment.
        failures.push(
          ...(await atOnce([
            { link: pairs.map(([a, b]) => [a, [b, target]]), runJobs: true },
            { link: pairs.map(([a, b]) => [b, [a, target]]) },
          ])),
        )
        rounds.push({ pairs, target })
      }
      expect(failures).toEqual([])
      for (const { pairs, target } of rounds) {
        const targetPicks = await picksOf(target)
        // No doubled rows, and no lost reciprocal link on the article everyone picked.
        expect(targetPicks).toHaveLength(new Set(targetPicks).size)
        expect([...targetPicks].sort(compareIds)).toEqual(pairs.flat().sort(compareIds))
        for (const [a, b] of pairs) {
          expect([...(await picksOf(a))].sort(compareIds)).toEqual([b, target].sort(compareIds))
          expect([...(await picksOf(b))].sort(compareIds)).toEqual([a, target].sort(compareIds))
        }
      }
      // Stored suggestions are never doubled either.
      const { docs } = await payload.find({
        collection: 'articles',
        depth: 0,
        limit: 0,
        pagination: false,
        select: { relatedSuggestions: true },
      })
      for (const doc of docs) {
        const suggestions = (doc.relatedSuggestions ?? []).map(String)
        expect(suggestions, `article ${doc.id}`).toHaveLength(new Set(suggestions).size)
      }
    }, 300_000)

    it('publishes in one section from both processes at once leave every neighbour link right', async () => {
      type Row = {
        _status?: string
        adjacentLinks?: { newer?: ID | null; older?: ID | null }
        id: ID
        registeredAt: string
      }
      const failures: string[] = []
      const sections: ID[] = []
      for (let round = 0; round < 4; round++) {
        const section = (
          await payload.create({ collection: 'sections', data: { name: `동시 발행 ${round}` } })
        ).id as ID
        sections.push(section)
        // Interleaved in time: each process's articles land between the other's.
        const at = (slot: number) => new Date(Date.UTC(2024, 5, 1, 9, slot)).toISOString()
        const batch = (offset: number) =>
          Array.from({ length: 4 }, (_, index) => ({
            title: `이웃 ${round}-${offset}-${index}`,
            section,
            reporters: [fixture.reporters.kim],
            registeredAt: at(index * 2 + offset),
          }))
        failures.push(...(await atOnce([{ publish: batch(0) }, { publish: batch(1) }])))
      }
      expect(failures).toEqual([])
      for (const section of sections) {
        const { docs } = await payload.db.find({
          collection: 'articles',
          limit: 0,
          pagination: false,
          select: { registeredAt: true, _status: true, adjacentLinks: true } as never,
          where: { section: { equals: section } },
        })
        const timeline = (docs as unknown as Row[]).sort(
          (a, b) =>
            new Date(a.registeredAt).getTime() - new Date(b.registeredAt).getTime() || a.id - b.id,
        )
        expect(timeline).toHaveLength(8)
        const expected = timeline.map((row, index) => ({
          id: row.id,
          newer: timeline[index + 1]?.id ?? null,
          older: timeline[index - 1]?.id ?? null,
        }))
        const stored = timeline.map((row) => ({
          id: row.id,
          newer: row.adjacentLinks?.newer ?? null,
          older: row.adjacentLinks?.older ?? null,
        }))
        expect(stored).toEqual(expected)
      }
    }, 300_000)
  },
)
