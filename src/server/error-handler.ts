// The last middleware: turns any error into an answer the client can use, JSON for the API (or a
// client that prefers JSON) and an HTML page otherwise. Stack traces go to the log, never to the client.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { HttpError, type HttpErrorBody } from './http-error.js';
import type { Logger } from './logger.js';
import { requestIdOf } from './middleware/request-id.js';

interface ParserError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  limit?: number;
  message?: string;
}

/** Status and body for an error; unknown errors become a bare 500. */
export function describeError(err: unknown): { status: number; body: HttpErrorBody; unexpected: boolean } {
  if (err instanceof HttpError) return { status: err.status, body: err.body, unexpected: false };
  const e = (typeof err === 'object' && err !== null ? err : {}) as ParserError;
  const status = e.status ?? e.statusCode;
  if (e.type === 'entity.too.large') {
    const limit = typeof e.limit === 'number' ? ` (limit ${e.limit} bytes)` : '';
    return { status: 413, body: { error: `request body is too large${limit}` }, unexpected: false };
  }
  if (e.type === 'entity.parse.failed') {
    return { status: 400, body: { error: 'request body is not valid JSON' }, unexpected: false };
  }
  if (typeof status === 'number' && status >= 400 && status < 500 && e.expose !== false) {
    return { status, body: { error: e.message || 'bad request' }, unexpected: false };
  }
  return { status: 500, body: { error: 'internal server error' }, unexpected: true };
}

/** API paths always answer JSON; pages answer what the client's Accept header prefers. */
function isApiPath(req: Request): boolean {
  return req.path === '/api' || req.path.startsWith('/api/');
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    const { status, body, unexpected } = describeError(err);
    const requestId = requestIdOf(res);
    if (unexpected) logger.error('unhandled_error', { requestId, method: req.method, path: req.path, err });
    if (res.headersSent) {
      next(err);
      return;
    }
    const payload: HttpErrorBody = unexpected ? { ...body, requestId } : body;
    res.status(status);
    if (isApiPath(req)) {
      res.json(payload);
      return;
    }
    res.format({
      'text/html': () => {
        res.render(
          'errors/error',
          { title: titleFor(status), status, message: body.error, requestId },
          (renderErr, html) => {
            if (renderErr) {
              logger.error('error_page_failed', { requestId, err: renderErr });
              res.type('text/plain').send(`${status} ${body.error}\n`);
            } else {
              res.send(html);
            }
          },
        );
      },
      'application/json': () => res.json(payload),
      default: () => res.type('text/plain').send(`${status} ${body.error}\n`),
    });
  };
}

/** The catch-all after every route: unknown paths become 404s (JSON under /api). */
export function notFound(): RequestHandler {
  return (req, _res, next) => next(HttpError.notFound(`${req.method} ${req.path}`));
}

function titleFor(status: number): string {
  if (status === 404) return 'Not found';
  if (status === 413) return 'Request too large';
  if (status >= 500) return 'Something went wrong';
  return 'Request not accepted';
}
