// Gives every request an id: the caller's `X-Request-Id` when it looks sane, a fresh UUID otherwise.
// The id is echoed in the response and put in every log line, so one request can be traced end to end.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

// Bounded and printable, so a client cannot inject log lines or huge values through the header.
const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.get(REQUEST_ID_HEADER);
    const id = given && acceptable.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.set(REQUEST_ID_HEADER, id);
    next();
  };
}

/** The id the middleware chose for this response (empty before it ran). */
export function requestIdOf(res: { locals: Record<string, unknown> }): string {
  return typeof res.locals.requestId === 'string' ? res.locals.requestId : '';
}
