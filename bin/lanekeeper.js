#!/usr/bin/env node
// Runs the TypeScript command line through tsx so `npx lanekeeper` works straight from a clone.
// A built image (dist/) is used when present, which keeps start-up fast in production.
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'dist', 'src', 'cli.js');
if (fs.existsSync(built)) {
  require(built);
} else {
  require('tsx/cjs');
  require(path.join(__dirname, '..', 'src', 'cli.ts'));
}
