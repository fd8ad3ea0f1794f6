import { describe, expect, it } from 'vitest'

import { whereSearch } from './listQuery'

describe('list filter links', () => {
  it('write the where in the list filter builder’s shape', () => {
    expect(decodeURIComponent(whereSearch([{ 'workflow.state': { equals: 'filed' } }]))).toBe(
      'where[or][0][and][0][workflow.state][equals]=filed',
    )
    expect(
      decodeURIComponent(
        whereSearch([
          { reporters: { in: [3, 'a b'] } },
          { 'workflow.state': { not_equals: 'published' } },
        ]),
      ),
    ).toBe(
      'where[or][0][and][0][reporters][in][0]=3&where[or][0][and][0][reporters][in][1]=a+b&where[or][0][and][1][workflow.state][not_equals]=published',
    )
  })
})
