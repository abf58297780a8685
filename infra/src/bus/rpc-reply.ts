import { HotlineError, isErrorBody, type ErrorBody } from '@hotline/contracts';
import { internalErrorBody } from './bus-errors';

/** The body of every reply on the wire: JSON, identical for NATS and in-process. */
type RpcReply = { ok: true; response?: unknown } | { ok: false; error: ErrorBody };

export const encodeSuccess = (response: unknown): string =>
  JSON.stringify({ ok: true, response } satisfies RpcReply);

export const encodeFailure = (error: ErrorBody): string =>
  JSON.stringify({ ok: false, error } satisfies RpcReply);

/** The handler's response (`null` when it returned nothing), or throws the HotlineError it answered with. */
export const decodeReply = (body: string): unknown => {
  let reply: RpcReply;
  try {
    reply = JSON.parse(body) as RpcReply;
  } catch {
    throw HotlineError.fromBody(internalErrorBody());
  }
  if (reply.ok === true) return reply.response ?? null;
  throw HotlineError.fromBody(isErrorBody(reply.error) ? reply.error : internalErrorBody());
};
