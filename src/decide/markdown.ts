// Small Markdown writers for the ADR: escaping and word-wrapping at 80 columns, so exported records pass
// markdownlint's default rules (line length included) without a custom configuration.
export const WRAP_WIDTH = 80;

/** Escapes characters that would turn plain data text into HTML or emphasis; code spans are left alone. */
export function md(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/([\\*<[\]])/g, '\\$1')))
    .join('');
}

export const code = (text: string): string => `\`${text}\``;

// A token that could open a block (list, heading, quote, setext underline) must not start a wrapped line.
const opensBlock = (token: string): boolean => /^[-+*>#=]/.test(token) || /^\d+[.)]$/.test(token);

/** Wraps text into lines no longer than the width where possible; code spans are never split. */
export function wrap(text: string, firstPrefix = '', restPrefix = firstPrefix, width = WRAP_WIDTH): string[] {
  const tokens = text.match(/(?:[^\s`]*`[^`]*`)+[^\s`]*|\S+/g) ?? [];
  const lines: string[] = [];
  let line = firstPrefix;
  let empty = true;
  for (const token of tokens) {
    const joined = empty ? line + token : `${line} ${token}`;
    if (!empty && joined.length > width && !opensBlock(token)) {
      lines.push(line);
      line = restPrefix + token;
    } else line = joined;
    empty = false;
  }
  lines.push(line);
  return lines;
}

export const paragraph = (text: string): string => wrap(text).join('\n');

/** A `*` bullet at a nesting depth (two spaces per level), wrapped with hanging indent. */
export function bullet(text: string, depth = 0): string {
  const indent = '  '.repeat(depth);
  return wrap(text, `${indent}* `, `${indent}  `).join('\n');
}

/** An ordered item `n. `, wrapped with hanging indent. */
export function numbered(n: number, text: string): string {
  const marker = `${n}. `;
  return wrap(text, marker, ' '.repeat(marker.length)).join('\n');
}

/** Joins blocks with one blank line between them and ends with a single newline. */
export const blocks = (parts: (string | null | undefined | false)[]): string =>
  `${parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n')}\n`;
