// Loads decision trees from YAML: schema check (ajv), then soundness check; a problem throws a DataError
// naming the file and the JSON path. The registry reads each file once.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DataError } from '../config/errors.js';
import { loadYamlFile } from '../config/load-yaml.js';
import { fromRoot } from '../paths.js';
import { checkTree } from './check-tree.js';
import { sourceDocuments } from './sources.js';
import type { Tree, TreeData, TreeRegistry, TreeSummary } from './types.js';

export function loadTree(file: string): Tree {
  const data = loadYamlFile<TreeData>(file, 'tree.schema.json');
  const problems = checkTree(data, new Set(sourceDocuments().keys()));
  if (problems.length > 0) throw new DataError(file, problems);
  return { ...data, file };
}

export function summarizeTree(tree: Tree): TreeSummary {
  return {
    id: tree.id,
    title: tree.title,
    version: tree.version,
    description: tree.description,
    questions: tree.questions.length + (tree.refinements?.length ?? 0),
    outcomes: tree.outcomes.map((o) => o.id),
  };
}

/** Loads every `*.yaml` in `dir` (default: the project's `trees/`); tree ids must be unique. */
export function loadTrees(dir: string = fromRoot('trees')): TreeRegistry {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const trees = new Map<string, Tree>();
  for (const f of files) {
    const file = path.join(dir, f);
    const tree = loadTree(file);
    const other = trees.get(tree.id);
    if (other) {
      throw new DataError(file, [
        { path: '/id', message: `tree id "${tree.id}" is also used by ${other.file}` },
      ]);
    }
    trees.set(tree.id, tree);
  }
  return {
    list: () => [...trees.values()].map(summarizeTree),
    get: (id) => trees.get(id),
  };
}
