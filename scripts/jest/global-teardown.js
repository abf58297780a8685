// Jest global teardown: releases this run's lease on the engines. What happens to them:
// - engines that were already running before the run (the machine's NATS, `npm run engines:up`) stay;
// - engines that a Jest run started are stopped by the last run that holds a lease, so parallel
//   runs on one machine never pull FerretDB from under each other;
// - HOTLINE_KEEP_ENGINES=1 keeps everything running (faster repeated runs; stop with `npm run engines:down`).
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const rtpengine = require('./rtpengine');

module.exports = async () => {
  const engines = await import(pathToFileURL(path.join(__dirname, '../engines.mjs')).href);
  const log = (line) => process.stderr.write(`[engines] ${line}\n`);
  rtpengine.stopRtpengine(log);
  if (process.env.HOTLINE_KEEP_ENGINES) {
    await engines.release({ log });
    return;
  }
  await engines.down({ lease: true, log });
};
