// The ADR's meeting metadata as it arrives (JSON body, or form/query fields on the pages) and as the
// engine's ADR renderer takes it. Form fields are flat strings; lists of people are comma-separated there.
import type { AdrMeta } from '../decide/index.js';

/** The `meta` object of schemas/adr-request.schema.json. */
export interface AdrMetaJson {
  title?: string;
  status?: AdrMeta['status'];
  date?: string;
  decisionMakers?: string[];
  consulted?: string[];
  informed?: string[];
  number?: number;
}

/** Form field names for each metadata entry; kept as data so the templates and parser agree. */
export const adrMetaFields = {
  title: 'title',
  status: 'status',
  date: 'date',
  decisionMakers: 'decision_makers',
  consulted: 'consulted',
  informed: 'informed',
  number: 'number',
} as const;

const peopleKeys = ['decisionMakers', 'consulted', 'informed'] as const;

export function adrMetaFromJson(json: AdrMetaJson): AdrMeta {
  return { ...json };
}

/**
 * Reads metadata from flat form or query fields into the JSON shape (so one schema checks both).
 * Empty fields are left out; a number that is not all digits stays a string so the schema rejects it.
 */
export function adrMetaJsonFromFields(fields: Record<string, unknown>): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(adrMetaFields)) {
    const raw = firstString(fields[field]);
    if (raw === undefined || raw.trim() === '') continue;
    const value = raw.trim();
    if ((peopleKeys as readonly string[]).includes(key)) {
      meta[key] = value
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
    } else if (key === 'number') {
      meta[key] = /^\d{1,6}$/.test(value) ? Number(value) : value;
    } else {
      meta[key] = value;
    }
  }
  return meta;
}

export function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}
