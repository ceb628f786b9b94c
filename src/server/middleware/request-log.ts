// One structured log line per finished request: method, path, status, duration and request id.
import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';
import { requestIdOf } from './request-id.js';

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    // Read now: routers rewrite req.url while they handle the request.
    const path = req.originalUrl.split('?', 1)[0];
    let logged = false;
    const done = (aborted: boolean) => {
      if (logged) return;
      logged = true;
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const fields = {
        requestId: requestIdOf(res),
        method: req.method,
        // The path only: query strings can carry answers or metadata the operator did not ask to log.
        path,
        status: res.statusCode,
        durationMs: Math.round(durationMs * 100) / 100,
        ...(aborted ? { aborted: true } : {}),
      };
      if (res.statusCode >= 500) logger.error('request', fields);
      else logger.info('request', fields);
    };
    res.on('finish', () => done(false));
    res.on('close', () => done(!res.writableFinished));
    next();
  };
}
