// One cached ajv instance for the whole process; schemas in schemas/ are compiled once, by file name.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { fromRoot } from '../paths.js';
import { DataError, type DataProblem } from './errors.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives as the module namespace.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
  }
  return ajv;
}

/** The compiled validator for `schemas/<name>` (e.g. `tree.schema.json`). */
export function validatorFor(name: string): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    const schema = JSON.parse(readFileSync(fromRoot('schemas', name), 'utf8')) as object;
    fn = instance().compile(schema);
    compiled.set(name, fn);
  }
  return fn;
}

/** Turns ajv's errors into problems that name the path and say what is allowed. */
export function problemsFrom(errors: ErrorObject[] | null | undefined): DataProblem[] {
  return (errors ?? []).map((e) => {
    let message = e.message ?? 'is invalid';
    const p = e.params as Record<string, unknown>;
    if (e.keyword === 'enum' && Array.isArray(p.allowedValues)) {
      message = `must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    } else if (e.keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
      message = `has unknown property "${p.additionalProperty}"`;
    } else if (e.keyword === 'required' && typeof p.missingProperty === 'string') {
      message = `is missing required property "${p.missingProperty}"`;
    }
    return { path: e.instancePath, message };
  });
}

/** Validates `data` against `schemas/<name>`; throws a DataError naming `source` when it does not fit. */
export function assertValid<T>(name: string, data: unknown, source: string): T {
  const validate = validatorFor(name);
  if (!validate(data)) throw new DataError(source, problemsFrom(validate.errors));
  return data as T;
}
