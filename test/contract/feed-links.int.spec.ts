import type { Payload } from 'payload'

import { XMLParser } from 'fast-xml-parser'
import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedDemo } from '../../src/seed'
import { bootPayload } from '../helpers/payload'

// Feed self-links and ids name the public URL (NEWSROOM_PUBLIC_URL), never `localhost` nor the
// Host a request came with: a shared cache would hand that Host to every reader.

const PUBLIC_URL = 'https://api.news.example'
const saved = {
  NEWSROOM_PUBLIC_URL: process.env.NEWSROOM_PUBLIC_URL,
  NEWSROOM_SERVER_URL: process.env.NEWSROOM_SERVER_URL,
  NEWSROOM_SITE_URL: process.env.NEWSROOM_SITE_URL,
}
let payload: Payload
const xml = new XMLParser({ ignoreAttributes: false })

beforeAll(async () => {
  process.env.NEWSROOM_PUBLIC_URL = PUBLIC_URL
  delete process.env.NEWSROOM_SERVER_URL
  delete process.env.NEWSROOM_SITE_URL
  payload = await bootPayload('feed-links')
  await seedDemo(payload)
})
afterAll(async () => {
  await payload?.destroy()
  for (const [name, value] of Object.entries(saved))
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
})

/** A feed as a request through a proxy with a forged Host and forwarded headers gets it. */
const feed = async (path: string) => {
  const response = await handleEndpoints({
    config: payload.config,
    request: new Request(`http://evil.example:8080/api${path}`, {
      headers: {
        host: 'evil.example:8080',
        'x-forwarded-host': 'forwarded.example',
        'x-forwarded-proto': 'http',
      },
    }),
  })
  expect(response.status).toBe(200)
  return response.text()
}

const expectNoOtherHost = (text: string) => {
  expect(text).not.toMatch(/localhost|127\.0\.0\.1|evil\.example|forwarded\.example/)
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value])

describe('feed links', () => {
  it.each(['/feeds/rss.xml', '/feeds/sections/news/rss.xml', '/feeds/reporters/kim-hansu/rss.xml'])(
    'RSS %s: atom:link rel=self and the channel link use the public URL',
    async (path) => {
      const text = await feed(path)
      expectNoOtherHost(text)
      const channel = xml.parse(text).rss.channel
      const self = asArray(channel['atom:link']).find(
        (link: Record<string, string>) => link['@_rel'] === 'self',
      )
      expect(self['@_href']).toBe(`${PUBLIC_URL}/api${path}`)
      expect(channel.link.replace(/\/$/, '')).toBe(PUBLIC_URL)
      for (const item of asArray(channel.item)) expect(item.link).toMatch(`${PUBLIC_URL}/`)
    },
  )

  it('Atom: <id>, <link rel="self"> and the entries use the public URL', async () => {
    const text = await feed('/feeds/atom.xml')
    expectNoOtherHost(text)
    const atom = xml.parse(text).feed
    expect(atom.id).toBe(`${PUBLIC_URL}/api/feeds/atom.xml`)
    const links = asArray(atom.link) as Record<string, string>[]
    expect(links.find((link) => link['@_rel'] === 'self')?.['@_href']).toBe(
      `${PUBLIC_URL}/api/feeds/atom.xml`,
    )
    for (const entry of asArray(atom.entry)) expect(entry.id).toMatch(`${PUBLIC_URL}/`)
  })

  it('the sitemap index names its sitemaps under the public URL', async () => {
    const text = await feed('/sitemaps/index.xml')
    expectNoOtherHost(text)
    expect(text).toContain(`<loc>${PUBLIC_URL}/api/sitemaps/`)
  })
})
