/**
 * Another process of the app on the same database, as a second server behind the load balancer.
 * Usage: saveElsewhere.ts <database uri>. Prints `ready` once its Payload is up, then for each
 * line `{ "path", "token", "changes": [...] }` on stdin sends those PATCHes at once through
 * Payload's REST handler and prints `{ "statuses": [...] }`.
 */
import readline from 'node:readline'

import { apiClient } from '../helpers/http'
import { bootPayload } from '../helpers/payload'

const [uri] = process.argv.slice(2) as [string]

const main = async () => {
  const payload = await bootPayload('save-elsewhere', { uri })
  const api = apiClient(payload)
  process.stdout.write('ready\n')
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const { changes, path, token } = JSON.parse(line) as {
      changes: unknown[]
      path: string
      token: string
    }
    const answers = await Promise.all(
      changes.map((body) => api.rest('PATCH', path, { body, token })),
    )
    process.stdout.write(
      `${JSON.stringify({ statuses: answers.map((answer) => answer.status) })}\n`,
    )
  }
  await payload.destroy()
  process.exit(0)
}

void main().catch((error) => {
  process.stderr.write(`${String(error?.stack ?? error)}\n`)
  process.exit(1)
})
