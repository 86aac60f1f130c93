#!/usr/bin/env node
/**
 * The bot's command line as `npm start`, `npm run ask` and the other scripts run it (src/cli.ts has the
 * commands): from dist/ when it is up to date, else from the sources through tsx (bin/launch.mjs).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chooseEntry } from './launch.mjs';

const { compiled, entry } = chooseEntry(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
if (!compiled) (await import('tsx/esm/api')).register();
const cli = await import(pathToFileURL(entry).href);
await cli.runCli(process.argv);
