// The tool lists in data/ci-tools.yaml (CI file locations, test runners, golangci-lint defaults, container
// bases, dependency-bot files), loaded and schema-checked once.
import { loadYamlFile } from '../../../config/load-yaml.js';
import { fromRoot } from '../../../paths.js';

export interface CiTools {
  ciLocations: { provider: string; paths: string[] }[];
  /** Cloud Build builder image (without tag) → the program its entrypoint runs. */
  cloudBuildEntrypoints: Record<string, string>;
  testRunners: string[];
  golangci: {
    v1Defaults: string[];
    v2Standard: string[];
    formatters: string[];
    vetLinters: string[];
    staticcheckLinters: string[];
    actions: string[];
  };
  govulncheck: { actions: string[] };
  vulnScanners: { actions: string[]; commands: string[] };
  coverage: { actions: string[]; commands: string[] };
  staticcheck: { actions: string[] };
  formatting: { commands: string[] };
  minimalBases: string[];
  nonRootBases: string[];
  k8sWorkloads: string[];
  k8sProbed: string[];
  renovateFiles: string[];
  dependabotFiles: string[];
}

let cached: CiTools | undefined;

export function ciTools(): CiTools {
  cached ??= loadYamlFile<CiTools>(fromRoot('data', 'ci-tools.yaml'), 'ci-tools.schema.json');
  return cached;
}
