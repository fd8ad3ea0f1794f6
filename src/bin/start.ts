/**
 * `npm start`: build the app when the sources changed since the last build, then serve it with
 * Next.js's own `next start` — one process, in production mode. Payload initialises at boot
 * (src/instrumentation.ts): it runs the committed migrations, seeds the demo on an empty database
 * and starts the job runner, and a failure there stops the process with the reason. Started with
 * NODE_ENV=production it refuses to run without PAYLOAD_SECRET and seeds no demo unless
 * NEWSROOM_SEED=demo. PORT (3000) as `next start`; it listens on every interface, or only on
 * NEWSROOM_HOST when set (e.g. 127.0.0.1 behind a proxy on the same machine).
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { payloadSecret, productionSecretProblem } from '../secret'

const root = process.cwd()
const nextDir = path.join(root, 'src', '.next')
const fingerprintFile = path.join(nextDir, 'newsroom-source-hash')
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')

const sourceFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === '.next' || entry.name === 'node_modules' || entry.name.startsWith('.'))
      return []
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(full) : [full]
  })

const sourceFingerprint = (): string => {
  const hash = crypto.createHash('sha256')
  const files = ['src', 'collections', 'plugins'].flatMap((dir) =>
    sourceFiles(path.join(root, dir)),
  )
  for (const file of [...files, path.join(root, 'package-lock.json')].sort()) {
    hash.update(path.relative(root, file))
    hash.update(fs.readFileSync(file))
  }
  return hash.digest('hex')
}

/** Runs a Node script as a child, passing it the signals that stop this process; resolves with its exit code. */
const run = (args: string[], env: NodeJS.ProcessEnv): Promise<number> =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' })
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      // Killed by a signal: the shell's convention, 128 + its number.
      resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0))
    })
  })

const main = async () => {
  // Before anything is built: production signs logins with its own secret, never a generated one.
  const secretProblem = productionSecretProblem(process.env)
  if (secretProblem) {
    console.error(secretProblem)
    process.exit(1)
  }
  const isProduction = process.env.NODE_ENV === 'production'
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-deprecation'].filter(Boolean).join(' '),
    NEXT_TELEMETRY_DISABLED: '1',
    // Server-rendered admin dates (the version view's title) are formatted in the process's time
    // zone: Korea's, as `npm start` sets it, also when this script is run directly.
    TZ: process.env.TZ || 'Asia/Seoul',
    // One secret for the build and the server, generated once for the demo when unset.
    PAYLOAD_SECRET: payloadSecret(),
  }
  // The server runs with NODE_ENV=production, where the demo seed is off unless asked for
  // (src/seed/seedMode.ts): a plain `npm start` is the demo and asks for it; a production start does not.
  if (!isProduction) env.NEWSROOM_SEED ??= 'demo'
  const port = process.env.PORT || '3000'
  env.NEWSROOM_PUBLIC_URL ??= `http://localhost:${port}`

  const fingerprint = sourceFingerprint()
  const built =
    fs.existsSync(fingerprintFile) && fs.readFileSync(fingerprintFile, 'utf8') === fingerprint
  if (!built) {
    console.log('관리자 화면을 빌드합니다 (building the admin, about a minute on 2 cores)…')
    const started = Date.now()
    const code = await run([nextBin, 'build', 'src'], env)
    if (code !== 0) {
      console.error(`빌드 실패 (next build exited with ${code})`)
      process.exit(code)
    }
    fs.writeFileSync(fingerprintFile, fingerprint)
    console.log(`빌드 완료 (${Math.round((Date.now() - started) / 1000)} s)`)
  }
  // Next.js's own server: it finishes the requests in flight when stopped (SIGINT 130, SIGTERM 143).
  const host = process.env.NEWSROOM_HOST?.trim()
  process.exit(
    await run(
      [nextBin, 'start', 'src', '--port', port, ...(host ? ['--hostname', host] : [])],
      env,
    ),
  )
}

void main()
