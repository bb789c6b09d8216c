import type { EngineMessage } from '../../../shared/contract/events.ts';
import { engineMessageSchema } from '../../../shared/contract/events.ts';
import { createApi, vendorViewOf, type ApiDeps } from './api.ts';
import type { Engine } from './engine.ts';

/**
 * The engine's push stream in contract terms: each new event, the vendor's refreshed view after
 * every poll, and the overall state when connectivity or the worst level changes. The faces (IPC,
 * Server-Sent Events) forward these messages as they are; each is validated against the schema so
 * a face never receives something the contract does not describe.
 */
export function streamMessages(engine: Engine, deps: ApiDeps, listener: (message: EngineMessage) => void): () => void {
  const api = createApi(deps);
  let lastState = '';
  const send = (message: EngineMessage): void => {
    const checked = engineMessageSchema.safeParse(message);
    if (checked.success) listener(checked.data);
  };
  const sendState = async (): Promise<void> => {
    const state = await api['engine.state']({});
    if (!state.ok) return;
    const key = `${state.value.connectivity}|${state.value.worst}|${state.value.vendorCount}`;
    if (key === lastState) return;
    lastState = key;
    send({ type: 'state', state: state.value });
  };
  return engine.subscribe((signal) => {
    if (signal.type === 'poll') {
      for (const event of signal.newEvents) send({ type: 'event', event });
      const view = vendorViewOf(deps, signal.result.vendor.id);
      if (view) send({ type: 'vendor', vendor: view });
      void sendState();
    } else if (signal.type === 'connectivity') void sendState();
  });
}
