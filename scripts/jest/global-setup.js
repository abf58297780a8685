// Jest global setup of the integration and end-to-end tiers: the same `up` as `npm run engines:up`.
// Tests find the engines through NATS_URL, FERRETDB_URL and POSTGRES_URL (set here unless the caller set them).
// The run holds a lease on the engines until global-teardown.js releases it.
const path = require('node:path');
const { pathToFileURL } = require('node:url');

module.exports = async () => {
  const engines = await import(pathToFileURL(path.join(__dirname, '../engines.mjs')).href);
  const log = (line) => process.stderr.write(`[engines] ${line}\n`);
  process.stderr.write('\n');
  const result = await engines.up({ lease: true, log });
  process.env.NATS_URL = result.natsUrl;
  process.env.FERRETDB_URL = result.ferretdbUrl;
  process.env.POSTGRES_URL = result.postgresUrl;
};
