'use client'

import type { DefaultCellComponentProps } from 'payload'

import React from 'react'

import { StatusBadge } from './Badge'
import { deliveryBadge } from './health'

/** The deliveries list's status column as a coloured badge; the HTTP status or error is its tooltip. */
export const DeliveryStatusCell: React.FC<DefaultCellComponentProps> = ({ rowData }) =>
  rowData?.status ? (
    <StatusBadge
      badge={deliveryBadge(rowData as { error?: string; httpStatus?: number; status?: string })}
    />
  ) : null
