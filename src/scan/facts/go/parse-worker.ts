// Worker thread body: loads the Go grammar once, then parses batches of files it reads itself and posts
// their facts back as plain objects. A file that cannot be read or parsed is reported, never fatal.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { parseWithGrammar } from './parse-go.js';
import { loadGoGrammar } from './parser.js';
import type { ParseBatch, ParseBatchResult } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('parse-worker must run in a worker thread');

const grammar = await loadGoGrammar();

port.on('message', (batch: ParseBatch) => {
  const results: ParseBatchResult['results'] = batch.files.map((file) => {
    try {
      const source = readFileSync(path.join(batch.root, ...file.path.split('/')), 'utf8');
      return { ok: true, facts: parseWithGrammar(grammar, file.path, source, file.size) };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  });
  const reply: ParseBatchResult = { batch: batch.batch, results };
  port.postMessage(reply);
});

port.postMessage('ready');
