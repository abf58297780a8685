/** Runs synchronous work as a promise, so a throw (such as a ValidationError) becomes a rejection. */
export const settled = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));
