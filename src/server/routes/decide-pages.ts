// The decision assistant's pages: the list of trees, the questionnaire (a plain form that works without
// JavaScript), the result, and the ADR download as a plain GET link.
import { Router, type Response } from 'express';
import { validateAnswers } from '../../decide/index.js';
import type { Tree, TreeRegistry } from '../../decide/index.js';
import { problemsFrom, validatorFor } from '../../config/ajv.js';
import { adrMetaFromJson, adrMetaJsonFromFields, firstString, type AdrMetaJson } from '../adr-meta.js';
import { answersFromFields, clientGraph, formQuestions } from '../decide-form.js';
import { resultPage } from '../decide-result.js';
import { adrFor, attachment, evaluateOrReject, requireTree, type AdrTemplate } from '../decisions.js';
import { HttpError } from '../http-error.js';
import { formBody } from '../middleware/body-parsers.js';
import { jsonForScript } from '../views.js';

export function decidePageRoutes(trees: TreeRegistry, bodyLimit: string): Router {
  const router = Router();

  router.get('/', (_req, res) => {
    res.render('decide/list', { title: 'Decision trees', nav: 'decide', trees: trees.list() });
  });

  router.get('/:tree', (req, res) => {
    const tree = requireTree(trees, req.params.tree);
    // Answers in the query pre-fill the form, so "change answers" links from a result keep them.
    renderForm(res, tree, answersFromFields(tree, req.query), []);
  });

  router.post('/:tree', formBody(bodyLimit), (req, res) => {
    answerForm(res, requireTree(trees, String(req.params.tree)), (req.body ?? {}) as Record<string, unknown>);
  });

  router.get('/:tree/result', (req, res) => {
    answerForm(res, requireTree(trees, req.params.tree), req.query);
  });

  router.get('/:tree/adr', (req, res) => {
    const tree = requireTree(trees, req.params.tree);
    const fields = req.query;
    const request = {
      answers: answersFromFields(tree, fields),
      template: firstString(fields.template) || 'madr',
      meta: adrMetaJsonFromFields(fields),
    };
    const validate = validatorFor('adr-request.schema.json');
    if (!validate(request)) {
      throw HttpError.badRequest('the ADR request is not valid', problemsFrom(validate.errors));
    }
    const result = evaluateOrReject(tree, request.answers);
    const adr = adrFor(result, adrMetaFromJson(request.meta as AdrMetaJson), request.template as AdrTemplate);
    res
      .type('text/markdown; charset=utf-8')
      .set('Content-Disposition', attachment(adr.fileName))
      .send(adr.markdown);
  });

  return router;
}

function answerForm(res: Response, tree: Tree, fields: Record<string, unknown>): void {
  const answers = answersFromFields(tree, fields);
  const check = validateAnswers(tree, answers);
  if (check.errors.length > 0) {
    res.status(400);
    renderForm(res, tree, answers, check.errors);
    return;
  }
  const result = evaluateOrReject(tree, answers);
  res.render('decide/result', {
    title: `${result.outcome.title} — ${tree.title}`,
    nav: 'decide',
    tree: { id: tree.id, title: tree.title },
    scripts: ['/decide.js'],
    ...resultPage(tree, result, answers),
  });
}

function renderForm(
  res: Response,
  tree: Tree,
  answers: Record<string, string>,
  errors: ReturnType<typeof validateAnswers>['errors'],
): void {
  const questions = formQuestions(tree, answers, errors);
  res.render('decide/form', {
    title: tree.title,
    nav: 'decide',
    tree: { id: tree.id, title: tree.title, description: tree.description, problem: tree.problem },
    core: questions.filter((q) => !q.refinement),
    refinements: questions.filter((q) => q.refinement),
    errors: errors.map((e) => ({ ...e, href: `#q-${e.question}` })),
    graph: jsonForScript(clientGraph(tree)),
    scripts: ['/decide.js'],
  });
}
