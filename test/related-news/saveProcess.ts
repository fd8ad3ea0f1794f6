/**
 * One app process of its own, with its own Payload on a shared database, saving articles when
 * told: what an app process behind nginx does when an editor's request reaches it.
 * Usage: saveProcess.ts <database uri>. Reads one JSON command a line on stdin, answers one JSON
 * line on stdout: `{ "ready": true }` once Payload is up, then for each command
 * `{ "failures": [...] }` once all its saves have settled.
 * Commands: { "link": [[id, [related ids]], …] } sets each article's picks, all at once;
 * { "publish": [{ "title", "section", "registeredAt" }, …] } creates published articles, all at once;
 * `"runJobs": true` also runs queued jobs (suggestion refreshes) meanwhile.
 */
import fs from 'node:fs'
import readline from 'node:readline'

type Command = {
  link?: [number, number[]][]
  publish?: { registeredAt: string; section: number; title: string }[]
  runJobs?: boolean
}

const [uri] = process.argv.slice(2) as [string]
const answer = (value: unknown) => fs.writeSync(1, `${JSON.stringify(value)}\n`)

const main = async () => {
  const [{ buildConfig, getPayload }, { newsroomAppConfig }, { databaseAdapter }] =
    await Promise.all([
      import('payload'),
      import('../../src/appConfig'),
      import('../../src/database'),
    ])
  const config = await buildConfig(
    newsroomAppConfig({
      seed: 'off',
      secret: 'test-secret-not-for-production',
      db: databaseAdapter({ uri, push: false }),
    }),
  )
  // No job runner on a schedule (`cron` off): jobs run when a command asks.
  const payload = await getPayload({ config })
  answer({ ready: true })
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const command = JSON.parse(line) as Command
    const saves = [
      ...(command.link ?? []).map(([id, related]) =>
        payload.update({
          collection: 'articles',
          id,
          data: { relatedArticles: related },
          depth: 0,
        }),
      ),
      ...(command.publish ?? []).map((data) =>
        payload.create({
          collection: 'articles',
          data: { ...data, _status: 'published' } as never,
          depth: 0,
        }),
      ),
      ...(command.runJobs ? [payload.jobs.run({ limit: 100 })] : []),
    ]
    const settled = await Promise.allSettled(saves)
    answer({
      failures: settled.flatMap((save) =>
        save.status === 'rejected'
          ? [
              save.reason instanceof Error
                ? (save.reason.stack ?? String(save.reason))
                : String(save.reason),
            ]
          : [],
      ),
    })
  }
  await payload.destroy()
  process.exit(0)
}

void main().catch((error: unknown) => {
  fs.writeSync(2, `${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
