// Soundness of a schema-valid tree: ids unique, every `next` resolves, no cycles, everything reachable,
// source keys known. Problems name the JSON path so an author can find them in the YAML.
import type { DataProblem } from '../config/errors.js';
import type { SourceRef, TreeData } from './types.js';

export function checkTree(tree: TreeData, sourceKeys: ReadonlySet<string>): DataProblem[] {
  const problems: DataProblem[] = [];
  const questionIndex = new Map<string, number>();
  const outcomeIndex = new Map<string, number>();
  const refinementIds = new Set<string>();

  tree.questions.forEach((q, i) => {
    if (questionIndex.has(q.id)) {
      problems.push({ path: `/questions/${i}/id`, message: `duplicate question id "${q.id}"` });
    } else questionIndex.set(q.id, i);
    const seen = new Set<string>();
    q.options.forEach((o, j) => {
      if (seen.has(o.id)) {
        problems.push({
          path: `/questions/${i}/options/${j}/id`,
          message: `duplicate option id "${o.id}" in question "${q.id}"`,
        });
      }
      seen.add(o.id);
    });
  });
  tree.outcomes.forEach((o, i) => {
    if (outcomeIndex.has(o.id)) {
      problems.push({ path: `/outcomes/${i}/id`, message: `duplicate outcome id "${o.id}"` });
    } else if (questionIndex.has(o.id)) {
      problems.push({ path: `/outcomes/${i}/id`, message: `outcome id "${o.id}" is also a question id` });
    } else outcomeIndex.set(o.id, i);
  });
  (tree.refinements ?? []).forEach((r, i) => {
    if (questionIndex.has(r.id) || refinementIds.has(r.id) || outcomeIndex.has(r.id)) {
      problems.push({ path: `/refinements/${i}/id`, message: `duplicate question id "${r.id}"` });
    }
    refinementIds.add(r.id);
    const seen = new Set<string>();
    r.options.forEach((o, j) => {
      if (seen.has(o.id)) {
        problems.push({
          path: `/refinements/${i}/options/${j}/id`,
          message: `duplicate option id "${o.id}" in refinement "${r.id}"`,
        });
      }
      seen.add(o.id);
    });
  });

  if (!questionIndex.has(tree.start)) {
    problems.push({ path: '/start', message: `start question "${tree.start}" does not exist` });
  }

  tree.questions.forEach((q, i) =>
    q.options.forEach((o, j) => {
      if (!questionIndex.has(o.next) && !outcomeIndex.has(o.next)) {
        problems.push({
          path: `/questions/${i}/options/${j}/next`,
          message: `"${o.next}" is neither a question nor an outcome`,
        });
      }
    }),
  );

  problems.push(...findCycles(tree, questionIndex));

  // Reachability: from the start through `next`, plus outcomes a refinement can switch to.
  const reached = new Set<string>();
  const stack = questionIndex.has(tree.start) ? [tree.start] : [];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (reached.has(id)) continue;
    reached.add(id);
    const qi = questionIndex.get(id);
    if (qi !== undefined) for (const o of tree.questions[qi].options) stack.push(o.next);
  }
  (tree.refinements ?? []).forEach((r, i) =>
    r.options.forEach((o, j) =>
      o.effects.forEach((e, k) => {
        const base = `/refinements/${i}/options/${j}/effects/${k}`;
        if (e.caveat === undefined && e.risk === undefined && e.outcome === undefined) {
          problems.push({ path: base, message: 'an effect needs a caveat, a risk or an outcome' });
        }
        if (e.outcome !== undefined) {
          if (outcomeIndex.has(e.outcome)) reached.add(e.outcome);
          else problems.push({ path: `${base}/outcome`, message: `"${e.outcome}" is not an outcome` });
        }
        (e.when ?? []).forEach((w, m) => {
          if (!outcomeIndex.has(w))
            problems.push({ path: `${base}/when/${m}`, message: `"${w}" is not an outcome` });
        });
      }),
    ),
  );
  tree.questions.forEach((q, i) => {
    if (questionIndex.get(q.id) === i && !reached.has(q.id)) {
      problems.push({
        path: `/questions/${i}`,
        message: `question "${q.id}" cannot be reached from the start`,
      });
    }
  });
  tree.outcomes.forEach((o, i) => {
    if (outcomeIndex.get(o.id) === i && !reached.has(o.id)) {
      problems.push({
        path: `/outcomes/${i}`,
        message: `outcome "${o.id}" cannot be reached from the start`,
      });
    }
  });

  for (const { path, ref } of sourceRefs(tree)) {
    if (!sourceKeys.has(ref.doc)) {
      problems.push({
        path: `${path}/doc`,
        message: `unknown source document "${ref.doc}"; known: ${[...sourceKeys].join(', ')}`,
      });
    }
  }
  return problems;
}

function findCycles(tree: TreeData, questionIndex: Map<string, number>): DataProblem[] {
  const problems: DataProblem[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'open');
    trail.push(id);
    const qi = questionIndex.get(id)!;
    tree.questions[qi].options.forEach((o, j) => {
      if (!questionIndex.has(o.next)) return;
      const s = state.get(o.next);
      if (s === 'open') {
        const loop = [...trail.slice(trail.indexOf(o.next)), o.next].join(' → ');
        problems.push({ path: `/questions/${qi}/options/${j}/next`, message: `makes a cycle: ${loop}` });
      } else if (s === undefined) visit(o.next);
    });
    trail.pop();
    state.set(id, 'done');
  };
  for (const id of questionIndex.keys()) if (!state.has(id)) visit(id);
  return problems;
}

/** Every `sources` entry in the tree with its JSON path. */
function sourceRefs(tree: TreeData): { path: string; ref: SourceRef }[] {
  const out: { path: string; ref: SourceRef }[] = [];
  const add = (base: string, refs: SourceRef[] | undefined): void =>
    refs?.forEach((ref, k) => out.push({ path: `${base}/sources/${k}`, ref }));
  tree.questions.forEach((q, i) =>
    q.options.forEach((o, j) => {
      add(`/questions/${i}/options/${j}`, o.sources);
      add(`/questions/${i}/options/${j}/extension`, o.extension?.sources);
    }),
  );
  tree.outcomes.forEach((o, i) => {
    add(`/outcomes/${i}`, o.sources);
    add(`/outcomes/${i}/extension`, o.extension?.sources);
    o.risks.forEach((r, k) => add(`/outcomes/${i}/risks/${k}`, r.sources));
  });
  (tree.refinements ?? []).forEach((r, i) => {
    add(`/refinements/${i}/extension`, r.extension.sources);
    r.options.forEach((o, j) => {
      add(`/refinements/${i}/options/${j}`, o.sources);
      o.effects.forEach((e, k) => add(`/refinements/${i}/options/${j}/effects/${k}/risk`, e.risk?.sources));
    });
  });
  return out;
}
