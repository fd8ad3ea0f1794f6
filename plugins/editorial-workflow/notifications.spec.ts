import { describe, expect, it } from 'vitest'

import { moveMessage } from './notifications'

describe('the email of a desk move', () => {
  it('names the story, the move, the note, who and when (KST) and links the admin', () => {
    const message = moveMessage({
      at: '2026-12-07T01:05:00.000Z',
      link: 'http://localhost:3000/admin/collections/articles/7',
      move: {
        by: '데스크',
        byId: 2,
        from: 'filed',
        note: '사진 설명을 <보강>하세요',
        to: 'returned',
      },
      title: '울산 기사',
    })
    expect(message.subject).toBe('[반려] 울산 기사')
    expect(message.text).toContain('데스크 님이 기사를 반려했습니다')
    expect(message.text).toContain('상태: 송고 → 반려')
    expect(message.text).toContain('메모: 사진 설명을 <보강>하세요')
    expect(message.text).toContain('처리: 데스크, 2026-12-07 10:05 (KST)')
    expect(message.text).toContain('기사 열기: http://localhost:3000/admin/collections/articles/7')
    // The note is text in the HTML part, never markup.
    expect(message.html).toContain('사진 설명을 &lt;보강&gt;하세요')
    expect(message.html).toContain('href="http://localhost:3000/admin/collections/articles/7"')
  })

  it('leaves the note out when the move has none', () => {
    const message = moveMessage({
      at: '2026-12-07T01:05:00.000Z',
      link: 'http://x/admin/collections/articles/7',
      move: { by: '김한수', byId: 3, from: 'writing', note: null, to: 'filed' },
      title: '송고 기사',
    })
    expect(message.subject).toBe('[송고] 송고 기사')
    expect(message.text).toContain('김한수 님이 기사를 송고했습니다')
    expect(message.text).not.toContain('메모')
  })
})
