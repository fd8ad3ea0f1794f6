'use client'

import { Button, toast, useConfig, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

/** "지금 새로 고침": asks the provider now (the desk's refresh endpoint) and reloads the form. */
export const RefreshWeather: React.FC<{ slug?: string }> = ({ slug = 'weather' }) => {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const router = useRouter()
  const [isBusy, setBusy] = useState(false)
  const isKorean = i18n.language === 'ko'
  const refresh = async () => {
    setBusy(true)
    try {
      const response = await fetch(
        `${config.serverURL}${config.routes.api}/globals/${slug}/refresh`,
        { method: 'POST', credentials: 'include' },
      )
      const body = (await response.json().catch(() => ({}))) as {
        error?: string
        errors?: { message?: string }[]
        status?: string
      }
      if (!response.ok) {
        toast.error(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
      } else if (body.status === 'failed') {
        toast.error(
          `${isKorean ? '갱신 실패, 이전 값을 유지합니다' : 'Refresh failed, keeping the last reading'}: ${body.error ?? ''}`,
        )
      } else {
        toast.success(isKorean ? '날씨를 새로 받았습니다.' : 'Weather refreshed.')
      }
      router.refresh()
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ marginBottom: '1rem' }}>
      <Button buttonStyle="secondary" disabled={isBusy} onClick={() => void refresh()} size="small">
        {isKorean ? '지금 새로 고침' : 'Refresh now'}
      </Button>
    </div>
  )
}
