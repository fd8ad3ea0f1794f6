/**
 * GraphQL answers that carry errors, as the handler that built them knew it (`graphQLPost`).
 *
 * Why: GraphQL sends errors with status 200, and the cache must never keep or share such an
 * answer. graphql-js puts `errors` first, but a `payload.extensions` function may rebuild the
 * result in any order; the handler marks the Response itself instead of leaving the cache to guess
 * from the body (it still reads the first bytes for handlers that do not mark, such as Payload's).
 * A WeakSet and not a header: the answer's headers stay those of Payload's own handler.
 */
const answersWithErrors = new WeakSet<Response>()

export const markAnswerWithErrors = (response: Response): Response => {
  answersWithErrors.add(response)
  return response
}

export const isMarkedAnswerWithErrors = (response: Response): boolean =>
  answersWithErrors.has(response)
