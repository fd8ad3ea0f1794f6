import type { PayloadRequest, ServerProps, Where } from 'payload'

import { formatAdminURL } from 'payload/shared'
import React from 'react'

import type { DeskFilter } from './DeskFiltersClient'

import { DeskFiltersClient } from './DeskFiltersClient'
import { whereSearch } from './listQuery'

export type DeskFiltersServerProps = ServerProps & {
  collectionSlug: string
  ownStories: (user: PayloadRequest['user']) => null | Where
}

const state = (value: string): Where => ({ 'workflow.state': { equals: value } })

/**
 * Quick filters above the list (collection `admin.components.beforeListTable`): 송고 대기, 검토중,
 * 승인, 반려 and, for a user who writes, 내 기사 — plain list URLs with a `where`, so the list's
 * own filter shows them and they can be bookmarked.
 */
export const DeskFilters = ({
  collectionSlug,
  ownStories,
  payload,
  user,
}: DeskFiltersServerProps) => {
  const own = ownStories((user ?? null) as PayloadRequest['user'])
  const list = formatAdminURL({
    adminRoute: payload.config.routes.admin,
    path: `/collections/${collectionSlug}`,
  })
  const filters: DeskFilter[] = [
    { key: 'all', label: { en: 'All', ko: '전체' }, search: '' },
    {
      key: 'filed',
      label: { en: 'Waiting for the desk', ko: '송고 대기' },
      search: whereSearch([state('filed')]),
    },
    {
      key: 'inReview',
      label: { en: 'In review', ko: '검토중' },
      search: whereSearch([state('inReview')]),
    },
    {
      key: 'approved',
      label: { en: 'Approved', ko: '승인' },
      search: whereSearch([state('approved')]),
    },
    {
      key: 'returned',
      label: { en: 'Returned', ko: '반려' },
      search: whereSearch([state('returned')]),
    },
    ...(own
      ? [{ key: 'mine', label: { en: 'Mine', ko: '내 기사' }, search: whereSearch([own]) }]
      : []),
  ]
  return <DeskFiltersClient filters={filters} listUrl={list} />
}
