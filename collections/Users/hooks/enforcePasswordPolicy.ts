import type { CollectionBeforeOperationHook } from 'payload'

import { ValidationError } from 'payload'

import { passwordProblem } from '../../../plugins/shared/passwordPolicy'

/**
 * Refuses a weak password (plugins/shared/passwordPolicy.ts) wherever one is set: create, update
 * (one or many) and reset-password, on REST, GraphQL and the Local API alike. Before the operation,
 * because Payload hashes the password (with its own 3-character minimum) further on.
 */
export const enforcePasswordPolicy: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update' && operation !== 'resetPassword') return args
  const password = (args as { data?: { password?: unknown } }).data?.password
  // Absent (an update that keeps the password) or not text: Payload's own checks answer.
  if (typeof password !== 'string' || password === '') return args
  const problem = passwordProblem(password, req)
  if (problem)
    throw new ValidationError(
      { collection: collection.slug, errors: [{ message: problem, path: 'password' }], req },
      req.t,
    )
  return args
}
