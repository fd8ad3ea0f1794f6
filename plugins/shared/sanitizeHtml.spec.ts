import { describe, expect, it } from 'vitest'

import { isAllowedLinkUrl, sanitizeRichTextHtml } from './sanitizeHtml'

describe('sanitizeRichTextHtml', () => {
  it.each([
    ['<p>a<script>alert(1)</script></p>', '<p>a</p>'],
    ['<img src="x" onerror="alert(1)" />', '<img src="x" />'],
    ['<svg onload="alert(1)"><circle /></svg>', ''],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="&#106;avascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="java&#x09;script:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>', '<a>x</a>'],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="" />', '<img alt="" />'],
    [
      '<img src="mailto:a@b.kr" srcset="javascript:alert(1) 1x, https://x.kr/a.jpg 2x" />',
      '<img srcset="https://x.kr/a.jpg 2x" />',
    ],
    [
      '<p style="text-align: center; background: url(javascript:alert(1))">x</p>',
      '<p style="text-align:center">x</p>',
    ],
    ['<p style="padding-inline-start: expression(alert(1))">x</p>', '<p>x</p>'],
    [
      '<ul class="list-bullet hidden-overlay"><li>x</li></ul>',
      '<ul class="list-bullet"><li>x</li></ul>',
    ],
    ['<iframe src="https://evil.example"></iframe><p>x</p>', '<p>x</p>'],
    [
      '<a href="https://x.kr" target="_blank">x</a>',
      '<a href="https://x.kr" target="_blank" rel="noopener noreferrer">x</a>',
    ],
    ['<a href="https://x.kr" target="_top" rel="opener">x</a>', '<a href="https://x.kr">x</a>'],
  ])('%s → %s', (html, expected) => {
    expect(sanitizeRichTextHtml(html)).toBe(expected)
  })

  it('keeps what the renderer writes', () => {
    const html =
      '<h2 style="text-align:right">제목</h2><p><strong>굵게</strong> <a href="/news/a">기사</a> <a href="mailto:desk@news.example.kr">메일</a></p>' +
      '<figure><img src="https://news.example.kr/a.jpg" srcset="https://news.example.kr/a-1600.jpg 1600w" sizes="100vw" alt="사진" width="2400" height="1800" loading="lazy" />' +
      '<figcaption>설명 사진=출처</figcaption></figure>'
    expect(sanitizeRichTextHtml(html)).toBe(html)
  })
})

describe('isAllowedLinkUrl', () => {
  it.each([
    'https://www.ulsan.go.kr/',
    'http://x.kr/?a=1&b=2',
    'mailto:desk@news.example.kr',
    'tel:+82-52-120',
    '/news/a',
    '#top',
    '//cdn.example.kr/a',
    'news/a',
  ])('allows %j', (url) => expect(isAllowedLinkUrl(url)).toBe(true))

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    '\u0000javascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript&#x3A;alert(1)',
    'javascript&colon;alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://x.kr/',
  ])('refuses %j', (url) => expect(isAllowedLinkUrl(url)).toBe(false))
})
