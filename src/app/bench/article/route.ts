import fs from 'node:fs'

/**
 * `npm run bench`'s N0 baseline: the cheapest possible Next.js route in this app, answering a
 * pre-serialised article (the file named by NEWSROOM_BENCH_JSON, read once) from memory. Outside
 * a benchmark run (NEWSROOM_BENCH unset) it does not exist: 404.
 */
export const dynamic = 'force-dynamic'

let body: Uint8Array | undefined

export function GET(): Response {
  const file = process.env.NEWSROOM_BENCH_JSON
  if (process.env.NEWSROOM_BENCH !== '1' || !file) return new Response('Not Found', { status: 404 })
  body ??= new Uint8Array(fs.readFileSync(file))
  return new Response(body as BodyInit, { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
