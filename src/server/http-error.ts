// The one error type route handlers throw: an HTTP status plus the JSON body the client should see.
export interface HttpErrorBody {
  error: string;
  details?: unknown[];
  [key: string]: unknown;
}

export class HttpError extends Error {
  readonly status: number;
  readonly body: HttpErrorBody;

  constructor(status: number, message: string, details?: unknown[]) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.body = details === undefined ? { error: message } : { error: message, details };
  }

  static notFound(what: string): HttpError {
    return new HttpError(404, `${what} not found`);
  }

  static badRequest(message: string, details?: unknown[]): HttpError {
    return new HttpError(400, message, details);
  }
}
