// Jenkinsfile (declarative or scripted Groovy): `sh`/`bat`/`powershell` steps found by pattern —
// `sh 'cmd'`, `sh "cmd"`, `sh '''…'''`, `sh """…"""` and `sh(script: '…')`. Groovy is not parsed.
import { numberLines } from '../shell.js';
import { emptyResult, summarise, type CiParseResult } from './step.js';

const STEP = /\b(sh|bat|powershell|pwsh)\s*\(?\s*(?:script\s*:\s*)?('''|"""|'|")([\s\S]*?)\2/g;

export function parseJenkinsfile(file: string, text: string): CiParseResult {
  const out = emptyResult('jenkins', file);
  for (const m of text.matchAll(STEP)) {
    const body = m[3]!;
    const bodyStart = m.index + m[0].indexOf(m[2]!) + m[2]!.length;
    const firstLine = text.slice(0, bodyStart).split('\n').length;
    const lines = numberLines(body, firstLine).filter((l) => l.text.trim() !== '');
    if (lines.length === 0) continue;
    const stepLine = text.slice(0, m.index).split('\n').length;
    out.steps.push({
      file,
      lines,
      via: [`${file}:${stepLine} ${m[1]}: ${summarise(lines[0]!.text)}`],
      env: {},
      cwd: '.',
    });
  }
  return out;
}
