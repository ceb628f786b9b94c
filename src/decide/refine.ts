// Applies the optional refinement answers to the outcome the core questions reached: which outcome wins,
// and which caveats and risks each answer adds. Outcome changes are judged against the core outcome;
// caveats and risks against the final one, so a risk about Go is not shown once Go is no longer chosen.
import type {
  Answers,
  EffectData,
  RefinementData,
  RefinementOptionData,
  RiskData,
  TreeData,
} from './types.js';

export interface AppliedEffect {
  refinement: RefinementData;
  option: RefinementOptionData;
  effect: EffectData;
  kind: 'caveat' | 'risk' | 'outcome';
  /** For outcome effects: whether this one took effect (the first matching change wins). */
  applied: boolean;
}

export interface Refined {
  outcome: string;
  /** The answered refinements, in tree order, each with what it did. */
  answered: { refinement: RefinementData; option: RefinementOptionData; effects: AppliedEffect[] }[];
  caveats: { refinement: RefinementData; option: RefinementOptionData; text: string }[];
  risks: { refinement: RefinementData; option: RefinementOptionData; risk: RiskData }[];
}

const matches = (effect: EffectData, outcome: string): boolean =>
  effect.when === undefined || effect.when.includes(outcome);

export function applyRefinements(tree: TreeData, coreOutcome: string, answers: Answers): Refined {
  const answered = (tree.refinements ?? []).flatMap((refinement) => {
    const option = refinement.options.find((o) => o.id === answers[refinement.id]);
    return option ? [{ refinement, option, effects: [] as AppliedEffect[] }] : [];
  });

  let outcome = coreOutcome;
  for (const a of answered) {
    for (const effect of a.option.effects) {
      if (effect.outcome === undefined || !matches(effect, coreOutcome)) continue;
      const applied = outcome === coreOutcome && effect.outcome !== coreOutcome;
      if (applied) outcome = effect.outcome;
      a.effects.push({ refinement: a.refinement, option: a.option, effect, kind: 'outcome', applied });
    }
  }

  const caveats: Refined['caveats'] = [];
  const risks: Refined['risks'] = [];
  for (const a of answered) {
    for (const effect of a.option.effects) {
      if (!matches(effect, outcome)) continue;
      if (effect.caveat !== undefined) {
        caveats.push({ refinement: a.refinement, option: a.option, text: effect.caveat });
        a.effects.push({ refinement: a.refinement, option: a.option, effect, kind: 'caveat', applied: true });
      }
      if (effect.risk !== undefined) {
        risks.push({ refinement: a.refinement, option: a.option, risk: effect.risk });
        a.effects.push({ refinement: a.refinement, option: a.option, effect, kind: 'risk', applied: true });
      }
    }
  }
  return { outcome, answered, caveats, risks };
}

/** The outcome after refinements, for a core outcome and a set of answers. */
export const refinedOutcome = (tree: TreeData, coreOutcome: string, answers: Answers): string =>
  applyRefinements(tree, coreOutcome, answers).outcome;
