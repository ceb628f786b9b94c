// A repository's own gonogo settings (.gonogo.yml / .gonogo.yaml at its root): today, suppressions that
// mark checks as not applicable with a reason the scorecard shows. Validated by schemas/repo-config.schema.json.
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { assertValid } from '../config/ajv.js';
import { DataError, type DataProblem } from '../config/errors.js';
import { parseYaml } from '../config/load-yaml.js';

/** File names looked for at the repository root, in order. */
export const repoConfigNames: readonly string[] = ['.gonogo.yml', '.gonogo.yaml'];

interface RepoConfigFile {
  suppress?: { id: string; reason: string }[];
}

export interface RepoConfig {
  /** The file read (repo-relative when found at the root), or null when there is none. */
  file: string | null;
  /** Check id → the repository's reason for suppressing it. */
  suppress: ReadonlyMap<string, string>;
}

export const emptyRepoConfig: RepoConfig = { file: null, suppress: new Map() };

async function isRegularFile(file: string): Promise<boolean> {
  try {
    // lstat: a symlinked config could point outside the repository; it is not read.
    return (await lstat(file)).isFile();
  } catch {
    return false;
  }
}

/** Checks the parsed config against the schema and the checklist's ids; returns it as a RepoConfig. */
export function parseRepoConfig(data: unknown, source: string, validIds: readonly string[]): RepoConfig {
  const config = assertValid<RepoConfigFile>('repo-config.schema.json', data ?? {}, source);
  const known = new Set(validIds);
  const problems: DataProblem[] = [];
  const suppress = new Map<string, string>();
  (config.suppress ?? []).forEach((entry, i) => {
    if (!known.has(entry.id)) {
      problems.push({
        path: `/suppress/${i}/id`,
        message: `unknown check id "${entry.id}"; valid ids: ${[...validIds].sort().join(', ')}`,
      });
    } else if (suppress.has(entry.id)) {
      problems.push({ path: `/suppress/${i}/id`, message: `"${entry.id}" is suppressed twice` });
    } else {
      suppress.set(entry.id, entry.reason.trim());
    }
  });
  if (problems.length > 0) throw new DataError(source, problems);
  return { file: source, suppress };
}

/**
 * Reads the repository config. `explicitFile` (a path given by the user) wins over the files at `root`;
 * a missing explicit file is an error, a missing root file is simply no config.
 */
export async function loadRepoConfig(
  root: string,
  validIds: readonly string[],
  explicitFile?: string,
): Promise<RepoConfig> {
  let file: string | undefined;
  let source: string | undefined;
  if (explicitFile !== undefined) {
    if (!(await isRegularFile(explicitFile))) {
      throw new DataError(explicitFile, [
        { path: '', message: 'the config file does not exist or is not a file' },
      ]);
    }
    file = explicitFile;
    source = explicitFile;
  } else {
    const found: string[] = [];
    for (const name of repoConfigNames) {
      if (await isRegularFile(path.join(root, name))) found.push(name);
    }
    if (found.length > 1) {
      throw new DataError(found[0]!, [{ path: '', message: `both ${found.join(' and ')} exist; keep one` }]);
    }
    if (found.length === 0) return emptyRepoConfig;
    file = path.join(root, found[0]!);
    source = found[0]!;
  }
  const text = await readFile(file, 'utf8');
  return parseRepoConfig(parseYaml(text, source), source, validIds);
}
