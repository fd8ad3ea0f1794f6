/**
 * The date field plugins/embargo adds: here so readers of it (the desk's dashboard) need not
 * import the embargo plugin.
 */
export const EMBARGO_FIELD = 'embargoUntil'
