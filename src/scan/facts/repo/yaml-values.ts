// Narrowing helpers for values parsed from YAML/JSON, so parsers read untyped documents without `any`.

export type YamlMap = Record<string, unknown>;

export function isMap(v: unknown): v is YamlMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asMap(v: unknown): YamlMap {
  return isMap(v) ? v : {};
}

export function asList(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  return v === undefined || v === null ? [] : [v];
}

/** Strings, numbers and booleans as text; anything else null. */
export function asText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** A map of scalar values as text (for `env:` and `with:` blocks). */
export function textMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(asMap(v))) {
    const t = asText(val);
    if (t !== null) out[k] = t;
  }
  return out;
}
