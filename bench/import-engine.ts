/**
 * A process that only loads the engine (as the measured processes do, from TypeScript source) and
 * exits: the poll-cycle benchmark reads its peak RSS, the floor under every engine row's figure.
 */
await import('../electron/core/engine/engine.ts');
await import('../electron/core/history/index.ts');
