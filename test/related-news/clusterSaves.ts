/**
 * Two node:cluster workers, each with its own Payload on one PostgreSQL database, save articles
 * that reference each other at the same moment, as two editors whose requests `npm start` dealt to
 * different workers. Usage: clusterSaves.ts <database uri> <relay: on|off> <rounds as JSON>
 * Rounds: [{ target, sources: [[ids of worker 1], [ids of worker 2]] }]. Prints the failures and
 * each target's stored picks afterwards as JSON.
 */
import type { Worker } from 'node:cluster'

import cluster from 'node:cluster'
import fs from 'node:fs'

import { relaySaveTurns } from '../../plugins/shared/saveTurns'

type Round = { sources: [number[], number[]]; target: number }
const [uri, relay, roundsJson] = process.argv.slice(2) as [string, string, string]
const rounds = JSON.parse(roundsJson) as Round[]
// Each round's four saves take well under a second on the 2-core machine.
const ROUND_LIMIT_MS = 30_000

const started = Date.now()
// To stderr at once: when the test stops a run that hangs, these say how far it got.
const progress = (line: string) => fs.writeSync(2, `[clusterSaves ${((Date.now() - started) / 1000).toFixed(1)} s] ${line}\n`)

const runPrimary = async () => {
  if (relay === 'on') relaySaveTurns(cluster)
  const workers: Worker[] = []
  let isFinished = false
  const next = (worker: Worker, type: string) =>
    new Promise<any>((resolve) => {
      const onMessage = (message: any) => {
        if (message?.type !== type) return
        worker.off('message', onMessage)
        resolve(message)
      }
      worker.on('message', onMessage)
    })
  // One after the other, as `npm start` boots its workers.
  for (const index of [0, 1]) {
    const worker = cluster.fork({ SAVES_WORKER: String(index) })
    worker.on('exit', (code, signal) => {
      if (isFinished) return
      fs.writeSync(2, `a worker exited early (${signal ?? code})\n`)
      process.exit(1)
    })
    workers.push(worker)
    await next(worker, 'ready')
    progress(`worker ${index + 1} ready`)
  }
  const failures: string[] = []
  for (const [index, round] of rounds.entries()) {
    const done = Promise.all(workers.map((worker) => next(worker, 'saved')))
    for (const worker of workers) worker.send({ type: 'save', round })
    // Saves that wait on each other across the processes, where no database sees the cycle, hang.
    const hung = new Promise<'hung'>((resolve) => setTimeout(resolve, ROUND_LIMIT_MS, 'hung').unref())
    const results = await Promise.race([done, hung])
    if (results === 'hung') {
      failures.push(`round ${index + 1}: the saves were still waiting after ${ROUND_LIMIT_MS / 1000} s`)
      break
    }
    for (const result of results) failures.push(...result.failures)
    progress(`round ${index + 1} saved`)
  }
  // What each target's stored picks are now, read by one worker.
  const read = next(workers[0]!, 'read')
  workers[0]!.send({ type: 'read', targets: rounds.map((round) => round.target) })
  const { picks } = await read
  progress('picks read')
  isFinished = true
  for (const worker of workers) worker.kill()
  process.stdout.write(`${JSON.stringify({ failures, picks })}\n`)
  process.exit(0)
}

const runWorker = async () => {
  const index = Number(process.env.SAVES_WORKER)
  // Only the workers load Payload: the primary just deals turns, as in `npm start`.
  const [{ buildConfig, getPayload }, { newsroomAppConfig }, { databaseAdapter }] = await Promise.all([
    import('payload'),
    import('../../src/appConfig'),
    import('../../src/database'),
  ])
  progress(`worker ${index + 1}: modules loaded`)
  const config = await buildConfig(newsroomAppConfig({ seed: 'off', secret: 'test-secret-not-for-production', db: databaseAdapter({ uri, push: false }) }))
  progress(`worker ${index + 1}: config built`)
  const payload = await getPayload({ config })
  progress(`worker ${index + 1}: Payload ready`)
  process.on('message', async (message: any) => {
    if (message?.type === 'read') {
      const picks: Record<string, unknown[]> = {}
      for (const target of message.targets as number[]) {
        const article = await payload.findByID({ collection: 'articles', id: target, depth: 0, draft: true })
        picks[target] = (article.relatedArticles ?? []).map((value) => (typeof value === 'object' ? value.id : value))
      }
      process.send!({ type: 'read', picks })
    }
    if (message?.type !== 'save') return
    const round = message.round as Round
    const saves = await Promise.allSettled(
      round.sources[index]!.map((id) => payload.update({ collection: 'articles', id, data: { relatedArticles: [round.target] } })),
    )
    const failures = saves.flatMap((save) => (save.status === 'rejected' ? [String(save.reason)] : []))
    process.send!({ type: 'saved', failures })
  })
  process.send!({ type: 'ready' })
}

void (cluster.isPrimary ? runPrimary() : runWorker()).catch((error: unknown) => {
  // Synchronously: console.error to a pipe may not be written before the exit.
  fs.writeSync(2, `${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
