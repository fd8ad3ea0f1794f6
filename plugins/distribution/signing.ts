import crypto from 'node:crypto'

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export const generateSecret = (): string => `whsec_${crypto.randomBytes(32).toString('base64')}`

const secretBytes = (secret: string): Buffer =>
  Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64')

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` (Standard Webhooks). */
export const signPayload = (secret: string, id: string, timestamp: number, body: string): string =>
  `v1,${crypto.createHmac('sha256', secretBytes(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`
