import type { Field } from 'payload'

import { describe, expect, it } from 'vitest'

import { changedStoredFields, hasStoredChange, storedFields } from './storedChange'

const fields: Field[] = [
  { name: 'title', type: 'text' },
  { type: 'row', fields: [{ name: 'region', type: 'relationship', relationTo: 'regions' }] },
  { name: 'reporters', type: 'relationship', relationTo: 'reporters', hasMany: true },
  { name: 'registeredAt', type: 'date' },
  { name: 'workflow', type: 'group', fields: [{ name: 'state', type: 'text' }] },
  { name: 'bodyHtml', type: 'textarea', hidden: true },
  { name: 'titleText', type: 'text', virtual: true },
  { name: 'articles', type: 'join', collection: 'articles', on: 'reporters' } as Field,
  { name: 'updatedAt', type: 'date' },
  { name: 'updatedBy', type: 'relationship', relationTo: 'users' },
]

const stored = {
  title: '제목',
  region: 3,
  reporters: [1, 2],
  registeredAt: '2024-05-01T00:00:00.000Z',
  workflow: { state: 'writing', note: null },
  bodyHtml: '<p>본문</p>',
  updatedAt: '2024-05-01T00:00:00.000Z',
  updatedBy: 7,
}

describe('storedFields', () => {
  it('lists stored fields through rows, without virtual and join ones; hidden ones on request', () => {
    const names = (options?: { includeHidden?: boolean }) =>
      storedFields(fields, options).map((field) => (field as { name: string }).name)
    expect(names()).toEqual([
      'title',
      'region',
      'reporters',
      'registeredAt',
      'workflow',
      'bodyHtml',
      'updatedAt',
      'updatedBy',
    ])
    expect(names({ includeHidden: false })).not.toContain('bodyHtml')
  })
})

describe('changedStoredFields', () => {
  it('sees no change in a round trip: populated relations, other key order and date spelling', () => {
    const echo = {
      ...stored,
      region: { id: '3', name: '충남' },
      reporters: [{ id: 1 }, { id: '2' }],
      registeredAt: '2024-05-01T09:00:00+09:00',
      workflow: { note: null, state: 'writing' },
      updatedAt: '2024-06-01T00:00:00.000Z',
      updatedBy: 8,
    }
    expect(changedStoredFields(fields, echo, stored)).toEqual([])
    expect(hasStoredChange(fields, echo, stored)).toBe(false)
  })

  it('names changed values, leaving out the extra uncounted ones', () => {
    const next = { ...stored, title: '새 제목', reporters: [2, 1], bodyHtml: '<p>새</p>' }
    expect(changedStoredFields(fields, next, stored)).toEqual(['title', 'reporters', 'bodyHtml'])
    expect(changedStoredFields(fields, next, stored, { uncounted: ['bodyHtml'] })).toEqual([
      'title',
      'reporters',
    ])
    expect(changedStoredFields(fields, next, stored, { includeHidden: false })).toEqual([
      'title',
      'reporters',
    ])
  })

  it('compares an absent value as null, or only what the copies carry', () => {
    const partial = { title: '제목' }
    expect(changedStoredFields(fields, partial, stored)).toContain('region')
    expect(hasStoredChange(fields, partial, stored, { compare: 'sent' })).toBe(false)
    const withoutHidden = { ...stored, bodyHtml: undefined }
    expect(hasStoredChange(fields, withoutHidden, stored, { compare: 'shared' })).toBe(false)
    expect(hasStoredChange(fields, stored, withoutHidden, { compare: 'shared' })).toBe(false)
    expect(hasStoredChange(fields, stored, withoutHidden, { compare: 'sent' })).toBe(true)
  })
})
