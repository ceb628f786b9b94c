// Loads tree-sitter and the Go grammar once per thread, and turns a syntax tree into a small plain-object tree.
// Reading the wasm tree through one TreeCursor pass and then working on plain objects keeps the number of
// calls across the wasm boundary to a handful per node; the wasm tree is freed before any analysis runs.
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import type { Tree } from 'web-tree-sitter';

/** A named syntax node: type, field name under its parent, UTF-16 offsets into the source, named children. */
export interface SyntaxNode {
  type: string;
  field: string | null;
  start: number;
  end: number;
  children: SyntaxNode[];
}

export interface GoGrammar {
  parser: Parser;
  /** Node type name per type id; anonymous tokens map to null so the converter can skip them. */
  namedTypes: (string | null)[];
  fields: (string | null)[];
}

let loading: Promise<GoGrammar> | null = null;

/** The Go grammar, loaded on first use and shared by everything on this thread. */
export function loadGoGrammar(): Promise<GoGrammar> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-go/tree-sitter-go.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    const namedTypes: (string | null)[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) {
      namedTypes.push(language.nodeTypeIsNamed(id) ? (language.types[id] ?? null) : null);
    }
    return { parser, namedTypes, fields: language.fields };
  })();
  return loading;
}

/**
 * Parents whose children are told apart by field name. Elsewhere children are told apart by type and
 * order, so the field lookup (one more call into wasm per node) is skipped.
 */
const fieldedParents: ReadonlySet<string> = new Set([
  'function_declaration',
  'method_declaration',
  'func_literal',
  'parameter_declaration',
  'variadic_parameter_declaration',
  'call_expression',
  'selector_expression',
  'composite_literal',
  'keyed_element',
  'for_statement',
  'for_clause',
  'range_clause',
  'short_var_declaration',
  'var_spec',
  'const_spec',
  'receive_statement',
  'type_switch_statement',
  'import_spec',
  'qualified_type',
  'generic_type',
]);

/** Named nodes whose insides are never read (their text is enough): not descending saves a wasm call each. */
const leafTypes: ReadonlySet<string> = new Set([
  'identifier',
  'field_identifier',
  'type_identifier',
  'package_identifier',
  'blank_identifier',
  'label_name',
  'int_literal',
  'float_literal',
  'imaginary_literal',
  'rune_literal',
  'interpreted_string_literal',
  'raw_string_literal',
  'nil',
  'true',
  'false',
  'iota',
  'dot',
]);

/** Shared by every leaf so that leaves cost no array of their own; replaced on a node's first child. */
const noChildren: SyntaxNode[] = [];
Object.freeze(noChildren);

/** Syntax types that carry no facts and whose subtrees need not be kept. */
const droppedTypes: ReadonlySet<string> = new Set(['comment']);

/**
 * Copies the named nodes of a tree into plain objects in one cursor pass. Anonymous tokens (punctuation,
 * keywords) are leaves in the Go grammar, so they are skipped without descending.
 */
export function toSyntaxTree(tree: Tree, grammar: GoGrammar): SyntaxNode {
  const { namedTypes, fields } = grammar;
  const cursor = tree.walk();
  try {
    const root: SyntaxNode = {
      type: 'source_file',
      field: null,
      start: cursor.startIndex,
      end: cursor.endIndex,
      children: [],
    };
    const stack: SyntaxNode[] = [root];
    // Whether the children of the node on top of the stack need their field names.
    const wantFields: boolean[] = [false];
    if (!cursor.gotoFirstChild()) return root;
    for (;;) {
      const typeId = cursor.nodeTypeId;
      // Error nodes use an id past the type table; they are named and keep their children.
      const type = typeId < namedTypes.length ? namedTypes[typeId] : 'ERROR';
      let descended = false;
      if (type !== null && type !== undefined && !droppedTypes.has(type)) {
        const node: SyntaxNode = {
          type,
          field: wantFields[wantFields.length - 1] ? (fields[cursor.currentFieldId] ?? null) : null,
          start: cursor.startIndex,
          end: cursor.endIndex,
          children: noChildren,
        };
        const parent = stack[stack.length - 1]!;
        if (parent.children === noChildren) parent.children = [node];
        else parent.children.push(node);
        if (!leafTypes.has(type) && cursor.gotoFirstChild()) {
          stack.push(node);
          wantFields.push(fieldedParents.has(type));
          descended = true;
        }
      }
      if (descended) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent() || stack.length === 1) return root;
        stack.pop();
        wantFields.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}
