// The decision engine's public surface: load trees, check answers, evaluate, and export an ADR.
export { loadTree, loadTrees, summarizeTree } from './load-trees.js';
export { checkTree } from './check-tree.js';
export { validateAnswers } from './validate-answers.js';
export { evaluate, AnswersError } from './walk.js';
export { whatIf } from './what-if.js';
export {
  renderAdr,
  adrFileName,
  ADR_TEMPLATES,
  type AdrMeta,
  type AdrTemplate,
  type RenderedAdr,
} from './render-adr.js';
export { parseAnswersDocument, type AnswersDocument } from './answers-document.js';
export { sourceDocuments, type SourceDocument } from './sources.js';
export { confirmationCommand } from './checklist-ref.js';
export * from './types.js';
