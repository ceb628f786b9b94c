// Reads a YAML data file and checks it against its JSON Schema.
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { assertValid } from './ajv.js';
import { DataError } from './errors.js';

/** Parses YAML text; a syntax error becomes a DataError with the line and column. */
export function parseYaml(text: string, source: string): unknown {
  try {
    return yaml.load(text, { filename: source, schema: yaml.JSON_SCHEMA });
  } catch (err) {
    if (err instanceof yaml.YAMLException) {
      const where = err.mark ? `line ${err.mark.line + 1}, column ${err.mark.column + 1}` : '';
      throw new DataError(source, [{ path: '', message: `YAML syntax error ${where}: ${err.reason}` }]);
    }
    throw err;
  }
}

/** Loads `file` and validates it against `schemas/<schemaName>`. */
export function loadYamlFile<T>(file: string, schemaName: string): T {
  const data = parseYaml(readFileSync(file, 'utf8'), file);
  return assertValid<T>(schemaName, data, file);
}
