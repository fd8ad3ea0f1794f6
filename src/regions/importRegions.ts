import type { Payload, PayloadRequest } from 'payload'

import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import type { RegionLevel, SidoSeed } from '../../collections/regionCodes'
import type { Region } from '../payload-types'
import type { ParsedRegionFile, RegionFileProblem, RegionFileRow } from './regionFile'

import { parseRegionCode, sidoList } from '../../collections/regionCodes'
import { parseRegionFile, parseRegionText } from './regionFile'

export type RegionImportProgress = { processed: number; total: number }

export type RegionImportOptions = (
  { buffer: Uint8Array; text?: never } | { buffer?: never; text: string }
) & {
  onProgress?: (progress: RegionImportProgress) => void
  /** Rows between two progress reports. @default 100 */
  progressEvery?: number
  /** The abolition date for 폐지 rows, since the file carries none. @default now (its KST day) */
  today?: Date
}

export type RegionImportSkipReason =
  'abolishedMissing' | 'duplicate' | 'malformed' | 'missingParent' | 'subRegion' | 'unknownPrefix'

export type RegionImportSummary = {
  /** Regions newly marked abolished (`validTo` set) by this run; they are also counted as created or updated. */
  abolished: number
  created: number
  encoding: ParsedRegionFile['encoding']
  /** Lines that are neither the header nor a row. */
  malformed: RegionFileProblem[]
  /** 시군구 rows whose 시도 is neither in the file nor in the database. */
  missingParent: { code: string; line: number }[]
  /** Rows in the file (header and blank lines excluded). */
  rows: number
  /**
   * Why rows were left alone: 읍면동·리 rows (`subRegion`), unknown 시도 prefixes, 폐지 rows for
   * regions that were never imported (`abolishedMissing`), repeated codes, unreadable lines.
   */
  skipped: Record<RegionImportSkipReason, number>
  unchanged: number
  /** 시도 or 시군구 rows whose 시도 prefix is not a known 시도. */
  unknownPrefix: { code: string; line: number }[]
  updated: number
}

type Kind = 'duplicate' | 'subRegion' | 'unknownPrefix' | RegionLevel

type Task = { kind: Kind; row: RegionFileRow }

type RegionChanges = Partial<Pick<Region, 'fullName' | 'name' | 'validTo'>>

const knownSido = new Map<string, SidoSeed>(sidoList.map((sido) => [sido.code, sido]))

/** Midnight UTC of the given KST day, the way the seed stores `2023-06-10`. */
const toDateValue = (day: string): string =>
  new Date(`${day.slice(0, 10)}T00:00:00.000Z`).toISOString()

const kstDay = (date: Date): string =>
  new Date(date.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10)

/** `충청남도 천안시 동남구` → `천안시 동남구`: 시도 names never contain a space. */
const sigunguName = (fullName: string): string => {
  const rest = fullName.split(' ').slice(1).join(' ')
  // 세종특별자치시 is its own only 시군구 (3611000000) and the file names it like the 시도.
  return rest || fullName
}

/**
 * Decides what each row is before anything is written. 시도 rows come first because a 시군구's
 * parent must exist when it is saved; a code listed twice is imported once, preferring 존재.
 */
const planTasks = (rows: RegionFileRow[]): Task[] => {
  const chosen = new Map<string, RegionFileRow>()
  const kinds = new Map<RegionFileRow, Kind>()
  for (const row of rows) {
    // A 읍면동·리 row is skipped whatever its prefix, so a new 시도 does not flood the report.
    if (!row.code.endsWith('00000')) {
      kinds.set(row, 'subRegion')
      continue
    }
    const parsed = parseRegionCode(row.code)
    if ('error' in parsed) {
      kinds.set(row, 'unknownPrefix')
      continue
    }
    kinds.set(row, parsed.level)
    const previous = chosen.get(row.code)
    if (!previous) {
      chosen.set(row.code, row)
    } else if (previous.isAbolished && !row.isAbolished) {
      kinds.set(previous, 'duplicate')
      chosen.set(row.code, row)
    } else {
      kinds.set(row, 'duplicate')
    }
  }
  const tasks = rows.map((row) => ({ kind: kinds.get(row) ?? 'subRegion', row }))
  return [
    ...tasks.filter((task) => task.kind === 'sido'),
    ...tasks.filter((task) => task.kind !== 'sido'),
  ]
}

/**
 * Loads 시도 and 시군구 from the official 법정동코드 file into `regions`, idempotently: existing
 * regions (by code) are updated only where the file differs, abolished ones get `validTo`.
 * Everything is written in one transaction where the database adapter offers one.
 * Throws a RegionImportError, before writing anything, when the input holds no rows.
 */
export const importRegions = async (
  payload: Payload,
  options: RegionImportOptions,
): Promise<RegionImportSummary> => {
  const file =
    options.buffer !== undefined
      ? parseRegionFile(options.buffer)
      : parseRegionText(options.text ?? '')
  const today = toDateValue(kstDay(options.today ?? new Date()))
  const progressEvery = Math.max(1, options.progressEvery ?? 100)
  const tasks = planTasks(file.rows)
  const summary: RegionImportSummary = {
    abolished: 0,
    created: 0,
    encoding: file.encoding,
    malformed: file.malformed,
    missingParent: [],
    rows: file.rows.length,
    skipped: {
      abolishedMissing: 0,
      duplicate: 0,
      malformed: file.malformed.length,
      missingParent: 0,
      subRegion: 0,
      unknownPrefix: 0,
    },
    unchanged: 0,
    unknownPrefix: [],
    updated: 0,
  }

  const req: PayloadRequest = await createLocalReq({}, payload)
  // False when the adapter has no transactions (Payload's SQLite adapter unless configured
  // with `transactionOptions`): the import then relies on being safe to run again.
  const isOwnTransaction = await initTransaction(req)
  try {
    const existing = await payload.find({
      collection: 'regions',
      depth: 0,
      overrideAccess: true,
      pagination: false,
      req,
    })
    const byCode = new Map<string, Region>(existing.docs.map((doc) => [doc.code, doc]))

    const importRow = async (row: RegionFileRow, level: RegionLevel): Promise<void> => {
      const sido = level === 'sido' ? knownSido.get(row.code) : undefined
      const current = byCode.get(row.code)
      if (!current) {
        // Abolished 시군구 are history the newsroom never wrote about; known 시도 are created so
        // that their articles keep a region.
        if (row.isAbolished && !sido) {
          summary.skipped.abolishedMissing++
          return
        }
        if (level === 'sigungu' && !byCode.has(`${row.code.slice(0, 2)}00000000`)) {
          summary.skipped.missingParent++
          summary.missingParent.push({ code: row.code, line: row.line })
          return
        }
        const created = await payload.create({
          collection: 'regions',
          data: {
            code: row.code,
            fullName: row.name,
            name: sido?.name ?? (level === 'sido' ? row.name : sigunguName(row.name)),
            shortName: sido?.shortName,
            validFrom: sido?.validFrom ? toDateValue(sido.validFrom) : undefined,
            validTo: row.isAbolished
              ? sido?.validTo
                ? toDateValue(sido.validTo)
                : today
              : undefined,
          },
          depth: 0,
          overrideAccess: true,
          req,
        })
        byCode.set(created.code, created)
        summary.created++
        if (row.isAbolished) summary.abolished++
        return
      }

      // A 시도's name and short name are the newsroom's headline style (울산시, 울산), not the file's.
      const changes: RegionChanges = {}
      if (current.fullName !== row.name) changes.fullName = row.name
      if (level === 'sigungu' && current.name !== sigunguName(row.name))
        changes.name = sigunguName(row.name)
      if (row.isAbolished && !current.validTo)
        changes.validTo = sido?.validTo ? toDateValue(sido.validTo) : today
      if (!row.isAbolished && current.validTo) changes.validTo = null
      if (Object.keys(changes).length === 0) {
        summary.unchanged++
        return
      }
      const updated = await payload.update({
        collection: 'regions',
        id: current.id,
        data: changes,
        depth: 0,
        overrideAccess: true,
        req,
      })
      byCode.set(updated.code, updated)
      summary.updated++
      if (changes.validTo) summary.abolished++
    }

    let processed = 0
    for (const { kind, row } of tasks) {
      if (kind === 'sido' || kind === 'sigungu') {
        await importRow(row, kind)
      } else {
        summary.skipped[kind]++
        if (kind === 'unknownPrefix') summary.unknownPrefix.push({ code: row.code, line: row.line })
      }
      processed++
      if (processed % progressEvery === 0 || processed === tasks.length) {
        options.onProgress?.({ processed, total: tasks.length })
      }
    }
    if (isOwnTransaction) await commitTransaction(req)
  } catch (error) {
    if (isOwnTransaction) await killTransaction(req)
    throw error
  }
  return summary
}

const skipLabels: Record<RegionImportSkipReason, string> = {
  abolishedMissing: 'abolished-not-imported',
  duplicate: 'duplicate',
  malformed: 'malformed',
  missingParent: 'missing-parent',
  subRegion: '읍면동/리',
  unknownPrefix: 'unknown-prefix',
}

/** One line for logs and the CLI: counts, then the non-zero skip reasons. */
export const formatRegionImportSummary = (summary: RegionImportSummary): string => {
  const reasons = (Object.keys(skipLabels) as RegionImportSkipReason[])
    .filter((reason) => summary.skipped[reason] > 0)
    .map((reason) => `${skipLabels[reason]} ${summary.skipped[reason]}`)
  const skipped = Object.values(summary.skipped).reduce((total, count) => total + count, 0)
  return (
    `[regions] ${summary.rows} rows (${summary.encoding}): created ${summary.created}, updated ${summary.updated}, ` +
    `unchanged ${summary.unchanged}, abolished-marked ${summary.abolished}, ` +
    `skipped ${skipped}${reasons.length ? ` (${reasons.join(', ')})` : ''}`
  )
}
