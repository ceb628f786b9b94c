// The Handlebars view engine: layouts, partials and the few helpers the templates need.
import type { Application } from 'express';
import { engine } from 'express-handlebars';
import { fromRoot } from '../paths.js';

/** Serialises data for a `<script type="application/json">` block; `<` is escaped so no tag can close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const helpers = {
  eq: (a: unknown, b: unknown): boolean => a === b,
  not: (a: unknown): boolean => !a,
  or: (...args: unknown[]): boolean => args.slice(0, -1).some(Boolean),
  and: (...args: unknown[]): boolean => args.slice(0, -1).every(Boolean),
  join: (list: unknown, sep: unknown): string =>
    Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : '',
  inc: (n: unknown): number => Number(n) + 1,
  year: (): number => new Date().getFullYear(),
};

export function useViews(app: Application): void {
  app.engine(
    'hbs',
    engine({
      extname: '.hbs',
      defaultLayout: 'main',
      layoutsDir: fromRoot('views', 'layouts'),
      partialsDir: fromRoot('views', 'partials'),
      helpers,
    }),
  );
  app.set('view engine', 'hbs');
  app.set('views', fromRoot('views'));
}
