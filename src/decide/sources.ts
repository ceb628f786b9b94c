// The registry of source documents (data/sources.yaml): turns a `{doc, section}` reference in tree data
// into a citation that names the file and the document's title.
import { loadYamlFile } from '../config/load-yaml.js';
import { fromRoot } from '../paths.js';
import type { Citation, SourceRef } from './types.js';

export interface SourceDocument {
  key: string;
  file: string;
  title: string;
}

let cached: Map<string, SourceDocument> | undefined;

/** The source documents by key, loaded and schema-checked once. */
export function sourceDocuments(): Map<string, SourceDocument> {
  if (!cached) {
    const data = loadYamlFile<{ sources: SourceDocument[] }>(
      fromRoot('data', 'sources.yaml'),
      'sources.schema.json',
    );
    cached = new Map(data.sources.map((s) => [s.key, s]));
  }
  return cached;
}

export function cite(ref: SourceRef): Citation {
  const doc = sourceDocuments().get(ref.doc);
  // Trees are checked against the registry at load, so an unknown key here is a programming error.
  if (!doc) throw new Error(`unknown source document key "${ref.doc}"`);
  return { file: doc.file, section: ref.section, title: doc.title };
}

export const citeAll = (refs: SourceRef[]): Citation[] => refs.map(cite);
