import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export type RunningApp = { log: () => string; stop: () => Promise<void>; url: string }

const root = path.resolve(import.meta.dirname, '..', '..')

/**
 * Starts the app exactly as the README says (`npm start`: build when needed, migrate, seed, serve)
 * on its own port and data folder, and waits until the REST API answers. TEST_PORT_OFFSET moves
 * every suite's port, so that two checkouts on one machine can run the suites side by side.
 */
export const startApp = async (options: {
  env?: Record<string, string>
  port: number
  timeoutMs?: number
}): Promise<RunningApp> => {
  const port = options.port + Number(process.env.TEST_PORT_OFFSET || 0)
  const dataDir = path.join(root, 'test', '.tmp', `app-${port}-${Date.now()}`)
  fs.mkdirSync(dataDir, { recursive: true })
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/bin/start.ts'], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      NEWSROOM_DATA_DIR: dataDir,
      PORT: String(port),
      NEWSROOM_RUN_JOBS: 'on',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.exitCode !== null) return
    // The start script runs `next start` (and before it, a build) as a child: end the whole process group.
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      return
    }
    await new Promise((resolve) => child.once('exit', resolve))
  }
  const deadline = Date.now() + (options.timeoutMs ?? 300_000)
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${output}`)
    try {
      const response = await fetch(`${url}/api/articles?limit=1`)
      if (response.ok) return { log: () => output, stop, url }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  await stop()
  throw new Error(`app did not answer within the time limit:\n${output}`)
}
