import { describe, expect, it } from 'vitest'

import { copyDocument } from './memoizePopulation'

describe('the copy of a populated document', () => {
  it('shares nothing with the kept one, at any depth', () => {
    const kept = { id: 7, title: '울산시 소식', section: { id: 1, name: '사회' }, sizes: [{ width: 640, url: '/a.jpg' }], heroImage: null, note: undefined }
    const copy = copyDocument(kept) as typeof kept
    expect(copy).toStrictEqual(kept)
    copy.section.name = '바뀜'
    copy.sizes[0]!.width = 1
    copy.sizes.push({ width: 2, url: '/b.jpg' })
    expect(kept.section.name).toBe('사회')
    expect(kept.sizes).toEqual([{ width: 640, url: '/a.jpg' }])
  })

  it('keeps an own `__proto__` key as data, never as the prototype', () => {
    const kept = JSON.parse('{"id":1,"body":{"__proto__":{"polluted":true},"text":"본문"}}') as { body: Record<string, unknown> }
    const copy = copyDocument(kept) as typeof kept
    expect(Object.getPrototypeOf(copy.body)).toBe(Object.prototype)
    expect(copy.body.polluted).toBeUndefined()
    expect(JSON.stringify(copy)).toBe(JSON.stringify(kept))
  })

  it('copies what is not plain data (a Date a hook left) the general way', () => {
    const at = new Date('2020-04-17T04:33:00.000Z')
    const kept = { registeredAt: at, tags: new Map([['a', 1]]) }
    const copy = copyDocument(kept) as typeof kept
    expect(copy.registeredAt).toBeInstanceOf(Date)
    expect(copy.registeredAt).not.toBe(at)
    expect(copy.registeredAt.getTime()).toBe(at.getTime())
    expect(copy.tags).not.toBe(kept.tags)
    expect(copy.tags.get('a')).toBe(1)
  })
})
