import { API, type Channel, type RequestOf, type ResponseOf } from './api.ts';
import { engineMessageSchema, type EngineMessage } from './events.ts';
import { apiResultSchema, fail, type ApiResult } from './result.ts';

/**
 * How a face reaches the engine: one call per channel, one message stream. Electron's IPC (the
 * preload) and HTTP plus Server-Sent Events (`upstream serve`) both provide it; the renderer picks
 * one at start-up and never knows which.
 */
export interface Transport {
  call(channel: Channel, request: unknown): Promise<unknown>;
  /** Raw messages as they arrive; the client validates them. Returns the unsubscribe function. */
  subscribe(listener: (message: unknown) => void): () => void;
}

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never;
type MethodOf<C extends string, D extends string> = C extends `${D}.${infer M}` ? M : never;
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** True when a request has no required field (an empty schema's input is an index signature). */
type Optional<T> = string extends keyof T ? true : [RequiredKeys<T>] extends [never] ? true : false;
/** A channel's method: the request may be left out when every field of it is optional. */
type Method<C extends Channel> = (...args: Optional<RequestOf<C>> extends true ? [request?: RequestOf<C>] : [request: RequestOf<C>]) => Promise<ApiResult<ResponseOf<C>>>;

/**
 * The engine as a domain API, `upstream.incidents.list({...})`, derived from the contract map: a
 * channel added to the contract appears here with its types, and nothing else can be sent. This is
 * what the renderer uses and what the Electron preload exposes (never a generic `send`).
 */
export type UpstreamClient = {
  [D in DomainOf<Channel>]: { [M in MethodOf<Channel, D>]: Method<Extract<`${D}.${M}`, Channel>> };
} & {
  /** Every message of the engine's stream, validated; returns the unsubscribe function. */
  subscribe(listener: (message: EngineMessage) => void): () => void;
};

/**
 * Build the domain client over a transport. Answers and messages are validated against the
 * contract's schemas on arrival: they crossed a process boundary, and a face must never render
 * something the contract does not describe. A malformed answer becomes an `internal` error value;
 * a malformed message is dropped and reported to `onInvalid`.
 */
export function createClient(transport: Transport, onInvalid: (what: string) => void = () => undefined): UpstreamClient {
  const client: Record<string, Record<string, unknown>> = {};
  for (const channel of Object.keys(API) as Channel[]) {
    const [domain, method] = channel.split('.') as [string, string];
    const answerSchema = apiResultSchema(API[channel].response);
    (client[domain] ??= {})[method] = async (request: unknown = {}): Promise<ApiResult<unknown>> => {
      let answer: unknown;
      try {
        answer = await transport.call(channel, request);
      } catch (error) {
        return fail('unavailable', `${channel}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const checked = answerSchema.safeParse(answer);
      if (checked.success) return checked.data as ApiResult<unknown>;
      onInvalid(`${channel}: answer did not match the contract`);
      return fail('internal', `${channel}: the answer did not match the contract.`);
    };
  }
  const subscribe = (listener: (message: EngineMessage) => void): (() => void) => transport.subscribe((raw) => {
    const checked = engineMessageSchema.safeParse(raw);
    if (checked.success) listener(checked.data);
    else onInvalid(`message did not match the contract: ${JSON.stringify(raw).slice(0, 200)}`);
  });
  return { ...client, subscribe } as unknown as UpstreamClient;
}

/** Every domain and its methods, for a preload or test that must list what the client exposes. */
export function clientShape(): Record<string, string[]> {
  const shape: Record<string, string[]> = {};
  for (const channel of Object.keys(API)) {
    const [domain, method] = channel.split('.') as [string, string];
    (shape[domain] ??= []).push(method);
  }
  return shape;
}
