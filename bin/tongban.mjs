#!/usr/bin/env node
// The `tongban` command. Runs the TypeScript sources through tsx so that a fresh
// `npm ci` is enough: there is no separate compile step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
