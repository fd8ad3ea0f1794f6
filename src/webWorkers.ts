import os from 'node:os'

/**
 * How many web workers `npm start` runs: NEWSROOM_WEB_WORKERS, or one per core, at most four
 * (each holds Next.js and Payload: ≈ 0.5 GB). The bench reports the same figure.
 */
export const webWorkerCount = (): number => {
  const raw = process.env.NEWSROOM_WEB_WORKERS?.trim()
  if (!raw) return Math.min(os.availableParallelism(), 4)
  const count = Number(raw)
  if (!Number.isInteger(count) || count < 1 || count > 64) {
    throw new Error(`NEWSROOM_WEB_WORKERS는 1에서 64 사이의 정수여야 합니다 (must be a whole number from 1 to 64; got "${raw}")`)
  }
  return count
}
