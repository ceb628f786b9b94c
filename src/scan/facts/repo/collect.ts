// Reads repository files other than Go code — go.mod, CI configs (following make/task/scripts), Dockerfiles
// and other image builds, Kubernetes manifests and Helm charts, golangci-lint config, Dependabot/Renovate —
// into facts. A file that cannot be read as its format is listed in `unreadable` and the scan goes on.
import type { DockerfileFacts, GoModule, RepoFiles, UnparsedFile, WalkResult } from '../../types.js';
import { collectCi } from './ci/collect-ci.js';
import { yamlReason } from './ci/step.js';
import { ciTools } from './ci-tools.js';
import { parseDependabot, parseRenovate } from './dependency-updates.js';
import {
  isDockerfile,
  isGoreleaserConfig,
  isKoConfig,
  parseDockerfile,
  parseGoreleaser,
  parseKoConfig,
} from './dockerfile.js';
import { parseGoMod } from './go-mod.js';
import { GOLANGCI_FILES, parseGolangci } from './golangci.js';
import { looksLikeWorkload, parseManifest, scanTemplate } from './k8s.js';
import { baseName, dirName, RepoReader } from './repo-reader.js';

export async function collectRepoFiles(root: string, walk: WalkResult): Promise<RepoFiles> {
  const reader = new RepoReader(root, walk);
  const tools = ciTools();
  const unreadable: UnparsedFile[] = [];
  const ci = collectCi(reader, tools, unreadable);
  return {
    modules: collectModules(reader),
    ci,
    golangci: collectGolangci(reader, unreadable),
    dockerfiles: collectImageBuilds(reader, unreadable),
    k8s: collectK8s(reader, ci.files, unreadable),
    dependencyUpdates: collectDependencyUpdates(reader, unreadable),
    unreadable,
  };
}

function collectModules(reader: RepoReader): GoModule[] {
  const out: GoModule[] = [];
  for (const p of reader.paths) {
    if (baseName(p) !== 'go.mod') continue;
    const text = reader.read(p);
    if (text !== null) out.push(parseGoMod(text, dirName(p)));
  }
  return out.sort((a, b) => depth(a.path) - depth(b.path) || a.path.localeCompare(b.path));
}

function depth(p: string): number {
  return p === '.' ? 0 : p.split('/').length;
}

function collectGolangci(reader: RepoReader, unreadable: UnparsedFile[]): RepoFiles['golangci'] {
  // The root config is the one CI's `golangci-lint run` uses; otherwise the shallowest one.
  const candidates = reader.paths
    .filter((p) => GOLANGCI_FILES.includes(baseName(p)))
    .sort((a, b) => depth(dirName(a)) - depth(dirName(b)) || a.localeCompare(b));
  for (const file of candidates) {
    const text = reader.read(file);
    if (text === null) continue;
    try {
      return parseGolangci(text, file, ciTools().golangci);
    } catch (err) {
      unreadable.push({
        path: file,
        reason: err instanceof SyntaxError ? `not valid JSON: ${err.message}` : yamlReason(err),
      });
    }
  }
  return null;
}

function collectImageBuilds(reader: RepoReader, unreadable: UnparsedFile[]): DockerfileFacts[] {
  const out: DockerfileFacts[] = [];
  for (const p of reader.paths) {
    const text = isDockerfile(p) || isKoConfig(p) || isGoreleaserConfig(p) ? reader.read(p) : null;
    if (text === null) continue;
    if (isDockerfile(p)) out.push(parseDockerfile(text, p));
    else if (isKoConfig(p)) out.push(parseKoConfig(text, p));
    else {
      try {
        const g = parseGoreleaser(text, p);
        if (g) out.push(g);
      } catch (err) {
        unreadable.push({ path: p, reason: yamlReason(err) });
      }
    }
  }
  return out;
}

function collectK8s(reader: RepoReader, ciFiles: string[], unreadable: UnparsedFile[]): RepoFiles['k8s'] {
  const { k8sWorkloads } = ciTools();
  const charts = reader.paths.filter((p) => baseName(p) === 'Chart.yaml').map(dirName);
  const inChartTemplates = (p: string): boolean =>
    charts.some((c) => p.startsWith(c === '.' ? 'templates/' : `${c}/templates/`));
  // Helm test hooks (templates/tests/) are one-shot pods, not the service.
  const isHelmTest = (p: string): boolean =>
    inChartTemplates(p) && /\/tests\//.test(p.slice(p.indexOf('templates/')));
  const manifests: string[] = [];
  const containers: RepoFiles['k8s']['containers'] = [];
  const skip = new Set([...ciFiles]);
  for (const p of reader.paths) {
    if (skip.has(p) || isHelmTest(p)) continue;
    const template = inChartTemplates(p);
    if (template ? !/\.(ya?ml|tpl)$/.test(p) : !/\.ya?ml$/.test(p)) continue;
    const text = reader.read(p);
    if (text === null || !looksLikeWorkload(text, k8sWorkloads)) continue;
    if (template) {
      containers.push(...scanTemplate(text, p, k8sWorkloads));
      continue;
    }
    manifests.push(p);
    const parsed = parseManifest(text, p, k8sWorkloads);
    if (parsed) {
      containers.push(...parsed);
    } else {
      unreadable.push({ path: p, reason: 'not valid YAML (maybe templated); probes were looked up by text' });
      containers.push(...scanTemplate(text, p, k8sWorkloads));
    }
  }
  return { manifests, helmCharts: charts, containers };
}

function collectDependencyUpdates(
  reader: RepoReader,
  unreadable: UnparsedFile[],
): RepoFiles['dependencyUpdates'] {
  const { dependabotFiles, renovateFiles } = ciTools();
  const tools: RepoFiles['dependencyUpdates']['tools'] = [];
  for (const file of dependabotFiles) {
    const text = reader.read(file);
    if (text === null) continue;
    try {
      tools.push(parseDependabot(text, file));
    } catch (err) {
      unreadable.push({ path: file, reason: yamlReason(err) });
    }
  }
  for (const file of [...renovateFiles, 'package.json']) {
    const text = reader.read(file);
    if (text === null) continue;
    try {
      const tool = parseRenovate(text, file, file === 'package.json');
      if (tool) tools.push(tool);
    } catch (err) {
      if (file !== 'package.json')
        unreadable.push({ path: file, reason: `not valid JSON5: ${(err as Error).message}` });
    }
  }
  return { tools };
}
