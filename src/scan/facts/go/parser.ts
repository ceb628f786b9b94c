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

/**
 * The cursor entry points of the tree-sitter wasm module. The library's TreeCursor copies the cursor state
 * into wasm memory and back around every single call; these functions take it from there directly, so a
 * walk that keeps the state in place costs one wasm call per step instead of one plus eight memory copies.
 */
interface CursorBinding {
  _ts_init(): number;
  getValue(address: number, type: 'i32'): number;
  setValue(address: number, value: number, type: 'i32'): void;
  _ts_tree_cursor_current_node_type_id_wasm(tree: number): number;
  _ts_tree_cursor_current_field_id_wasm(tree: number): number;
  _ts_tree_cursor_start_index_wasm(tree: number): number;
  _ts_tree_cursor_end_index_wasm(tree: number): number;
  _ts_tree_cursor_goto_first_child_wasm(tree: number): number;
  _ts_tree_cursor_goto_next_sibling_wasm(tree: number): number;
  _ts_tree_cursor_goto_parent_wasm(tree: number): number;
}

const bindingFunctions = [
  '_ts_init',
  'getValue',
  'setValue',
  '_ts_tree_cursor_current_node_type_id_wasm',
  '_ts_tree_cursor_current_field_id_wasm',
  '_ts_tree_cursor_start_index_wasm',
  '_ts_tree_cursor_end_index_wasm',
  '_ts_tree_cursor_goto_first_child_wasm',
  '_ts_tree_cursor_goto_next_sibling_wasm',
  '_ts_tree_cursor_goto_parent_wasm',
] as const;

export interface GoGrammar {
  parser: Parser;
  /** Direct cursor calls when the wasm module exposed them (it does unless tree-sitter was started elsewhere). */
  binding: CursorBinding | null;
  /** Node type name per type id; anonymous tokens map to null so the converter can skip them. */
  namedTypes: (string | null)[];
  fields: (string | null)[];
}

let loading: Promise<GoGrammar> | null = null;

/** The Go grammar, loaded on first use and shared by everything on this thread. */
export function loadGoGrammar(): Promise<GoGrammar> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    // The module fills in the options object with its exports; kept to reach the cursor functions.
    const moduleObject: Record<string, unknown> = {};
    await Parser.init(moduleObject);
    const binding = bindingFunctions.every((name) => typeof moduleObject[name] === 'function')
      ? (moduleObject as unknown as CursorBinding)
      : null;
    const language = await Language.load(require.resolve('tree-sitter-go/tree-sitter-go.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    const namedTypes: (string | null)[] = [];
    for (let id = 0; id < language.nodeTypeCount; id++) {
      namedTypes.push(language.nodeTypeIsNamed(id) ? (language.types[id] ?? null) : null);
    }
    return { parser, binding, namedTypes, fields: language.fields };
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
  if (grammar.binding) return toSyntaxTreeDirect(tree, grammar, grammar.binding);
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

/** The cursor's four words of state, as the library's TreeCursor keeps them (internal, but stable). */
type CursorState = Record<0 | 1 | 2 | 3, number>;

/**
 * The same walk as below, through the wasm cursor functions: the cursor state is put into the transfer
 * buffer once, every step reads and updates it there, and it is copied back before the cursor is freed.
 */
function toSyntaxTreeDirect(tree: Tree, grammar: GoGrammar, wasm: CursorBinding): SyntaxNode {
  const { namedTypes, fields } = grammar;
  const treeAddress = (tree as unknown as CursorState)[0];
  const cursor = tree.walk();
  const state = cursor as unknown as CursorState;
  const buffer = wasm._ts_init();
  for (let word = 0; word < 4; word++) wasm.setValue(buffer + word * 4, state[word as 0], 'i32');
  try {
    const root: SyntaxNode = {
      type: 'source_file',
      field: null,
      start: wasm._ts_tree_cursor_start_index_wasm(treeAddress),
      end: wasm._ts_tree_cursor_end_index_wasm(treeAddress),
      children: [],
    };
    const stack: SyntaxNode[] = [root];
    const wantFields: boolean[] = [false];
    if (wasm._ts_tree_cursor_goto_first_child_wasm(treeAddress) !== 1) return root;
    for (;;) {
      const typeId = wasm._ts_tree_cursor_current_node_type_id_wasm(treeAddress);
      const type = typeId < namedTypes.length ? namedTypes[typeId] : 'ERROR';
      let descended = false;
      if (type !== null && type !== undefined && !droppedTypes.has(type)) {
        const node: SyntaxNode = {
          type,
          field: wantFields[wantFields.length - 1]
            ? (fields[wasm._ts_tree_cursor_current_field_id_wasm(treeAddress)] ?? null)
            : null,
          start: wasm._ts_tree_cursor_start_index_wasm(treeAddress),
          end: wasm._ts_tree_cursor_end_index_wasm(treeAddress),
          children: noChildren,
        };
        const parent = stack[stack.length - 1]!;
        if (parent.children === noChildren) parent.children = [node];
        else parent.children.push(node);
        if (!leafTypes.has(type) && wasm._ts_tree_cursor_goto_first_child_wasm(treeAddress) === 1) {
          stack.push(node);
          wantFields.push(fieldedParents.has(type));
          descended = true;
        }
      }
      if (descended) continue;
      while (wasm._ts_tree_cursor_goto_next_sibling_wasm(treeAddress) !== 1) {
        if (wasm._ts_tree_cursor_goto_parent_wasm(treeAddress) !== 1 || stack.length === 1) return root;
        stack.pop();
        wantFields.pop();
      }
    }
  } finally {
    // The walk may have grown the cursor's stack, which moves it: free what the cursor holds now.
    for (let word = 0; word < 4; word++) state[word as 0] = wasm.getValue(buffer + word * 4, 'i32');
    cursor.delete();
  }
}
