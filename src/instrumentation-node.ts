/**
 * Payload's start in the Node.js server (see src/instrumentation.ts): migrations, demo seed and
 * job runner now, not at the first request.
 */
export const startPayload = async (): Promise<void> => {
  try {
    const [{ getPayload }, { default: config }] = await Promise.all([
      import('payload'),
      import('@payload-config'),
    ])
    // cron: the job runner (scheduled publishing, deliveries) starts now, not at the first request.
    const payload = await getPayload({ config, cron: true })
    payload.logger.info(
      `뉴스룸 준비 완료: ${process.env.NEWSROOM_PUBLIC_URL ?? 'http://localhost:3000'}/admin`,
    )
  } catch (error) {
    // Next.js would log the failure and serve on, every request failing the same way: a process
    // manager or load balancer must see a dead process instead, with the reason.
    console.error(
      `뉴스룸을 시작할 수 없습니다 (cannot start): ${error instanceof Error ? error.message : String(error)}`,
    )
    console.error(error)
    process.exit(1)
  }
}
