#!/usr/bin/env node
// Entry point for `npx gonogo`: runs the compiled CLI (built by `npm run build`, which `npm ci` runs via `prepare`).
import '../dist/cli/main.js';
