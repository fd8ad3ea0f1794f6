import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { databaseKind } from '../../src/database'
import { articleData, createNewsroom } from '../helpers/newsroom'
import { bootPayload, freshDatabaseUri } from '../helpers/payload'

const root = path.resolve(import.meta.dirname, '..', '..')

/** Runs clusterSaves.ts: two cluster workers saving the rounds' sources, the primary relaying turns or not. */
const saveInTwoWorkers = (uri: string, relay: 'off' | 'on', rounds: unknown[]): Promise<{ failures: string[]; picks: Record<string, number[]> }> =>
  new Promise((resolve, reject) => {
    // Its own process group: a run that never ends is stopped with its workers. The `production`
    // condition (inherited by the cluster workers) keeps Lexical's Node entry points, whose
    // top-level await sometimes never settles on Node 20, out of the workers' Payload: without it
    // a worker's boot hung in about one run in three while other suites loaded the machine (see
    // src/bin/importRegions.ts).
    const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'test/related-news/clusterSaves.ts', uri, relay, JSON.stringify(rounds)], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    const limit = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 150_000)
    let output = ''
    let errors = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (errors += chunk))
    child.on('exit', (code) => {
      clearTimeout(limit)
      const line = output.split('\n').find((candidate) => candidate.startsWith('{"failures"'))
      if (code !== 0 || !line) return reject(new Error(`clusterSaves exited with ${code}:\n${output}\n${errors}`))
      resolve(JSON.parse(line))
    })
  })

// Only PostgreSQL both runs transactions here and locks rows until commit.
describe.skipIf(databaseKind() !== 'postgres')('article saves in two workers of one server', () => {
  it('take turns across the workers: articles that reference each other, saved at the same moment in two workers, all save with every link kept', async () => {
    const uri = await freshDatabaseUri('related-news-workers')
    const payload = await bootPayload('related-news-workers', { uri })
    const rounds = []
    try {
      const fixture = await createNewsroom(payload)
      // Same section and region: each source's computed suggestions name the others.
      const publish = (title: string) => payload.create({ collection: 'articles', data: articleData(fixture, { _status: 'published', title }) as never })
      for (let round = 0; round < 4; round++) {
        const target = await publish(`대상 ${round}`)
        const sources = []
        for (let index = 0; index < 4; index++) sources.push((await publish(`원본 ${round}-${index}`)).id)
        rounds.push({ target: target.id, sources: [sources.slice(0, 2), sources.slice(2)] })
      }
    } finally {
      // The workers have the database to themselves, as two workers of a server would.
      await payload.destroy()
    }
    const { failures, picks } = await saveInTwoWorkers(uri, 'on', rounds)
    expect(failures).toEqual([])
    for (const round of rounds) expect([...picks[round.target]!].sort()).toEqual(round.sources.flat().sort())
  }, 180_000)
})
