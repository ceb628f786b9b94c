// The landing page: what the two halves of the product do and how to start with each.
import { Router } from 'express';
import type { TreeRegistry } from '../../decide/index.js';

export function homeRoutes(trees: TreeRegistry): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.render('home/index', { title: 'gonogo', trees: trees.list(), nav: 'home' });
  });
  return router;
}
