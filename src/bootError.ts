/**
 * Next.js logs a failing instrumentation hook and serves on, every request then failing the same
 * way. src/instrumentation.ts records the failure here (the hook runs in the server's own process,
 * from Next.js's bundle: one global, by a registered symbol), and src/bin/server.ts stops with it.
 */
const BOOT_ERROR = Symbol.for('payload-newsroom.bootError')

export const recordBootError = (error: unknown): void => {
  ;(globalThis as Record<symbol, unknown>)[BOOT_ERROR] = error
}

export const recordedBootError = (): unknown => (globalThis as Record<symbol, unknown>)[BOOT_ERROR]
