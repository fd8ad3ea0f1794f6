/** Servers under test as child processes: start, wait until they answer, measure their memory, stop. */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'

export type ServerProcess = {
  name: string
  url: string
  pid: number
  /** Lines the server printed so far that start with `prefix`, one of StartOptions.countPrefixes (e.g. drizzle's `Query: `). */
  linesStartingWith: (prefix: string) => number
  /** Resident memory of the server, summed over its process tree (without a launcher such as npm or start.ts). */
  rssMb: () => number
  /** CPU time the server's process tree has used so far. */
  cpuSeconds: () => number
  tail: () => string
  stop: () => Promise<void>
}

const readProc = (file: string): string | undefined => {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

/** Every descendant of `root` (and root itself), from /proc. */
export const processTree = (root: number): number[] => {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = readProc(`/proc/${entry}/stat`)
    if (!stat) continue
    // pid (comm) state ppid …; comm may contain spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)])
  }
  const tree: number[] = []
  const queue = [root]
  while (queue.length) {
    const pid = queue.shift()!
    tree.push(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return tree
}

/** utime + stime in clock ticks (100 a second on Linux). */
const cpuTicks = (pid: number): number => {
  const stat = readProc(`/proc/${pid}/stat`)
  if (!stat) return 0
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/** CPU seconds `root` and its descendants have used so far. */
export const treeCpuSeconds = (root: number): number =>
  processTree(root).reduce((sum, pid) => sum + cpuTicks(pid), 0) / 100

const rssKb = (pid: number): number =>
  Number(/VmRSS:\s+(\d+)/.exec(readProc(`/proc/${pid}/status`) ?? '')?.[1] ?? 0)

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export type StartOptions = {
  name: string
  command: string
  args: string[]
  env: NodeJS.ProcessEnv
  port: number
  /** A path that answers 200 once the server is ready. */
  readyPath: string
  logFile: string
  timeoutMs?: number
  /** Count output lines starting with these (see ServerProcess.linesStartingWith). */
  countPrefixes?: string[]
  /** The spawned process only launches the server (npm, src/bin/start.ts): leave it out of RSS. */
  isLauncher?: boolean
  cwd: string
}

export const startServer = async (options: StartOptions): Promise<ServerProcess> => {
  const log = fs.createWriteStream(options.logFile)
  const counts = new Map<string, number>()
  const prefixes = new Set<string>(options.countPrefixes ?? [])
  let partial = ''
  let tail = ''
  const child: ChildProcess = spawn(options.command, options.args, {
    cwd: options.cwd,
    detached: true,
    env: { ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const onOutput = (chunk: Buffer) => {
    log.write(chunk)
    const text = partial + chunk.toString('utf8')
    const lines = text.split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      for (const prefix of prefixes)
        if (line.startsWith(prefix)) counts.set(prefix, (counts.get(prefix) ?? 0) + 1)
    }
    tail = (tail + chunk.toString('utf8')).slice(-6000)
  }
  child.stdout?.on('data', onOutput)
  child.stderr?.on('data', onOutput)
  const url = `http://127.0.0.1:${options.port}`
  let exited = false
  child.once('exit', () => (exited = true))
  const stop = async () => {
    if (exited) return
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      return
    }
    const deadline = Date.now() + 10_000
    while (!exited && Date.now() < deadline) await wait(100)
    if (!exited) {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // gone
      }
      await wait(200)
    }
    log.end()
  }
  const server: ServerProcess = {
    name: options.name,
    url,
    pid: child.pid!,
    linesStartingWith: (prefix) => counts.get(prefix) ?? 0,
    rssMb: () => {
      const pids = processTree(child.pid!).filter(
        (pid) => !(options.isLauncher && pid === child.pid),
      )
      return Math.round(pids.reduce((sum, pid) => sum + rssKb(pid), 0) / 1024)
    },
    cpuSeconds: () => treeCpuSeconds(child.pid!),
    tail: () => tail,
    stop,
  }
  const deadline = Date.now() + (options.timeoutMs ?? 600_000)
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${options.name} exited before answering:\n${tail}`)
    try {
      const response = await fetch(`${url}${options.readyPath}`)
      await response.arrayBuffer()
      if (response.ok) return server
    } catch {
      // not listening yet
    }
    await wait(500)
  }
  await stop()
  throw new Error(`${options.name} did not answer ${options.readyPath} in time:\n${tail}`)
}
