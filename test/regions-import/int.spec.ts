import type { Payload } from 'payload'

import iconv from 'iconv-lite'
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { RegionImportSummary } from '../../src/regions/importRegions'

import { databaseKind } from '../../src/database'
import { importRegions } from '../../src/regions/importRegions'
import { RegionImportError } from '../../src/regions/regionFile'
import { bootPayload, freshDatabaseUri } from '../helpers/payload'

const root = path.resolve(import.meta.dirname, '..', '..')
const tmpDir = path.join(root, 'test', '.tmp')

// A slice of the official file: 시도, 시군구 (with a 일반구), 읍면동 and 리 rows, an abolished
// 시도 and 시군구, and a prefix no 시도 has.
const fixtureLines = [
  '법정동코드\t법정동명\t폐지여부',
  '1100000000\t서울특별시\t존재',
  '1111000000\t서울특별시 종로구\t존재',
  '1111010100\t서울특별시 종로구 청운동\t존재',
  '3100000000\t울산광역시\t존재',
  '3111000000\t울산광역시 중구\t존재',
  '3111010100\t울산광역시 중구 학성동\t존재',
  '4200000000\t강원도\t폐지',
  '4211000000\t강원도 춘천시\t폐지',
  '4400000000\t충청남도\t존재',
  '4413000000\t충청남도 천안시\t존재',
  '4413100000\t충청남도 천안시 동남구\t존재',
  '4413110100\t충청남도 천안시 동남구 대흥동\t존재',
  '4413125021\t충청남도 천안시 동남구 목천읍 교촌리\t존재',
  '9900000000\t가상특별시\t존재',
]
const fixtureText = `${fixtureLines.join('\r\n')}\r\n`
const utf8WithBom = Buffer.concat([
  Buffer.from([0xef, 0xbb, 0xbf]),
  Buffer.from(fixtureText, 'utf8'),
])
const eucKr = iconv.encode(fixtureText, 'euc-kr')

const firstRunCounts = {
  abolished: 1,
  created: 8,
  rows: 14,
  skipped: {
    abolishedMissing: 1,
    duplicate: 0,
    malformed: 0,
    missingParent: 0,
    subRegion: 4,
    unknownPrefix: 1,
  },
  unchanged: 0,
  unknownPrefix: [{ code: '9900000000', line: 15 }],
  updated: 0,
}

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload('regions-import')
})
afterAll(async () => {
  await payload?.destroy()
})
beforeEach(async () => {
  await payload.delete({
    collection: 'regions',
    overrideAccess: true,
    where: { code: { exists: true } },
  })
})

const regionCount = async () =>
  (await payload.count({ collection: 'regions', overrideAccess: true })).totalDocs

const findRegion = async (code: string) =>
  (
    await payload.find({
      collection: 'regions',
      depth: 1,
      limit: 1,
      overrideAccess: true,
      where: { code: { equals: code } },
    })
  ).docs[0]

/** Every region as plain values, so two imports can be compared whatever ids they got. */
const snapshot = async () => {
  const { docs } = await payload.find({
    collection: 'regions',
    depth: 1,
    overrideAccess: true,
    pagination: false,
    sort: 'code',
  })
  return docs.map((doc) => ({
    code: doc.code,
    fullName: doc.fullName,
    label: doc.label,
    level: doc.level,
    name: doc.name,
    parent: typeof doc.parent === 'object' ? doc.parent?.code : doc.parent,
    shortName: doc.shortName ?? null,
    validTo: doc.validTo ? new Date(doc.validTo).toISOString() : null,
  }))
}

const countsOf = ({
  encoding: _encoding,
  malformed: _malformed,
  missingParent: _missing,
  ...counts
}: RegionImportSummary) => counts

describe('importRegions', () => {
  it('imports 시도 and 시군구 from a UTF-8 file with a BOM and CRLF line ends', async () => {
    const summary = await importRegions(payload, { buffer: utf8WithBom })
    expect(summary.encoding).toBe('utf-8')
    expect(countsOf(summary)).toEqual(firstRunCounts)

    expect(await findRegion('3100000000')).toMatchObject({
      fullName: '울산광역시',
      label: '울산시',
      level: 'sido',
      name: '울산시',
      shortName: '울산',
    })
    expect(await findRegion('3111000000')).toMatchObject({
      fullName: '울산광역시 중구',
      label: '울산중구',
      level: 'sigungu',
      name: '중구',
    })
    expect((await findRegion('3111000000')).parent).toMatchObject({ code: '3100000000' })
    expect(await findRegion('4413100000')).toMatchObject({
      fullName: '충청남도 천안시 동남구',
      label: '충남천안시 동남구',
      name: '천안시 동남구',
    })
    const cheonan = await findRegion('4413000000')
    expect(cheonan).toMatchObject({ label: '충남천안시' })
    // Never abolished: null in a SQL column, no value at all in a MongoDB document.
    expect(cheonan.validTo ?? null).toBeNull()
  })

  it('marks an abolished 시도 with its known end date and does not create abolished 시군구', async () => {
    await importRegions(payload, { buffer: utf8WithBom })
    const gangwon = await findRegion('4200000000')
    expect(gangwon).toMatchObject({ fullName: '강원도', name: '강원도', shortName: '강원' })
    expect(new Date(gangwon.validTo!).toISOString()).toBe('2023-06-10T00:00:00.000Z')
    expect(await findRegion('4211000000')).toBeUndefined()
  })

  it('skips 읍면동·리 rows and reports rows with an unknown 시도 prefix', async () => {
    const summary = await importRegions(payload, { buffer: utf8WithBom })
    expect(summary.skipped.subRegion).toBe(4)
    expect(summary.unknownPrefix).toEqual([{ code: '9900000000', line: 15 }])
    for (const code of ['1111010100', '3111010100', '4413110100', '4413125021', '9900000000']) {
      expect(await findRegion(code)).toBeUndefined()
    }
    expect(await regionCount()).toBe(8)
  })

  it('creates and changes nothing when the same file is imported again', async () => {
    await importRegions(payload, { buffer: utf8WithBom })
    const before = await snapshot()
    const updatedAt = (await findRegion('3111000000')).updatedAt
    const again = await importRegions(payload, { buffer: utf8WithBom })
    expect(countsOf(again)).toEqual({
      ...firstRunCounts,
      abolished: 0,
      created: 0,
      unchanged: 8,
      updated: 0,
    })
    expect(await snapshot()).toEqual(before)
    expect((await findRegion('3111000000')).updatedAt).toBe(updatedAt)
  })

  it('reads an EUC-KR (CP949) file exactly like the UTF-8 one', async () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(eucKr)).toThrow()
    await importRegions(payload, { buffer: utf8WithBom })
    const fromUtf8 = await snapshot()

    await payload.delete({
      collection: 'regions',
      overrideAccess: true,
      where: { code: { exists: true } },
    })
    const summary = await importRegions(payload, { buffer: eucKr })
    expect(summary.encoding).toBe('cp949')
    expect(countsOf(summary)).toEqual(firstRunCounts)
    expect(await snapshot()).toEqual(fromUtf8)
  })

  it('updates regions that differ from the file and marks abolished ones it already has', async () => {
    const gangwon = await payload.create({
      collection: 'regions',
      data: { code: '4200000000', fullName: '강원도', name: '강원도', shortName: '강원' },
      overrideAccess: true,
    })
    await payload.create({
      collection: 'regions',
      data: { code: '4211000000', fullName: '강원도 춘천시', name: '춘천시' },
      overrideAccess: true,
    })
    await payload.create({
      collection: 'regions',
      data: {
        code: '3100000000',
        fullName: '울산광역시',
        name: '울산시',
        shortName: '울산',
        validTo: '2020-01-01T00:00:00.000Z',
      },
      overrideAccess: true,
    })
    await payload.create({
      collection: 'regions',
      data: { code: '3111000000', fullName: '울산광역시 중구(옛)', name: '중구(옛)' },
      overrideAccess: true,
    })

    // 20:00 UTC is already the next day in Korea.
    const summary = await importRegions(payload, {
      buffer: utf8WithBom,
      today: new Date('2026-03-01T20:00:00Z'),
    })
    expect(summary).toMatchObject({ abolished: 2, created: 5, unchanged: 0, updated: 4 })
    expect(summary.skipped.abolishedMissing).toBe(0)

    const chuncheon = await findRegion('4211000000')
    expect(chuncheon).toMatchObject({ label: '강원춘천시', parent: { id: gangwon.id } })
    expect(new Date(chuncheon.validTo!).toISOString()).toBe('2026-03-02T00:00:00.000Z')
    expect(new Date((await findRegion('4200000000')).validTo!).toISOString()).toBe(
      '2023-06-10T00:00:00.000Z',
    )
    // A 존재 row clears a stale end date but keeps the newsroom's own name for the 시도.
    expect(await findRegion('3100000000')).toMatchObject({
      fullName: '울산광역시',
      name: '울산시',
      validTo: null,
    })
    expect(await findRegion('3111000000')).toMatchObject({
      fullName: '울산광역시 중구',
      label: '울산중구',
      name: '중구',
    })

    const again = await importRegions(payload, {
      buffer: utf8WithBom,
      today: new Date('2026-04-01T00:00:00Z'),
    })
    expect(again).toMatchObject({ abolished: 0, created: 0, unchanged: 9, updated: 0 })
    expect(new Date((await findRegion('4211000000')).validTo!).toISOString()).toBe(
      '2026-03-02T00:00:00.000Z',
    )
  })

  it('reports progress every 100 rows and once at the end', async () => {
    const villages = Array.from(
      { length: 250 },
      (_, index) =>
        `31110${String(101 + index).padStart(3, '0')}00\t울산광역시 중구 마을${index}\t존재`,
    )
    const progress: string[] = []
    const summary = await importRegions(payload, {
      text: ['3100000000\t울산광역시\t존재', ...villages].join('\n'),
      onProgress: ({ processed, total }) => progress.push(`${processed}/${total}`),
    })
    expect(progress).toEqual(['100/251', '200/251', '251/251'])
    expect(summary).toMatchObject({ created: 1, encoding: 'text', rows: 251 })
  })

  const failHalfWay = () =>
    importRegions(payload, {
      buffer: utf8WithBom,
      progressEvery: 1,
      onProgress: ({ processed }) => {
        if (processed === 6) throw new Error('crash half-way')
      },
    })

  // Only PostgreSQL runs the import in a transaction (Payload's SQLite adapter has none, see
  // src/database.ts); on SQLite the next test shows a failed import is completed by running it again.
  it.skipIf(databaseKind() !== 'postgres')(
    'writes nothing when the import fails half-way',
    async () => {
      await expect(failHalfWay()).rejects.toThrow('crash half-way')
      expect(await regionCount()).toBe(0)
    },
  )

  it('completes on the next run after a run that failed half-way', async () => {
    await expect(failHalfWay()).rejects.toThrow('crash half-way')
    const summary = await importRegions(payload, { buffer: utf8WithBom })
    expect(summary.created + summary.unchanged).toBe(8)
    expect(await regionCount()).toBe(8)
  })

  it('rejects an empty or unrecognisable file with a clear error and writes nothing', async () => {
    const garbage = Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 37) % 256))
    const cases: [RegionImportInput, RegExp][] = [
      [{ buffer: Buffer.alloc(0) }, /비어 있습니다 \(the file is empty\)/],
      [{ text: '\r\n  \r\n' }, /the file is empty/],
      [{ buffer: garbage }, /no 법정동코드 rows found/],
      [{ text: '법정동코드\t법정동명\t폐지여부\r\n' }, /no 법정동코드 rows found/],
      [
        { text: '법정동코드,법정동명,폐지여부\n1100000000,서울특별시,존재\n' },
        /no 법정동코드 rows found/,
      ],
    ]
    for (const [input, message] of cases) {
      const attempt = importRegions(payload, input)
      await expect(attempt).rejects.toThrow(message)
      await expect(attempt).rejects.toBeInstanceOf(RegionImportError)
    }
    expect(await regionCount()).toBe(0)
  })
})

type RegionImportInput = Parameters<typeof importRegions>[1]

type CliResult = { code: null | number; stderr: string; stdout: string }

const runCli = (args: string[], env: Record<string, string>): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/bin/importRegions.ts', ...args],
      {
        cwd: root,
        env: {
          ...process.env,
          NEWSROOM_DATA_DIR: path.join(tmpDir, 'regions-import-data'),
          NODE_OPTIONS: '--no-deprecation',
          PAYLOAD_SECRET: 'test-secret-not-for-production',
          ...env,
        },
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr, stdout }))
  })

const writeTmpFile = (name: string, content: Buffer | string): string => {
  fs.mkdirSync(tmpDir, { recursive: true })
  const file = path.join(tmpDir, `${crypto.randomBytes(4).toString('hex')}-${name}`)
  fs.writeFileSync(file, content)
  return file
}

describe('npm run regions:import', () => {
  it('migrates the database, imports the file and prints a summary; a second run changes nothing', async () => {
    const file = writeTmpFile('법정동코드.txt', eucKr)
    const env = { DATABASE_URI: await freshDatabaseUri('regions-import-cli') }

    const first = await runCli([file], env)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toMatch(
      /\[regions\] 14 rows \(cp949\): created 8, updated 0, unchanged 0, abolished-marked 1, skipped 6/,
    )
    expect(first.stderr).toContain('[regions] 14/14 rows…')
    expect(first.stderr).toMatch(/line 15: 9900000000/)

    const second = await runCli([file], env)
    expect(second.code, second.stderr).toBe(0)
    expect(second.stdout).toMatch(/created 0, updated 0, unchanged 8, abolished-marked 0/)
  }, 120_000)

  it('exits non-zero with a one-line error, before touching the database, when the file is missing or empty', async () => {
    const databaseFile = path.join(
      tmpDir,
      `regions-import-untouched-${crypto.randomBytes(4).toString('hex')}.db`,
    )
    const env = { DATABASE_URI: `file:${databaseFile}` }

    const missing = await runCli([path.join(tmpDir, 'no-such-file.txt')], env)
    expect(missing.code).not.toBe(0)
    expect(missing.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/파일을 읽을 수 없습니다: .*no-such-file\.txt \(file not found\)/),
    ])

    const empty = await runCli([writeTmpFile('empty.txt', '')], env)
    expect(empty.code).not.toBe(0)
    expect(empty.stderr).toMatch(/the file is empty/)

    const noArgument = await runCli([], env)
    expect(noArgument.code).not.toBe(0)
    expect(noArgument.stderr).toMatch(/usage/)

    expect(fs.existsSync(databaseFile)).toBe(false)
  }, 120_000)
})
