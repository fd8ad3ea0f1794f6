import { recordBootError } from './bootError'

/**
 * Next.js calls this once when the server starts. Payload otherwise initialises on the first
 * request; initialising here starts the job runner (scheduled publishing, deliveries) at boot,
 * runs pending migrations and seeds the demo before anyone visits.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  try {
    const [{ getPayload }, { default: config }, { publishStaffTokenKey }] = await Promise.all([import('payload'), import('@payload-config'), import('./staffRequests')])
    // cron: the job runner (scheduled publishing, deliveries) starts now, not at the first request.
    const payload = await getPayload({ config, cron: true })
    // From now on the server starts signed-in staff's requests ahead of readers'.
    publishStaffTokenKey(payload)
    payload.logger.info(`뉴스룸 준비 완료: ${process.env.NEWSROOM_PUBLIC_URL ?? 'http://localhost:3000'}/admin`)
  } catch (error) {
    recordBootError(error)
    throw error
  }
}
