// Reads repository files other than Go code: go.mod, CI configs (following make/task/scripts), Dockerfiles,
// Kubernetes manifests and Helm charts, golangci-lint config, Dependabot/Renovate.
// STUB — to be implemented (owner: repository facts work).
import type { RepoFiles, WalkResult } from '../../types.js';

export async function collectRepoFiles(_root: string, _walk: WalkResult): Promise<RepoFiles> {
  throw new Error('collectRepoFiles: not implemented yet');
}
