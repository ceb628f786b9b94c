// The tool's name and version as reports state them, read once from package.json.
import { readFileSync } from 'node:fs';
import { fromRoot } from '../paths.js';

export interface ToolInfo {
  name: string;
  version: string;
}

let cached: ToolInfo | undefined;

export function toolInfo(): ToolInfo {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as {
      name?: string;
      version?: string;
    };
    cached = { name: pkg.name ?? 'gonogo', version: pkg.version ?? '0.0.0' };
  }
  return cached;
}
