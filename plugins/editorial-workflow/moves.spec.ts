import { describe, expect, it } from 'vitest'

import { movesFor } from './moves'

const labels = (...args: Parameters<typeof movesFor>) =>
  movesFor(...args).map((move) => move.label.ko)

describe('the desk buttons of the edit view', () => {
  it('let a reporter file, withdraw and file again after a return, and nothing while the desk has it', () => {
    expect(labels('writer', 'writing')).toEqual(['송고'])
    expect(labels('writer', 'filed')).toEqual(['송고 취소'])
    expect(labels('writer', 'returned')).toEqual(['송고'])
    expect(labels('writer', 'inReview')).toEqual([])
    expect(labels('writer', 'approved')).toEqual([])
    expect(labels('writer', 'published')).toEqual([])
  })

  it('let the desk review, return and approve', () => {
    expect(labels('desk', 'filed')).toEqual(['검토 시작', '반려', '승인'])
    expect(labels('desk', 'inReview')).toEqual(['반려', '승인'])
    expect(labels('desk', 'approved')).toEqual(['다시 검토', '반려'])
    expect(labels('desk', 'writing')).toEqual(['송고', '검토 시작', '승인'])
    expect(labels('desk', 'returned')).toEqual(['검토 시작'])
    expect(labels('desk', 'published')).toEqual(['다시 검토'])
  })

  it('ask for a note only when returning', () => {
    expect(movesFor('desk', 'filed').map((move) => [move.to, move.needsNote])).toEqual([
      ['inReview', false],
      ['returned', true],
      ['approved', false],
    ])
  })
})
