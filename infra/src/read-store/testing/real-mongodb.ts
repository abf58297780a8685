/**
 * The suites that run against a real MongoDB only when MONGODB_URL is set. No MongoDB server can be
 * installed on the build machines: FerretDB (FERRETDB_URL, from Jest's global setup) runs the same
 * contracts there. Without MONGODB_URL a suite says so on stderr, beside the skipped title, so a
 * green run never hides that MongoDB itself was not tested.
 */
export const MONGODB_URL_HELP =
  'set MONGODB_URL=mongodb://<host>:27017/ (each run creates and drops databases of its own) to run it against a real MongoDB';

/** MONGODB_URL, or undefined after printing that `suite` is skipped and how to run it. */
export function realMongodbUrl(suite: string): string | undefined {
  const url = process.env.MONGODB_URL;
  if (!url) process.stderr.write(`[MongoDB] ${suite} skipped: MONGODB_URL is not set; ${MONGODB_URL_HELP}\n`);
  return url;
}
