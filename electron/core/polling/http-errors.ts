import type { FetchError } from '../../../shared/model/index.ts';

/**
 * Error codes that mean "the request never got an answer from a server". They become `network`
 * so the connectivity tracker can tell "we are offline" from "the vendor is broken"; an HTTP
 * error status or a garbage body always proves the network works and never lands here.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EHOSTUNREACH', 'ENETUNREACH',
  'ENETDOWN', 'EPIPE', 'ECONNABORTED', 'EADDRNOTAVAIL', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
  'UND_ERR_INFO', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'HPE_INVALID_CONSTANT', 'HPE_INVALID_STATUS',
]);

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** zlib's codes for a body that claims gzip/br/deflate but is not. */
const DECODE_CODES = new Set(['Z_DATA_ERROR', 'Z_BUF_ERROR', 'Z_NEED_DICT', 'ERR_BROTLI_DECOMPRESSION_FAILED', 'ERR__ERROR_FORMAT_PADDING_1', 'ERR_PADDING_1']);

/** The error code of an undici/Node error, looking through `cause` (fetch wraps, connectors nest). */
export function errorCode(err: unknown): string | undefined {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/**
 * A thrown request error → FetchError. `deadlineHit` wins over the error's own code: when our
 * total deadline aborts the request, undici reports a plain abort, but the user's story is "it
 * took too long".
 */
export function classifyRequestError(err: unknown, url: string, deadlineHit: boolean, status?: number): FetchError {
  const code = errorCode(err);
  if (deadlineHit || (code !== undefined && TIMEOUT_CODES.has(code))) {
    return { kind: 'timeout', message: `The request timed out${code && !deadlineHit ? ` (${code})` : ''}.`, url };
  }
  if (code !== undefined && DECODE_CODES.has(code) && status !== undefined) {
    // The server answered, so the network is fine; the vendor sent a corrupt compressed body.
    // FetchErrorKind has no dedicated kind for it: `http_status` keeps it a "vendor" problem.
    return { kind: 'http_status', status, message: `The server sent a corrupt compressed body (${code}).`, url };
  }
  if (code !== undefined && NETWORK_CODES.has(code)) {
    return { kind: 'network', message: `${networkWords(code)} (${code}).`, url };
  }
  return { kind: 'network', message: `The request failed: ${describe(err)}${code ? ` (${code})` : ''}.`, url };
}

function networkWords(code: string): string {
  switch (code) {
    case 'ECONNREFUSED': return 'The connection was refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL': return 'The host name could not be resolved';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED': return 'The connection was reset';
    default: return 'The network request failed';
  }
}
