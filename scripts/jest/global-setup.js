// Jest global setup of the integration and end-to-end tiers: the same `up` as `npm run engines:up`.
// Tests find the engines through NATS_URL, FERRETDB_URL, POSTGRES_URL and HOTLINE_PATRONI_STATE.
// The run holds a lease on the engines until global-teardown.js releases it.
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const rtpengine = require('./rtpengine');

// The integration tier's PostgreSQL failover test needs a three-node Patroni cluster (~20 s to start):
// started when the run may include that test, not for a run of other files.
const FAILOVER_TEST = 'infra/src/event-store/postgres/postgres-failover.int-spec.ts';
// The int and e2e tiers share this setup, so Jest runs it once per run with whichever project comes first:
// decide from the run's project selection and path patterns, never from the project passed in.
const intTierSelected = ({ selectProjects, ignoreProjects }) =>
  (!selectProjects || selectProjects.includes('int')) && !(ignoreProjects ?? []).includes('int');
const mayRunFailover = (globalConfig) =>
  intTierSelected(globalConfig) &&
  (globalConfig.testPathPatterns.patterns.length === 0 ||
    globalConfig.testPathPatterns.patterns.some((p) => new RegExp(p).test(FAILOVER_TEST)));

module.exports = async (globalConfig) => {
  const engines = await import(pathToFileURL(path.join(__dirname, '../engines.mjs')).href);
  const log = (line) => process.stderr.write(`[engines] ${line}\n`);
  process.stderr.write('\n');
  const patroni = mayRunFailover(globalConfig);
  const result = await engines.up({ lease: true, log, patroni });
  if (result.patroni?.stateFile) process.env.HOTLINE_PATRONI_STATE = result.patroni.stateFile;
  process.env.NATS_URL = result.natsUrl;
  process.env.FERRETDB_URL = result.ferretdbUrl;
  process.env.POSTGRES_URL = result.postgresUrl;
  // The sipapp's media tests: one rtpengine for the whole run, not one per test file.
  if (rtpengine.mayRunTelephony(globalConfig)) await rtpengine.startRtpengine(log);
};
