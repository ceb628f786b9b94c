// Request body parsers with a size limit. Errors from the parsers (too large, bad JSON) carry a
// `status` and `type`; the error handler turns them into JSON or HTML answers.
import express, { type RequestHandler } from 'express';

export const DEFAULT_BODY_LIMIT = '64kb';

export function jsonBody(limit: string = DEFAULT_BODY_LIMIT): RequestHandler {
  return express.json({ limit, strict: true });
}

export function formBody(limit: string = DEFAULT_BODY_LIMIT): RequestHandler {
  // `extended: false`: flat key=value pairs are all the forms send, and it avoids deep-object parsing.
  return express.urlencoded({ limit, extended: false, parameterLimit: 200 });
}
