// Drone: `.drone.yml`, one or more YAML documents (pipelines); `steps[].commands`, step images (recorded as
// actions) and `services`.
import { LineFinder } from '../line-finder.js';
import { asList, asMap, asText, textMap } from '../yaml-values.js';
import { emptyResult, loadYamlAll, scriptStep, type CiParseResult } from './step.js';

export function parseDrone(file: string, text: string): CiParseResult {
  const out = emptyResult('drone', file);
  const finder = new LineFinder(text);
  let cursor = 1;
  for (const rawDoc of loadYamlAll(text, file)) {
    const doc = asMap(rawDoc);
    for (const rawStep of asList(doc.steps)) {
      const step = asMap(rawStep);
      const image = asText(step.image);
      if (image) {
        cursor = finder.find(image, cursor);
        out.actions.push({ name: image, file, line: cursor, with: textMap(step.settings) });
      }
      const env = textMap(step.environment);
      for (const item of asList(step.commands)) {
        const script = asText(item);
        if (script) cursor = scriptStep(out, finder, file, script, cursor, 'commands', [], env);
      }
    }
    for (const svc of asList(doc.services)) {
      const s = asMap(svc);
      const name = asText(s.image) ?? asText(s.name);
      if (name) out.services.push({ name, file, line: finder.find(name, 1) });
    }
  }
  return out;
}
