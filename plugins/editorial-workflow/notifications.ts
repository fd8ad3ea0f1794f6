import type { WorkflowMove } from './types'

import { formatKstList } from '../register-timestamps/formatKst'
import { escapeHtml } from '../shared/sanitizeHtml'
import { stateLabels } from './states'

export type MoveMessage = { html: string; subject: string; text: string }

const headline: Partial<Record<WorkflowMove['to'], (who: string) => string>> = {
  filed: (who) => `${who} 기사를 송고했습니다. 데스크 검토를 기다립니다.`,
  returned: (who) => `${who} 기사를 반려했습니다. 메모를 보고 고쳐 다시 송고하세요.`,
  approved: (who) => `${who} 기사를 승인했습니다. 출고를 기다립니다.`,
}

/** The email of a move, in Korean: what happened, the title, state, note, who and when, and the link. */
export const moveMessage = ({
  at,
  link,
  move,
  title,
}: {
  at: string
  link: string
  move: WorkflowMove
  title: string
}): MoveMessage => {
  const who = move.by ? `${move.by} 님이` : '시스템이'
  const state = stateLabels[move.to].ko
  const lines: [string, string][] = [
    ['제목', title],
    ['상태', `${stateLabels[move.from].ko} → ${state}`],
    ...(move.note ? ([['메모', move.note]] as [string, string][]) : []),
    ['처리', `${move.by ?? '시스템'}, ${formatKstList(at)?.slice(0, 16) ?? at} (KST)`],
  ]
  const summary = (
    headline[move.to] ?? ((name: string) => `${name} 기사를 ${state}(으)로 옮겼습니다.`)
  )(who)
  const text = [
    summary,
    '',
    ...lines.map(([key, value]) => `${key}: ${value}`),
    '',
    `기사 열기: ${link}`,
  ].join('\n')
  const html = [
    `<p>${escapeHtml(summary)}</p>`,
    '<table>',
    ...lines.map(
      ([key, value]) =>
        `<tr><th align="left" valign="top">${escapeHtml(key)}</th><td style="white-space:pre-wrap">${escapeHtml(value)}</td></tr>`,
    ),
    '</table>',
    `<p><a href="${escapeHtml(link)}">기사 열기</a></p>`,
  ].join('\n')
  return { subject: `[${state}] ${title}`, text, html }
}
