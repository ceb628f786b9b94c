// Errors raised when data (a tree, a checklist, a request body, an answers file) does not fit its schema
// or its rules. Each problem names where it is (file and JSON path) and what is allowed.
export interface DataProblem {
  /** JSON Pointer-like path inside the document, e.g. `/questions/0/options/1/id` ('' for the root). */
  path: string;
  /** What is wrong and what is allowed, in words. */
  message: string;
}

export class DataError extends Error {
  readonly source: string;
  readonly problems: DataProblem[];

  constructor(source: string, problems: DataProblem[]) {
    super(DataError.describe(source, problems));
    this.name = 'DataError';
    this.source = source;
    this.problems = problems;
  }

  static describe(source: string, problems: DataProblem[]): string {
    const lines = problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`);
    return `${source} is not valid:\n${lines.join('\n')}`;
  }
}
