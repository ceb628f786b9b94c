// Reads Kubernetes workloads: manifests (multi-document YAML with apiVersion + kind) and Helm chart
// templates. Templates are not YAML until rendered, so they (and manifests that fail to parse) are read
// as text: each workload section is searched for the probe and lifecycle keys, with their lines.
import yaml from 'js-yaml';
import type { K8sContainerFacts } from '../../types.js';
import { asList, asMap, asText, isMap } from './yaml-values.js';

type KeyName =
  'readinessProbe' | 'livenessProbe' | 'startupProbe' | 'preStop' | 'terminationGracePeriodSeconds';
const KEYS: KeyName[] = [
  'readinessProbe',
  'livenessProbe',
  'startupProbe',
  'preStop',
  'terminationGracePeriodSeconds',
];

/** Cheap test before parsing: the text names a workload kind at the start of a line. */
export function looksLikeWorkload(text: string, workloads: string[]): boolean {
  return (
    new RegExp(`^\\s*kind:\\s*["']?(${workloads.join('|')})["']?\\s*$`, 'm').test(text) &&
    /apiVersion:/.test(text)
  );
}

interface Chunk {
  text: string;
  firstLine: number;
}

function documents(text: string): Chunk[] {
  const lines = text.split(/\r?\n/);
  const out: Chunk[] = [];
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i === lines.length || /^---(\s|$)/.test(lines[i]!)) {
      if (i > start) out.push({ text: lines.slice(start, i).join('\n'), firstLine: start + 1 });
      start = i + 1;
    }
  }
  return out;
}

/** Parses a manifest file. Returns null when some document is not YAML (the caller falls back to text). */
export function parseManifest(text: string, file: string, workloads: string[]): K8sContainerFacts[] | null {
  const out: K8sContainerFacts[] = [];
  for (const chunk of documents(text)) {
    let doc: unknown;
    try {
      doc = yaml.load(chunk.text);
    } catch {
      return null;
    }
    const items = isMap(doc) && asText(doc.kind) === 'List' ? asList(doc.items) : [doc];
    for (const item of items) {
      const m = asMap(item);
      const kind = asText(m.kind);
      if (!kind || !workloads.includes(kind)) continue;
      const name = asText(asMap(m.metadata).name) ?? '(unnamed)';
      const pod = podSpec(kind, m);
      const grace =
        typeof pod.terminationGracePeriodSeconds === 'number' ? pod.terminationGracePeriodSeconds : null;
      const lines = chunk.text.split('\n');
      const containersAt = lines.findIndex((l) => /^\s*containers:/.test(l));
      for (const c of asList(pod.containers)) {
        const container = asMap(c);
        const cname = asText(container.name) ?? '(unnamed)';
        const start = findFrom(
          lines,
          new RegExp(`name:\\s*["']?${escape(cname)}["']?\\s*$`),
          Math.max(0, containersAt),
        );
        const end = nextContainer(lines, start);
        const found: K8sContainerFacts['lines'] = {};
        for (const key of KEYS) {
          const at = findFrom(
            lines,
            new RegExp(`^\\s*${key}:`),
            key === 'terminationGracePeriodSeconds' ? 0 : start,
            key === 'terminationGracePeriodSeconds' ? lines.length : end,
          );
          if (at >= 0) found[key] = chunk.firstLine + at;
        }
        out.push({
          file,
          line: chunk.firstLine + Math.max(0, start),
          workload: `${kind}/${name}`,
          kind,
          container: cname,
          readinessProbe: isMap(container.readinessProbe),
          livenessProbe: isMap(container.livenessProbe),
          startupProbe: isMap(container.startupProbe),
          preStop: isMap(asMap(container.lifecycle).preStop),
          terminationGracePeriodSeconds: grace,
          lines: found,
        });
      }
    }
  }
  return out;
}

function podSpec(kind: string, m: Record<string, unknown>): Record<string, unknown> {
  const spec = asMap(m.spec);
  if (kind === 'Pod') return spec;
  if (kind === 'CronJob') return asMap(asMap(asMap(asMap(spec.jobTemplate).spec).template).spec);
  return asMap(asMap(spec.template).spec);
}

/** Reads workloads from template text: one entry per workload section, keys found by name. */
export function scanTemplate(text: string, file: string, workloads: string[]): K8sContainerFacts[] {
  const out: K8sContainerFacts[] = [];
  // Only a top-level `kind:` names the workload (an HPA's `scaleTargetRef.kind: Deployment` does not).
  const kindRe = new RegExp(`^kind:\\s*["']?(${workloads.join('|')})["']?\\s*$`);
  for (const chunk of documents(text)) {
    const lines = chunk.text.split('\n');
    const kindAt = lines.findIndex((l) => kindRe.test(l));
    if (kindAt < 0) continue;
    const kind = kindRe.exec(lines[kindAt]!)![1]!;
    const nameAt = findFrom(lines, /^\s{2}name:\s*(.+)$/, kindAt);
    const name = nameAt >= 0 ? /name:\s*(.+)$/.exec(lines[nameAt]!)![1]!.trim() : '(unnamed)';
    const containersAt = findFrom(lines, /^\s*containers:/, 0);
    const found: K8sContainerFacts['lines'] = {};
    for (const key of KEYS) {
      const at = findFrom(lines, new RegExp(`^\\s*${key}:`), 0);
      if (at >= 0) found[key] = chunk.firstLine + at;
    }
    const graceLine = found.terminationGracePeriodSeconds;
    const graceValue = graceLine ? /:\s*(\d+)/.exec(lines[graceLine - chunk.firstLine]!) : null;
    out.push({
      file,
      line: chunk.firstLine + (containersAt >= 0 ? containersAt : kindAt),
      workload: `${kind}/${name}`,
      kind,
      container: '(template)',
      readinessProbe: found.readinessProbe !== undefined,
      livenessProbe: found.livenessProbe !== undefined,
      startupProbe: found.startupProbe !== undefined,
      preStop: found.preStop !== undefined,
      terminationGracePeriodSeconds: graceValue ? Number(graceValue[1]) : null,
      lines: found,
      template: true,
    });
  }
  return out;
}

function findFrom(lines: string[], re: RegExp, from: number, to = lines.length): number {
  for (let i = Math.max(0, from); i < Math.min(to, lines.length); i++) if (re.test(lines[i]!)) return i;
  return -1;
}

/** Index of the line where the container after the one starting at `start` begins (or the end). */
function nextContainer(lines: string[], start: number): number {
  if (start < 0) return lines.length;
  const indent = /^(\s*)/.exec(lines[start]!)![1]!.replace('-', ' ').length;
  for (let i = start + 1; i < lines.length; i++) {
    const m = /^(\s*)-\s/.exec(lines[i]!);
    if (m && m[1]!.length + 2 <= indent + 2 && m[1]!.length <= indent) return i;
    const lead = /^(\s*)\S/.exec(lines[i]!);
    if (lead && lead[1]!.length < indent - 2) return i;
  }
  return lines.length;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
