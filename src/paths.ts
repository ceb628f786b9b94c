// Where the project's data lives on disk. Works from src/ (tsx) and dist/ (compiled) alike,
// because both sit one level below the project root.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const fromRoot = (...parts: string[]): string => path.join(projectRoot, ...parts);
