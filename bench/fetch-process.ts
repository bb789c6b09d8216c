import { enableCompileCache } from 'node:module';

/**
 * The per-process baseline of the poll-cycle benchmark: `node --import bench/process-report.ts
 * bench/fetch-process.ts C URL N` is a fresh process that GETs N feeds (`URL/v/<i>/history.atom`)
 * once with undici's `request` (C workers, bodies read and dropped) and exits, as a cron job with no
 * memory of its own would. It imports undici and nothing of ours, and enables Node's compile cache
 * as `upstream` (electron/headless/bin.ts) does, so both sides start the same way.
 */
enableCompileCache?.();
const { Agent, request } = await import('undici');
const [concurrencyArg, baseUrl, countArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const urls = Array.from({ length: Number(countArg) }, (_, i) => `${baseUrl}/v/${i}/history.atom`);
const dispatcher = new Agent({ connect: { timeout: 5_000 }, keepAliveTimeout: 10_000 });
let next = 0;
let ok = 0;
const worker = async (): Promise<void> => {
  while (next < urls.length) {
    const res = await request(urls[next++]!, { method: 'GET', dispatcher, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    await res.body.arrayBuffer();
    if (res.statusCode === 200) ok++;
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
await dispatcher.close();
if (ok !== urls.length) throw new Error(`fetch-process: ${ok} of ${urls.length} answered 200`);
