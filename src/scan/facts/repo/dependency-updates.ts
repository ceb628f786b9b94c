// Reads dependency-update bots: Dependabot (`.github/dependabot.yml`, `package-ecosystem: gomod` entries and
// their directories) and Renovate (renovate.json/.json5/.renovaterc…, or package.json's `renovate` key),
// which updates go.mod files by default unless `enabledManagers` leaves `gomod` out or disables it.
import type { DependencyUpdateFacts } from '../../types.js';
import { loadYaml } from './ci/step.js';
import { LineFinder } from './line-finder.js';
import { asList, asMap, asText, isMap } from './yaml-values.js';

type Tool = DependencyUpdateFacts['tools'][number];

export function parseDependabot(text: string, file: string): Tool {
  const doc = asMap(loadYaml(text, file));
  const finder = new LineFinder(text);
  const directories: string[] = [];
  let line: number | null = null;
  let cursor = 1;
  for (const u of asList(doc.updates)) {
    const entry = asMap(u);
    const eco = asText(entry['package-ecosystem']);
    if (eco === null) continue;
    cursor = finder.match(new RegExp(`package-ecosystem:\\s*["']?${eco}`), cursor) ?? cursor;
    if (eco !== 'gomod') continue;
    line ??= cursor;
    for (const d of [entry.directory, ...asList(entry.directories)]) {
      const dir = asText(d);
      if (dir) directories.push(dir);
    }
  }
  return { tool: 'dependabot', file, line: line ?? 1, coversGo: line !== null, directories };
}

/** Renovate configs are JSON or JSON5; the JSON5 niceties (comments, trailing commas, single quotes,
 *  bare keys) are turned into JSON before parsing. Throws when the text still does not parse. */
export function parseRenovate(text: string, file: string, fromPackageJson = false): Tool | null {
  const parsed = asMap(JSON.parse(fromPackageJson ? text : json5ToJson(text)));
  const config = fromPackageJson ? parsed.renovate : parsed;
  if (!isMap(config)) return null;
  const finder = new LineFinder(text);
  const line = fromPackageJson ? (finder.match(/"renovate"\s*:/) ?? 1) : 1;
  let coversGo = config.enabled !== false;
  let managersLine: number | null = null;
  if (Array.isArray(config.enabledManagers)) {
    const managers = config.enabledManagers.map(asText);
    if (!managers.includes('gomod')) coversGo = false;
    managersLine = finder.match(/enabledManagers/);
  }
  if (isMap(config.gomod) && config.gomod.enabled === false) {
    coversGo = false;
    managersLine = finder.match(/gomod/);
  }
  return { tool: 'renovate', file, line: coversGo ? line : (managersLine ?? line), coversGo };
}

function json5ToJson(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      let body = '';
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\') {
          body += text[j]! + (text[j + 1] ?? '');
          j++;
        } else if (text[j] === '"' && c === "'") body += '\\"';
        else body += text[j];
      }
      out += `"${body}"`;
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1').replace(/([{,]\s*)([A-Za-z_$][A-Za-z0-9_$]*)\s*:/g, '$1"$2":');
}
