// Checks that read repository files: CI pipelines, Dockerfiles, Kubernetes manifests, dependency bots.
import type { CheckImplementation } from '../../types.js';

export const repoChecks: CheckImplementation[] = [];
