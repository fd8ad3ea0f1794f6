/**
 * `npm run worker`: runs queued jobs (scheduled publishing, webhook deliveries, related-news
 * refreshes) in a process of its own, with no web server. Start the app with
 * NEWSROOM_RUN_JOBS=off when a worker runs. Several workers may run against one database.
 */
Object.assign(process.env, { NODE_ENV: 'production', NEWSROOM_RUN_JOBS: 'on' })
process.env.NEWSROOM_SEED ??= 'off'

const main = async () => {
  const { getPayload } = await import('payload')
  const { jobLeaseMs } = await import('../../plugins/shared/jobLease')
  // A wrong NEWSROOM_JOB_LEASE_MS stops the worker here rather than failing every run later.
  const leaseMs = jobLeaseMs()
  const { default: config } = await import('../payload.config')
  const payload = await getPayload({ config, cron: true })
  payload.logger.info(
    `작업 처리기 시작 (job worker running, lease ${leaseMs / 1000} s; Ctrl+C to stop)`,
  )
  const { viewLogOf } = await import('../../plugins/article-views')
  const stop = async () => {
    // The view log's last batch (up to 50 ms of views) is written before the process goes.
    await viewLogOf(payload)?.close()
    await payload.destroy()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

export {}
