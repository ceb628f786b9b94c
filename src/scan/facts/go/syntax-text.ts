// Small helpers for reading source text behind syntax nodes: lines from offsets, trimmed and compacted text,
// and the value of Go string literals.
import type { SyntaxNode } from './parser.js';

/** Maps UTF-16 offsets to 1-based line numbers with a binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  readonly lineCount: number;

  constructor(source: string) {
    let at = source.indexOf('\n');
    while (at !== -1) {
      this.starts.push(at + 1);
      at = source.indexOf('\n', at + 1);
    }
    const newlines = this.starts.length - 1;
    this.lineCount = source.length === 0 ? 0 : source.endsWith('\n') ? newlines : newlines + 1;
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

/** Text with all whitespace removed, as callees are compared (`srv . Shutdown` → `srv.Shutdown`). */
export function compact(text: string): string {
  return /\s/.test(text) ? text.replace(/\s+/g, '') : text;
}

/** Text with whitespace runs collapsed to one space, as types are shown (`map[string] int`). */
export function collapse(text: string): string {
  return /\s\s|[\t\n\r]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

export function firstChild(node: SyntaxNode, field: string): SyntaxNode | undefined {
  for (const child of node.children) if (child.field === field) return child;
  return undefined;
}

export function childrenOf(node: SyntaxNode, field: string): SyntaxNode[] {
  return node.children.filter((child) => child.field === field);
}

/**
 * The value of a Go string literal as written in source: raw strings lose their backquotes (and carriage
 * returns, as Go drops them); interpreted strings have their escapes decoded where JSON shares them.
 */
export function stringValue(literal: string): string {
  if (literal.startsWith('`')) return literal.slice(1, -1).replace(/\r/g, '');
  const inner = literal.slice(1, -1);
  if (!inner.includes('\\')) return inner;
  try {
    return JSON.parse(literal) as string;
  } catch {
    return inner;
  }
}
