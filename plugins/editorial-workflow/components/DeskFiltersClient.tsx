'use client'

import { Link, useTranslation } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'
import React from 'react'

import { inLanguage } from './text'

export type DeskFilter = { key: string; label: { en: string; ko: string }; search: string }

const whereOf = (search: URLSearchParams | string): string =>
  [...new URLSearchParams(search).entries()]
    .filter(([key]) => key.startsWith('where['))
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('&')

/** The quick filter links; the one matching the list's current `where` is marked. */
export const DeskFiltersClient: React.FC<{ filters: DeskFilter[]; listUrl: string }> = ({
  filters,
  listUrl,
}) => {
  const { i18n } = useTranslation()
  const current = whereOf(useSearchParams()?.toString() ?? '')
  return (
    <nav
      aria-label={inLanguage({ en: 'Desk filters', ko: '데스크 필터' }, i18n.language)}
      className="desk-filters"
      style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', marginBottom: 'var(--base)' }}
    >
      {filters.map((filter) => {
        const isActive = whereOf(filter.search) === current
        return (
          <Link
            aria-current={isActive ? 'page' : undefined}
            className={`desk-filters__link desk-filters__link--${filter.key}`}
            href={filter.search ? `${listUrl}?${filter.search}` : listUrl}
            key={filter.key}
            style={{
              background: isActive ? 'var(--theme-elevation-800)' : 'var(--theme-elevation-100)',
              borderRadius: '999px',
              color: isActive ? 'var(--theme-elevation-0)' : 'var(--theme-text)',
              padding: '0.25rem 0.75rem',
              textDecoration: 'none',
            }}
          >
            {inLanguage(filter.label, i18n.language)}
          </Link>
        )
      })}
    </nav>
  )
}
