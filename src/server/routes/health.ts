// Liveness and readiness probes. Liveness says the process answers; readiness says it should get traffic:
// the trees are loaded and the server is not draining for shutdown.
import { Router } from 'express';
import { isReady, type Lifecycle } from '../lifecycle.js';

export function healthRoutes(state: Lifecycle): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const ready = isReady(state);
    const reason = state.draining ? 'draining' : state.loaded ? undefined : 'loading';
    res
      .status(ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(ready ? { status: 'ready' } : { status: 'not ready', reason });
  });
  return router;
}
