// Shared Jest setup: every tier compiles TypeScript with SWC (decorators and their metadata included).
const fs = require('node:fs');
const path = require('node:path');
const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));

const transform = { '^.+\\.tsx?$': ['@swc/jest', { ...swcrc, swcrc: false }] };

/** The three tiers of ARCHITECTURE.md, told apart by file name. */
function tiers(rootDir) {
  const base = {
    rootDir,
    transform,
    testEnvironment: 'node',
    moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  };
  const engines = path.join(__dirname, 'scripts/jest/global-setup.js');
  const enginesDown = path.join(__dirname, 'scripts/jest/global-teardown.js');
  const slowTier = path.join(__dirname, 'scripts/jest/slow-tier.js');
  return {
    unit: { ...base, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    int: {
      ...base,
      displayName: 'int',
      testMatch: ['**/*.int-spec.ts'],
      globalSetup: engines,
      globalTeardown: enginesDown,
      setupFilesAfterEnv: [slowTier],
    },
    e2e: {
      ...base,
      displayName: 'e2e',
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: engines,
      globalTeardown: enginesDown,
      setupFilesAfterEnv: [slowTier],
    },
  };
}

module.exports = { tiers, transform };
