import type { Config } from 'payload'

import { APIError } from 'payload'

/**
 * A reader's bad input (a malformed argument, an unknown slug): a 4xx with a stable code, logged
 * as information, not as a server error — once a plugin that throws it registers the level
 * (`withInputErrorsAsInfo`).
 */
export class InputError extends APIError {
  constructor(message: string, code = 'VALIDATION', status = 400) {
    super(message, status, { code }, true)
    // Set by hand: the production build minifies class names.
    this.name = 'InputError'
  }
}

/** The config's logging levels with `InputError` at info; a level the config sets wins. */
export const withInputErrorsAsInfo = (config: Config): Config['loggingLevels'] =>
  ({ InputError: 'info', ...config.loggingLevels }) as Config['loggingLevels']
