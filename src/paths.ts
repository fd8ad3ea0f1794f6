import path from 'node:path'

/**
 * Every runtime file (SQLite database, generated secret, uploads) lives under one data folder so
 * that a demo can be reset by deleting it. Resolved from the working directory rather than from
 * this module's URL, because under Next.js this module runs from a bundle inside `.next/`.
 */
export const dataDir = (): string =>
  path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.NEWSROOM_DATA_DIR || 'data')

export const projectRoot = (): string => /*turbopackIgnore: true*/ process.cwd()
