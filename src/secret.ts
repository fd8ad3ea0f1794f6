import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { dataDir } from './paths'

/**
 * `PAYLOAD_SECRET` from the environment; for the demo only, a random one generated once and kept
 * under the data folder so that logins survive restarts.
 */
export const payloadSecret = (): string => {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.join(dataDir(), '.payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const secret = crypto.randomBytes(32).toString('hex')
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
    return secret
  }
}

/**
 * Why the app may not start with this environment's secret, or undefined when it may: in
 * production (`NODE_ENV=production`) `PAYLOAD_SECRET` must be set, since a secret generated into
 * the data folder is only fit for the demo.
 */
export const productionSecretProblem = (
  env: Record<string, string | undefined> = process.env,
): string | undefined => {
  if (env.NODE_ENV !== 'production' || env.PAYLOAD_SECRET?.trim()) return undefined
  return (
    'PAYLOAD_SECRET가 없습니다: NODE_ENV=production에서는 로그인 서명 비밀값을 환경 변수로 주어야 합니다 ' +
    '(PAYLOAD_SECRET is not set: in production (NODE_ENV=production) set it to a long random value, e.g. `openssl rand -hex 32`).'
  )
}
