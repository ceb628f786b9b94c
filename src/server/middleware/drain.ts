// While the server drains, ask clients to close their keep-alive connections after this response,
// so shutdown does not wait on sockets that would otherwise stay open.
import type { RequestHandler } from 'express';
import type { Lifecycle } from '../lifecycle.js';

export function closeConnectionsWhileDraining(state: Lifecycle): RequestHandler {
  return (_req, res, next) => {
    if (state.draining) res.set('Connection', 'close');
    next();
  };
}
