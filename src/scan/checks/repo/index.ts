// Checks that read repository files: CI pipelines, Dockerfiles, Kubernetes manifests, dependency bots.
import type { CheckImplementation } from '../../types.js';
import { ciFormat, ciStaticcheck, ciVet } from './ci-lint.js';
import { ciCoverage, ciRace, ciTests } from './ci-tests.js';
import { dependencyUpdates } from './dependency-updates.js';
import { deployContainer } from './deploy-container.js';
import { deployProbes } from './deploy-probes.js';
import { govulncheck } from './govulncheck.js';

export const repoChecks: CheckImplementation[] = [
  ciTests,
  ciRace,
  ciVet,
  ciStaticcheck,
  ciFormat,
  ciCoverage,
  govulncheck,
  dependencyUpdates,
  deployContainer,
  deployProbes,
];
