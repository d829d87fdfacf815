import type { CallName, Envelope, Request, Response, Result } from './protocol';

export type SendMessage = (message: Envelope) => Promise<unknown>;

/** Calls the background and unwraps its Result: resolves with the value or rejects with its error message. */
export async function callBackground<K extends CallName>(send: SendMessage, call: K, request: Request<K>): Promise<Response<K>> {
  const result = (await send({ call, request } as Envelope)) as Result<Response<K>> | undefined;
  if (!result || typeof result !== 'object' || !('ok' in result)) throw new Error(`No answer from the extension for ${call}`);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
