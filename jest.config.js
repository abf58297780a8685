// The whole repository's tests in one run: `npm test` (all tiers) or `jest --selectProjects unit`.
const { tiers } = require('./jest.preset');
const t = tiers(__dirname);
const ignore = ['/node_modules/', '/dist/', '/data/'];
module.exports = {
  projects: [t.unit, t.int, t.e2e].map((p) => ({ ...p, testPathIgnorePatterns: ignore })),
};
