// Finds the line a value was written on. js-yaml returns plain values without positions, so parsers locate
// each value's text in the file, moving forward through it so repeated text maps to successive lines.

export class LineFinder {
  private readonly lines: string[];

  constructor(text: string) {
    this.lines = text.split(/\r?\n/);
  }

  get count(): number {
    return this.lines.length;
  }

  lineText(line: number): string {
    return this.lines[line - 1] ?? '';
  }

  /** 1-based line of the first line at or after `from` containing the first non-blank line of `needle`;
   *  searches from the top when not found below; `from` (at least 1) when not found at all. */
  find(needle: string, from = 1): number {
    const first = needle
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find((l) => l !== '');
    if (!first) return Math.max(1, from);
    const probe = first.length > 60 ? first.slice(0, 60) : first;
    for (let i = Math.max(0, from - 1); i < this.lines.length; i++) {
      if (this.lines[i]!.includes(probe)) return i + 1;
    }
    for (let i = 0; i < Math.min(from - 1, this.lines.length); i++) {
      if (this.lines[i]!.includes(probe)) return i + 1;
    }
    return Math.max(1, from);
  }

  /** 1-based line of the first line at or after `from` matching `pattern`, or null. */
  match(pattern: RegExp, from = 1): number | null {
    for (let i = Math.max(0, from - 1); i < this.lines.length; i++) {
      if (pattern.test(this.lines[i]!)) return i + 1;
    }
    return null;
  }
}
