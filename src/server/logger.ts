// A tiny structured logger: one JSON object per line, so log shippers can parse every event
// without a dependency. Tests pass their own `write` to capture the lines.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  /** Where each finished line goes (without the trailing newline). Defaults to stdout. */
  write?: (line: string) => void;
  /** Fields added to every line, e.g. the service name. */
  base?: LogFields;
  /** Lines below this level are dropped. */
  level?: LogLevel;
  /** Injected for tests; defaults to the wall clock. */
  now?: () => Date;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base = options.base ?? {};
  const threshold = order[options.level ?? 'info'];
  const now = options.now ?? (() => new Date());

  const emit = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    if (order[level] < threshold) return;
    write(JSON.stringify({ time: now().toISOString(), level, event, ...base, ...fields }, errorsAsObjects));
  };

  return {
    debug: (event, fields) => emit('debug', event, fields),
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** A logger that drops everything, for callers that do not care. */
export const silentLogger: Logger = createLogger({ write: () => undefined });

// Error objects stringify to `{}`; keep their name and message (stacks stay in the log, never in responses).
function errorsAsObjects(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
