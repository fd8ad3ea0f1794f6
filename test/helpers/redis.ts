import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'

export type RunningRedis = { port: number; stop: () => Promise<void>; url: string }

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

/**
 * A real `redis-server` (Debian's) on a free port, without persistence. Throws when redis-server
 * is not installed: a suite that needs Redis fails rather than skips (CI installs it).
 */
export const startRedis = async (): Promise<RunningRedis> => {
  const port = await freePort()
  let output = ''
  const child: ChildProcess = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) =>
      reject(
        new Error(`redis-server did not start (apt-get install redis-server): ${error.message}`),
      ),
    )
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)))
  })
  const ready = new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk
      if (output.includes('Ready to accept connections')) resolve()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
  })
  await Promise.race([ready, failed])
  failed.catch(() => {})
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  return { port, stop, url: `redis://127.0.0.1:${port}` }
}
