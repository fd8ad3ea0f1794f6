import type { Config, PayloadRequest, SanitizedConfig } from 'payload'

export type DeletedReader = {
  /** The readers collection's slug. */
  collection: string
  /** The deleted reader's id. */
  id: number | string
  /** The deleting request, in its transaction: what a listener writes commits or rolls back with the deletion. */
  req: PayloadRequest
}

/** Removes or anonymises what one plugin keeps of a reader (votes, reports, pledges) when the account goes. */
export type ReaderDeletionListener = (reader: DeletedReader) => Promise<void> | void

/** Where listeners are kept: `config.custom`, Payload's place for plugins' data. */
const LISTENERS_KEY = 'newsroom:readerDeletionListeners'

/**
 * Registers what a reader plugin does with its data when a reader deletes their account ("delete
 * my account and my data"). Plugins stay independent: each adds its listener to the config,
 * before or after the readers plugin, and the readers plugin calls them all.
 */
export const addReaderDeletionListener = (
  config: Config,
  listener: ReaderDeletionListener,
): Config => ({
  ...config,
  custom: {
    ...config.custom,
    [LISTENERS_KEY]: [
      ...((config.custom?.[LISTENERS_KEY] as ReaderDeletionListener[] | undefined) ?? []),
      listener,
    ],
  },
})

export const readerDeletionListeners = (
  config: Pick<SanitizedConfig, 'custom'>,
): ReaderDeletionListener[] =>
  (config.custom?.[LISTENERS_KEY] as ReaderDeletionListener[] | undefined) ?? []
