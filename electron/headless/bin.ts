#!/usr/bin/env -S MALLOC_ARENA_MAX=2 node --max-semi-space-size=4
import { enableCompileCache } from 'node:module';

// Node keeps compiled code of our modules on disk between runs (its own cache folder), so a CLI
// call does not strip types and compile the engine from scratch each time. Before any import.
enableCompileCache?.();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
