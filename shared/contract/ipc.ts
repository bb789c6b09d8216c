/**
 * The Electron IPC channels, one map per direction (GitHub Desktop's ipc-shared.ts): the preload
 * and the main process use these names and nothing else. Every payload is the contract's: calls
 * carry (channel, request) and answer an ApiResult; messages are EngineMessages.
 */
export const IPC = {
  /** renderer → main (invoke): `(channel: Channel, request: unknown)` → ApiResult. */
  call: 'upstream:call',
  /** main → renderer: one EngineMessage. */
  message: 'upstream:message',
} as const;
