// The JSON API used by integrations: list and read trees, evaluate answers, export an ADR.
// Bodies are checked against schemas/ before anything else looks at them.
import { Router } from 'express';
import type { Answers, TreeRegistry } from '../../decide/index.js';
import { problemsFrom, validatorFor } from '../../config/ajv.js';
import {
  adrFor,
  attachment,
  evaluateOrReject,
  publicTree,
  requireTree,
  type AdrTemplate,
} from '../decisions.js';
import { HttpError } from '../http-error.js';
import { jsonBody } from '../middleware/body-parsers.js';
import { adrMetaFromJson, type AdrMetaJson } from '../adr-meta.js';

interface EvaluateRequest {
  answers: Answers;
}

interface AdrRequest {
  answers: Answers;
  template?: AdrTemplate;
  meta?: AdrMetaJson;
}

function checkBody<T>(schema: string, body: unknown): T {
  const validate = validatorFor(schema);
  if (!validate(body)) {
    throw HttpError.badRequest('request body does not match the schema', problemsFrom(validate.errors));
  }
  return body as T;
}

export function apiRoutes(trees: TreeRegistry, bodyLimit: string): Router {
  const router = Router();
  router.use(jsonBody(bodyLimit));

  router.get('/trees', (_req, res) => {
    res.json({ trees: trees.list() });
  });

  router.get('/trees/:id', (req, res) => {
    res.json(publicTree(requireTree(trees, req.params.id)));
  });

  router.post('/trees/:id/evaluate', (req, res) => {
    const tree = requireTree(trees, req.params.id);
    const body = checkBody<EvaluateRequest>('evaluate-request.schema.json', req.body ?? {});
    res.json(evaluateOrReject(tree, body.answers));
  });

  router.post('/trees/:id/adr', (req, res) => {
    const tree = requireTree(trees, req.params.id);
    const body = checkBody<AdrRequest>('adr-request.schema.json', req.body ?? {});
    const result = evaluateOrReject(tree, body.answers);
    const adr = adrFor(result, adrMetaFromJson(body.meta ?? {}), body.template ?? 'madr');
    res
      .type('text/markdown; charset=utf-8')
      .set('Content-Disposition', attachment(adr.fileName))
      .send(adr.markdown);
  });

  // Unknown API paths answer JSON here rather than falling through to the HTML pages.
  router.use((req, _res, next) => next(HttpError.notFound(`${req.method} /api${req.path}`)));
  return router;
}
