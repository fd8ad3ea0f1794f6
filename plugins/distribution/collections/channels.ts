import type { CollectionConfig } from 'payload'

import type { SanitizedDistributionConfig } from '../types'

import net from 'node:net'
import { array as validateArray } from 'payload/shared'

import { canManageChannels, canManageChannelsField, canReadDistribution } from '../access'
import { rotateSecretEndpoint } from '../endpoints/rotateSecret'
import { sendTestEventEndpoint } from '../endpoints/sendTestEvent'
import { headerNameProblem, headerValueProblem } from '../headers'
import { isPrivateAddress } from '../network'
import { generateSecret } from '../signing'
import { articleEvents, channelEventLabels, channelEvents } from '../types'
import { collectionLabels } from '../../shared/labels'
import { dateTimePicker } from '../../shared/datePickers'

export const CHANNELS_SLUG = 'distribution-channels'

/**
 * Where publishes go: a signed webhook (portal, social bridge, the site's revalidation, a CDN) or
 * an IndexNow endpoint. The secret is shown once, in the response that creates or rotates it.
 */
export const channelsCollection = (config: SanitizedDistributionConfig): CollectionConfig => ({
  slug: CHANNELS_SLUG,
  labels: collectionLabels(
    { en: 'Distribution channel', ko: '배포 채널' },
    { en: 'Distribution channels', ko: '배포 채널' },
  ),
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'url', 'active', 'health', 'lastDeliveryAt'],
    group: { en: 'Distribution', ko: '배포' },
  },
  access: {
    read: canReadDistribution,
    create: canManageChannels,
    update: canManageChannels,
    delete: canManageChannels,
  },
  endpoints: [rotateSecretEndpoint(), sendTestEventEndpoint()],
  fields: [
    { name: 'name', type: 'text', required: true, label: { en: 'Name', ko: '이름' } },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'webhook',
      label: { en: 'Kind', ko: '종류' },
      options: [
        { label: { en: 'Signed webhook', ko: '서명된 웹훅' }, value: 'webhook' },
        { label: 'IndexNow', value: 'indexnow' },
      ],
    },
    {
      name: 'url',
      type: 'text',
      required: true,
      label: 'URL',
      validate: (
        value: null | string | undefined,
        { siblingData }: { siblingData: Record<string, unknown> },
      ) => {
        let url: URL
        try {
          url = new URL(value ?? '')
        } catch {
          return 'URL이 올바르지 않습니다 (invalid URL)'
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'URL must be http(s)'
        // An address written in the URL is known now; a name is checked at every delivery, on what it resolves to.
        if (
          !siblingData?.allowPrivateNetwork &&
          net.isIP(url.hostname.replace(/^\[|\]$/g, '')) &&
          isPrivateAddress(url.hostname)
        ) {
          return `내부망 주소입니다: 내부망 주소 허용을 켜야 합니다 (${url.hostname} is a private or loopback address; enable allowPrivateNetwork to allow it)`
        }
        return true
      },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: [...articleEvents],
      label: { en: 'Events', ko: '이벤트' },
      options: channelEvents.map((event) => ({ label: channelEventLabels[event], value: event })),
    },
    {
      name: 'sections',
      type: 'relationship',
      relationTo: config.sections as never,
      hasMany: true,
      label: { en: 'Only these sections (empty = all)', ko: '섹션 (비우면 전체)' },
    },
    {
      name: 'regions',
      type: 'relationship',
      relationTo: config.regions as never,
      hasMany: true,
      label: { en: 'Only these regions (empty = all)', ko: '지역 (비우면 전체)' },
    },
    {
      name: 'format',
      type: 'select',
      defaultValue: 'full',
      label: { en: 'Payload', ko: '보낼 내용' },
      options: [
        { label: { en: 'Full article', ko: '기사 전체' }, value: 'full' },
        { label: { en: 'Summary', ko: '요약' }, value: 'summary' },
      ],
    },
    {
      name: 'headers',
      type: 'array',
      label: { en: 'Custom headers', ko: '추가 헤더' },
      // Without these Payload names the rows after the field (`Header 추가`, `Header 01`).
      labels: { singular: { en: 'Header', ko: '헤더' }, plural: { en: 'Headers', ko: '헤더' } },
      maxRows: 20,
      // Headers are sent by lower-cased name: a second row with the same name would silently replace the first.
      validate: (rows, options) => {
        const length = validateArray(rows, options)
        if (length !== true) return length
        const names = ((Array.isArray(rows) ? rows : []) as { name?: unknown }[]).map((row) =>
          String(row?.name ?? '').toLowerCase(),
        )
        const repeated = names.find((name, index) => names.indexOf(name) !== index)
        return repeated ? `같은 헤더가 두 번 있습니다 (the header ${repeated} appears twice)` : true
      },
      // Checked at save: a name that is no token or a value with CR/LF would make every delivery throw.
      fields: [
        {
          name: 'name',
          type: 'text',
          required: true,
          label: { en: 'Header name', ko: '헤더 이름' },
          validate: (value: unknown) => headerNameProblem(value) ?? true,
        },
        {
          name: 'value',
          type: 'text',
          required: true,
          label: { en: 'Value', ko: '값' },
          validate: (value: unknown) => headerValueProblem(value) ?? true,
        },
      ],
    },
    {
      name: 'indexNowKey',
      type: 'text',
      label: { en: 'IndexNow key', ko: 'IndexNow 키' },
      admin: {
        condition: (data) => data?.kind === 'indexnow',
        description: {
          en: 'The key your site serves at /<key>.txt',
          ko: '사이트의 /<키>.txt 로 공개한 키',
        },
      },
      validate: (
        value: null | string | undefined,
        { siblingData }: { siblingData: Record<string, unknown> },
      ) =>
        siblingData?.kind !== 'indexnow' ||
        /^[A-Za-z0-9-]{8,128}$/.test(value ?? '') ||
        'IndexNow 키는 8–128자 영문·숫자입니다 (8–128 letters, digits or -)',
    },
    {
      name: 'timeoutMs',
      type: 'number',
      defaultValue: config.timeoutMs,
      min: 1000,
      max: 60_000,
      label: { en: 'Timeout (ms)', ko: '제한 시간 (ms)' },
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      label: { en: 'Active', ko: '사용' },
    },
    {
      name: 'allowPrivateNetwork',
      type: 'checkbox',
      defaultValue: false,
      label: { en: 'Allow private network addresses', ko: '내부망 주소 허용' },
      access: { create: canManageChannelsField, update: canManageChannelsField },
      admin: {
        description: {
          en: 'Only for receivers inside your own network',
          ko: '사내망 수신기에만 켜세요',
        },
      },
    },
    {
      name: 'secret',
      type: 'text',
      label: { en: 'Signing secret', ko: '서명 비밀키' },
      access: { read: () => false, create: () => false, update: () => false },
      admin: { hidden: true },
    },
    {
      name: 'previousSecret',
      type: 'text',
      access: { read: () => false, create: () => false, update: () => false },
      admin: { hidden: true },
    },
    {
      // Send a test event, rotate the secret (UI only, nothing stored).
      name: 'channelActions',
      type: 'ui',
      label: { en: 'Channel actions', ko: '채널 작업' },
      admin: {
        position: 'sidebar',
        disableListColumn: true,
        components: {
          Field: '/../plugins/distribution/components/ChannelActionsField#ChannelActionsField',
        },
      },
    },
    {
      name: 'previousSecretExpiresAt',
      type: 'date',
      label: { en: 'Previous secret expires', ko: '이전 비밀키 만료' },
      access: { create: () => false, update: () => false },
      admin: { readOnly: true, position: 'sidebar', date: dateTimePicker },
    },
    {
      type: 'collapsible',
      label: { en: 'Health', ko: '상태' },
      admin: { position: 'sidebar' },
      fields: [
        {
          // A badge from the four fields below, in the list and here (UI only, nothing stored).
          name: 'health',
          type: 'ui',
          label: { en: 'Health', ko: '상태' },
          admin: {
            components: {
              Cell: '/../plugins/distribution/components/ChannelHealthCell#ChannelHealthCell',
              Field: '/../plugins/distribution/components/ChannelHealthCell#ChannelHealthField',
            },
          },
        },
        {
          name: 'lastStatus',
          type: 'text',
          label: { en: 'Last result', ko: '마지막 결과' },
          access: { create: () => false, update: () => false },
          admin: { readOnly: true },
        },
        {
          name: 'lastDeliveryAt',
          type: 'date',
          label: { en: 'Last delivery', ko: '마지막 전송' },
          access: { create: () => false, update: () => false },
          admin: { readOnly: true, date: dateTimePicker },
        },
        {
          name: 'consecutiveFailures',
          type: 'number',
          defaultValue: 0,
          label: { en: 'Consecutive failures', ko: '연속 실패' },
          access: { create: () => false, update: () => false },
          admin: { readOnly: true },
        },
        {
          name: 'disabledReason',
          type: 'text',
          label: { en: 'Why it was disabled', ko: '중지 사유' },
          access: { create: () => false, update: () => false },
          admin: { readOnly: true },
        },
      ],
    },
  ],
  hooks: {
    beforeChange: [
      ({ data, operation, req }) => {
        if (operation === 'create') {
          data.secret = generateSecret()
          req.context.createdSecret = data.secret
        }
        return data
      },
    ],
    afterChange: [
      // Shown once: the create response carries the secret, later reads never do.
      ({ doc, operation, req }) =>
        operation === 'create' && req.context.createdSecret
          ? { ...doc, secret: req.context.createdSecret }
          : doc,
    ],
  },
})
