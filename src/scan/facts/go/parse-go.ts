// Parses one Go source text into its facts: tree-sitter parse, one cursor pass into plain nodes, free the
// wasm tree, then extract. Used by the worker threads and by the main thread alike.
import type { GoFileFacts } from '../../types.js';
import { extractGoFacts } from './extract-facts.js';
import { loadGoGrammar, toSyntaxTree } from './parser.js';
import type { GoGrammar } from './parser.js';

export function parseWithGrammar(
  grammar: GoGrammar,
  path: string,
  source: string,
  bytes?: number,
): GoFileFacts {
  const tree = grammar.parser.parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  let root;
  let hasSyntaxErrors;
  try {
    hasSyntaxErrors = tree.rootNode.hasError;
    root = toSyntaxTree(tree, grammar);
  } finally {
    tree.delete();
  }
  return extractGoFacts({ path, source, bytes, hasSyntaxErrors }, root);
}

/** Parses one Go source text on the calling thread (tests, fixtures). */
export async function parseGoText(path: string, source: string): Promise<GoFileFacts> {
  return parseWithGrammar(await loadGoGrammar(), path, source);
}
