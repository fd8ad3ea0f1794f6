/**
 * `npm run regions:import -- <file>`: loads the official 법정동코드 전체자료 file (EUC-KR or UTF-8)
 * into `regions` as 시도 and 시군구. Safe to run again with the same or a newer file. Uses the
 * database in DATABASE_URI like `npm start`, running its pending migrations first.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { RegionImportSummary } from '../regions/importRegions'

import { parseRegionFile, RegionImportError } from '../regions/regionFile'

// Set before the config is imported, because the database adapter reads them when it is built:
// production runs the committed migrations and never pushes the schema; no demo content.
Object.assign(process.env, { NODE_ENV: 'production' })
process.env.NEWSROOM_SEED ??= 'off'

const MAX_REPORTED = 20

// Lexical's Node entry points (`*.node.mjs`) load their code with top-level await, and on Node 20
// that graph sometimes never settles: the process exits 0 having done nothing (~30% of runs
// here). The `production` export condition picks Lexical's plain builds instead, so the script
// runs itself again with it unless it was given.
const hasProductionCondition = /(^|\s)(--conditions[= ]|-C ?)production(\s|$)/.test(
  [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' '),
)
if (!hasProductionCondition) {
  const child = spawnSync(
    process.execPath,
    ['--conditions=production', ...process.execArgv, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
    },
  )
  process.exit(child.status ?? 1)
}

// Every finished run ends in process.exit, which skips this event: the loop emptying on its own
// means an import never settled, and that must not pass for a successful run.
process.on('beforeExit', () => {
  console.error(
    '[regions] 중간에 멈췄습니다 (stopped before finishing: a module import never settled)',
  )
  process.exit(1)
})

// A declaration rather than an arrow, so that TypeScript narrows after a call.
function fail(message: string, code = 1): never {
  console.error(`[regions] ${message}`)
  process.exit(code)
}

const report = (title: string, items: { line: number; text: string }[]) => {
  for (const item of items.slice(0, MAX_REPORTED))
    console.error(`[regions] ${title}: line ${item.line}: ${item.text}`)
  if (items.length > MAX_REPORTED)
    console.error(`[regions] ${title}: … ${items.length - MAX_REPORTED} more`)
}

const printDetails = (summary: RegionImportSummary) => {
  report(
    '알 수 없는 시도 코드 (unknown 시도 prefix, skipped)',
    summary.unknownPrefix.map(({ code, line }) => ({ line, text: code })),
  )
  report(
    '상위 시도 없음 (parent 시도 missing, skipped)',
    summary.missingParent.map(({ code, line }) => ({ line, text: code })),
  )
  report('읽을 수 없는 줄 (unreadable line, skipped)', summary.malformed)
}

const main = async () => {
  const file = process.argv[2]
  if (!file) fail('사용법 (usage): npm run regions:import -- <법정동코드 전체자료.txt>', 2)
  const filePath = path.resolve(file)
  let buffer: Buffer
  try {
    buffer = fs.readFileSync(filePath)
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file not found'
        : (error as Error).message
    return fail(`파일을 읽을 수 없습니다: ${filePath} (${reason})`)
  }
  // Checked before Payload starts, so that a wrong file leaves the database untouched (not even migrated).
  try {
    parseRegionFile(buffer)
  } catch (error) {
    if (error instanceof RegionImportError) return fail(`${error.message}: ${filePath}`)
    throw error
  }

  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { formatRegionImportSummary, importRegions } = await import('../regions/importRegions')
  const payload = await getPayload({ config })
  let exitCode = 0
  try {
    const summary = await importRegions(payload, {
      buffer,
      onProgress: ({ processed, total }) =>
        process.stderr.write(`[regions] ${processed}/${total} rows…\n`),
    })
    printDetails(summary)
    console.log(formatRegionImportSummary(summary))
  } catch (error) {
    exitCode = 1
    if (error instanceof RegionImportError) console.error(`[regions] ${error.message}`)
    else
      console.error(
        '[regions] 가져오기 실패, 다시 실행해도 됩니다 (import failed; safe to run again):',
        error,
      )
  }
  await payload.destroy()
  process.exit(exitCode)
}

main().catch((error: unknown) => {
  console.error('[regions] 가져오기 실패 (import failed):', error)
  process.exit(1)
})
