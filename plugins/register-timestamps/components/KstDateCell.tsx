'use client'

import type { DefaultCellComponentProps } from 'payload'

import React from 'react'

import { formatKstRegister } from '../formatKst'

/**
 * A date column of the admin's lists in Korea time, as the desk reads 등록/수정
 * (`2026년12월07일 09시05분`), whatever the browser's zone; an empty cell when unset (Payload's
 * default cell fills it with `<… 없음>`). On the stored date field itself, so the column sorts.
 */
export const KstDateCell: React.FC<DefaultCellComponentProps> = ({ cellData }) =>
  typeof cellData === 'string' && cellData !== '' ? (
    <span>{formatKstRegister(cellData)}</span>
  ) : null
