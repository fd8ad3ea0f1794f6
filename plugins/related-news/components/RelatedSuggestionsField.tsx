'use client'

import { useConfig, useField, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

type Suggestion = { id: number | string; regionLabel?: string; title: string }

const idOf = (value: unknown): string =>
  String(typeof value === 'object' && value ? (value as { id: unknown }).id : value)

/** The computed suggestions, each with a one-click "add to 관련뉴스". */
export const RelatedSuggestionsField: React.FC<{ path: string }> = ({ path }) => {
  const { value: suggestions } = useField<unknown[]>({ path })
  const { setValue: setPicks, value: picks } = useField<unknown[]>({ path: 'relatedArticles' })
  const { config } = useConfig()
  const { i18n } = useTranslation()
  // The titles loaded for one set of ids: shown only while that set is still the field's value.
  const [loaded, setLoaded] = useState<{ docs: Suggestion[]; key: string }>({ docs: [], key: '' })
  const isKorean = i18n.language === 'ko'
  const ids = (suggestions ?? []).map(idOf)
  const key = ids.join(',')

  const docs = key && loaded.key === key ? loaded.docs : []

  useEffect(() => {
    if (!key) return
    // An answer that arrives after the ids changed again must not replace the newer titles.
    let isCurrent = true
    const query = new URLSearchParams({
      depth: '0',
      limit: String(ids.length),
      'select[title]': 'true',
      'select[regionLabel]': 'true',
    })
    ids.forEach((id, index) => query.set(`where[id][in][${index}]`, id))
    void fetch(`${config.serverURL}${config.routes.api}/articles?${query}`, {
      credentials: 'include',
    })
      .then((response) => response.json())
      .then((body: { docs?: Suggestion[] }) => {
        if (!isCurrent) return
        const byId = new Map((body.docs ?? []).map((doc) => [String(doc.id), doc]))
        setLoaded({ docs: ids.flatMap((id) => byId.get(id) ?? []), key })
      })
    return () => {
      isCurrent = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  const picked = new Set((picks ?? []).map(idOf))
  return (
    <div className="field-type related-suggestions" style={{ marginBottom: 'var(--base)' }}>
      <label className="field-label">
        {isKorean ? '추천 관련뉴스' : 'Suggested related articles'}
      </label>
      {docs.length === 0 ? (
        <p style={{ opacity: 0.7 }}>
          {isKorean ? '발행하면 추천이 계산됩니다.' : 'Suggestions are computed on publish.'}
        </p>
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {docs.map((doc) => (
            <li
              key={doc.id}
              style={{
                alignItems: 'center',
                display: 'flex',
                gap: '0.5rem',
                justifyContent: 'space-between',
                padding: '0.25rem 0',
              }}
            >
              <span>
                {doc.regionLabel ? `[${doc.regionLabel}] ` : ''}
                {doc.title}
              </span>
              <button
                className="btn btn--style-secondary btn--size-small"
                disabled={picked.has(String(doc.id))}
                onClick={() =>
                  setPicks([
                    ...(picks ?? [])
                      .map(idOf)
                      .map((id) => (Number.isNaN(Number(id)) ? id : Number(id))),
                    doc.id,
                  ])
                }
                type="button"
              >
                {picked.has(String(doc.id))
                  ? isKorean
                    ? '추가됨'
                    : 'Added'
                  : isKorean
                    ? '관련뉴스에 추가'
                    : 'Add to related'}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
