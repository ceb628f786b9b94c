// Reads golangci-lint's configuration (.golangci.yml/.yaml/.json/.toml, v1 or v2) into the linters and
// formatters it enables, starting from golangci-lint's defaults for that version.
import type { GolangciFacts } from '../../types.js';
import type { CiTools } from './ci-tools.js';
import { loadYaml } from './ci/step.js';
import { LineFinder } from './line-finder.js';
import { asList, asMap, asText, type YamlMap } from './yaml-values.js';

export const GOLANGCI_FILES = ['.golangci.yml', '.golangci.yaml', '.golangci.json', '.golangci.toml'];

/** Throws when the file is not valid YAML/JSON. */
export function parseGolangci(text: string, file: string, tools: CiTools['golangci']): GolangciFacts {
  const doc = file.endsWith('.toml')
    ? tomlSubset(text)
    : asMap(file.endsWith('.json') ? JSON.parse(text) : loadYaml(text, file));
  const finder = new LineFinder(text);
  const version = asText(doc.version) === '2' ? 2 : 1;
  const linters = asMap(doc.linters);
  const names = (v: unknown): string[] =>
    asList(v)
      .map(asText)
      .filter((s): s is string => s !== null);
  const enable = names(linters.enable);
  const disable = new Set(names(linters.disable));
  const everything = [...tools.v1Defaults, ...tools.vetLinters, ...tools.staticcheckLinters];
  let base: string[];
  if (version === 2) {
    const dflt = asText(linters.default) ?? 'standard';
    base = dflt === 'standard' ? tools.v2Standard : dflt === 'all' ? everything : [];
  } else if (linters['disable-all'] === true) {
    base = [];
  } else if (linters['enable-all'] === true) {
    base = [...everything, ...tools.formatters];
  } else {
    base = tools.v1Defaults;
  }
  const enabled = [...new Set([...base, ...enable])].filter((l) => !disable.has(l));
  const formatterSet = new Set(tools.formatters);
  const formatters =
    version === 2 ? names(asMap(doc.formatters).enable) : enabled.filter((l) => formatterSet.has(l));
  const lines: Record<string, number> = {};
  for (const name of [...enable, ...formatters]) {
    const at = finder.match(new RegExp(`(^|[\\s"'\\[,-])${name}(["'\\],]|\\s*(#.*)?$)`));
    if (at !== null) lines[name] = at;
  }
  return {
    file,
    enabled: enabled.filter((l) => version === 1 || !formatterSet.has(l)),
    formatters,
    version,
    lines,
  };
}

/** The few TOML shapes golangci-lint configs use: `[section]`, `key = "v"`, `key = true`, `key = [ … ]`. */
function tomlSubset(text: string): YamlMap {
  const root: YamlMap = {};
  let section: YamlMap = root;
  const flat = text.replace(/\[\s*\n([^\]]*)\]/g, (_, inner: string) => `[${inner.replace(/\n/g, ' ')}]`);
  for (const raw of flat.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const header = /^\[([A-Za-z0-9_.-]+)\]$/.exec(line);
    if (header) {
      section = root;
      for (const part of header[1]!.split('.')) {
        const next = asMap(section[part]);
        section[part] = next;
        section = next;
      }
      continue;
    }
    const kv = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (!kv) continue;
    const value = kv[2]!.trim();
    if (value.startsWith('[')) {
      section[kv[1]!] = [...value.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]!);
    } else if (value === 'true' || value === 'false') {
      section[kv[1]!] = value === 'true';
    } else {
      section[kv[1]!] = value.replace(/^["']|["']$/g, '');
    }
  }
  return root;
}
