// deploy.probes: long-running Kubernetes workloads (manifests or Helm templates) declare readiness and
// liveness probes on their containers; terminationGracePeriodSeconds and preStop are noted. Jobs and
// CronJobs run to completion and are left out.
import { ciTools } from '../../facts/repo/ci-tools.js';
import type { CheckImplementation, CheckOutcome, Evidence, K8sContainerFacts } from '../../types.js';
import { maxEvidence, plural } from './ci-evidence.js';

function describe(c: K8sContainerFacts): string {
  const name = c.container === '(template)' ? c.workload : `${c.workload} container ${c.container}`;
  const notes: string[] = [];
  if (c.terminationGracePeriodSeconds !== null)
    notes.push(`terminationGracePeriodSeconds ${c.terminationGracePeriodSeconds}`);
  if (c.preStop) notes.push('preStop hook');
  return notes.length > 0 ? `${name} (${notes.join(', ')})` : name;
}

function containerEvidence(c: K8sContainerFacts): Evidence {
  const missing = [!c.readinessProbe && 'readinessProbe', !c.livenessProbe && 'livenessProbe'].filter(
    Boolean,
  );
  const line = missing.length === 0 ? (c.lines?.readinessProbe ?? c.line) : c.line;
  const message =
    missing.length === 0
      ? `${describe(c)}: readiness and liveness probes declared`
      : `${describe(c)}: missing ${missing.join(' and ')}`;
  return {
    file: c.file,
    line,
    snippet:
      missing.length === 0
        ? 'readinessProbe:'
        : `${c.container === '(template)' ? 'containers:' : `- name: ${c.container}`}`,
    message,
  };
}

export const deployProbes: CheckImplementation = {
  id: 'deploy.probes',
  run(ctx): CheckOutcome {
    const { manifests, helmCharts, containers } = ctx.facts.repo.k8s;
    if (manifests.length === 0 && helmCharts.length === 0) {
      return { status: 'na', reason: 'No Kubernetes manifests or Helm charts in this repo.', evidence: [] };
    }
    const probed = new Set(ciTools().k8sProbed);
    const services = containers.filter((c) => probed.has(c.kind ?? c.workload.split('/')[0]!));
    if (services.length === 0) {
      if (containers.length > 0) {
        return {
          status: 'na',
          reason: 'The Kubernetes workloads are Jobs/CronJobs, which run to completion and need no probes.',
          evidence: [],
        };
      }
      return {
        status: 'unknown',
        reason: `Found ${helmCharts.length > 0 ? `Helm chart(s) ${helmCharts.join(', ')}` : 'manifests'} but no workload whose containers could be read.`,
        evidence: [],
      };
    }
    const marks = services.map((c) => (Number(c.readinessProbe) + Number(c.livenessProbe)) / 2);
    const total = marks.reduce((a, b) => a + b, 0);
    const score = Math.round((total / services.length) * 100) / 10;
    const full = marks.filter((m) => m === 1).length;
    // Offenders first, so a capped list still shows what to fix.
    const ordered = services.map((c, i) => ({ c, m: marks[i]! })).sort((a, b) => a.m - b.m);
    const max = maxEvidence(ctx);
    const evidence = ordered.slice(0, max).map(({ c }) => containerEvidence(c));
    const status = full === services.length ? 'pass' : total === 0 ? 'fail' : 'partial';
    const reason =
      status === 'pass'
        ? `${services.length === 1 ? 'The' : `All ${services.length}`} long-running ${plural(services.length, 'container').replace(/^\d+ /, '')} ${services.length === 1 ? 'declares' : 'declare'} readiness and liveness probes.`
        : `${full} of ${plural(services.length, 'long-running container')} declare both readiness and liveness probes.`;
    return { status, ...(status === 'partial' ? { score } : {}), reason, evidence };
  },
};
