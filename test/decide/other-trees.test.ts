// The transport and versioning trees load and evaluate along every path.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluate, loadTrees, type Answers } from '../../src/decide/index.js';

const registry = loadTrees();

const cases: [string, Answers, string][] = [
  ['service-transport', { consumers: 'external' }, 'http_json'],
  ['service-transport', { consumers: 'both' }, 'grpc_gateway'],
  ['service-transport', { consumers: 'internal', call_volume: 'high' }, 'grpc'],
  [
    'service-transport',
    { consumers: 'internal', call_volume: 'moderate', generated_contracts: 'yes' },
    'grpc',
  ],
  [
    'service-transport',
    { consumers: 'internal', call_volume: 'moderate', generated_contracts: 'no' },
    'http_json',
  ],
  ['api-versioning', { api_style: 'grpc' }, 'protobuf_package'],
  ['api-versioning', { api_style: 'http', audience: 'external' }, 'url_path'],
  ['api-versioning', { api_style: 'http', audience: 'internal', client_control: 'yes' }, 'header'],
  ['api-versioning', { api_style: 'http', audience: 'internal', client_control: 'no' }, 'url_path'],
];

describe('service-transport and api-versioning', () => {
  for (const [id, answers, outcome] of cases) {
    it(`${id}: ${JSON.stringify(answers)} → ${outcome}`, () => {
      const result = evaluate(registry.get(id)!, answers);
      assert.equal(result.outcome.id, outcome);
      assert.ok(result.path.every((s) => s.citations.every((c) => c.file === '001_5ce1d4d795934223.txt')));
      assert.ok(result.alternatives.length > 0);
      assert.equal(result.checklist, null);
    });
  }

  it('the header-versioning branch is flagged as an extension', () => {
    const result = evaluate(registry.get('api-versioning')!, {
      api_style: 'http',
      audience: 'internal',
      client_control: 'yes',
    });
    assert.deepEqual(
      result.extensions.map((e) => e.where),
      ['client_control=yes'],
    );
  });

  it('what-if on the transport tree: who calls the service is pivotal', () => {
    const result = evaluate(registry.get('service-transport')!, { consumers: 'external' });
    assert.equal(result.whatIf[0].pivotal, true);
    assert.deepEqual(
      result.whatIf[0].alternatives.map((a) => [a.answer.id, a.outcome, a.reachable]),
      [
        ['internal', null, ['http_json', 'grpc']],
        ['both', 'grpc_gateway', ['grpc_gateway']],
      ],
    );
  });
});
