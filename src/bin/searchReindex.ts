/**
 * `npm run search:reindex`: rebuilds the public search index from the published articles
 * (docs/search.md), printing `n/total` as it goes. Uses the database in DATABASE_URI like
 * `npm start`, running its pending migrations first. Safe to run while the app serves.
 */
import { spawnSync } from 'node:child_process'

Object.assign(process.env, { NODE_ENV: 'production', NEWSROOM_RUN_JOBS: 'off' })
process.env.NEWSROOM_SEED ??= 'off'

// As in importRegions.ts: Lexical's Node builds can leave the import graph unsettled on Node 20;
// the `production` condition picks its plain builds.
const hasProductionCondition = /(^|\s)(--conditions[= ]|-C ?)production(\s|$)/.test(
  [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' '),
)
if (!hasProductionCondition) {
  const child = spawnSync(
    process.execPath,
    ['--conditions=production', ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  )
  process.exit(child.status ?? 1)
}

process.on('beforeExit', () => {
  console.error(
    '[search] 중간에 멈췄습니다 (stopped before finishing: a module import never settled)',
  )
  process.exit(1)
})

const main = async () => {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { reindexSearch } = await import('../../plugins/search')
  const payload = await getPayload({ config })
  let exitCode = 0
  try {
    const started = Date.now()
    const result = await reindexSearch(payload, {
      onProgress: ({ done, total }) => process.stderr.write(`[search] ${done}/${total}\n`),
    })
    console.log(
      `[search] 색인 완료 (reindexed): ${result.done}/${result.total} articles, ${result.removed} stale entries removed, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
  } catch (error) {
    exitCode = 1
    console.error(
      '[search] 색인 실패, 다시 실행해도 됩니다 (reindex failed; safe to run again):',
      error,
    )
  }
  await payload.destroy()
  process.exit(exitCode)
}

main().catch((error: unknown) => {
  console.error('[search] 색인 실패 (reindex failed):', error)
  process.exit(1)
})
