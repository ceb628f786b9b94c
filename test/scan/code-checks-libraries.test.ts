// The library lists behind the code checks: the data file fits its schema, every group and list a
// check asks for exists, and import patterns match as documented.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assertValid } from '../../src/config/ajv.js';
import { DataError } from '../../src/config/errors.js';
import { importMatches, libraryData, libraryGroup, libraryList } from '../../src/scan/libraries.js';
import { fromRoot } from '../../src/paths.js';

const codeDir = fromRoot('src', 'scan', 'checks', 'code');
const sources = [
  ...readdirSync(codeDir).map((f) => readFileSync(path.join(codeDir, f), 'utf8')),
  readFileSync(fromRoot('src', 'scan', 'kinds.ts'), 'utf8'),
].join('\n');

describe('data/libraries.yaml', () => {
  it('loads and fits schemas/libraries.schema.json', () => {
    const data = libraryData();
    assert.equal(data.version, 1);
    assert.ok(Object.keys(data.groups).length > 20);
  });

  it('has every group and list the checks ask for, and no unused ones', () => {
    const groups = [...sources.matchAll(/libraryGroup\('([A-Za-z0-9]+)'\)/g)].map((m) => m[1]!);
    const lists = [...sources.matchAll(/libraryList\('([A-Za-z0-9]+)'\)/g)].map((m) => m[1]!);
    assert.ok(groups.length > 10 && lists.length > 5);
    for (const g of groups) assert.ok(libraryGroup(g).length > 0, g);
    for (const l of lists) assert.ok(libraryList(l).length > 0, l);
    const data = libraryData();
    assert.deepEqual(
      Object.keys(data.groups).filter((g) => !groups.includes(g)),
      [],
      'groups nobody reads',
    );
    assert.deepEqual(
      Object.keys(data.lists).filter((l) => !lists.includes(l)),
      [],
      'lists nobody reads',
    );
  });

  it('recognises the frameworks and libraries real services use', () => {
    const all = Object.values(libraryData().groups).flatMap((g) => g.libraries.flatMap((l) => l.imports));
    const covered = (p: string): boolean => all.some((pattern) => importMatches(p, [pattern]));
    for (const p of [
      'github.com/gin-gonic/gin',
      'github.com/labstack/echo/v4',
      'github.com/go-chi/chi/v5/middleware',
      'github.com/gofiber/fiber/v2',
      'google.golang.org/grpc',
      'github.com/zeromicro/go-zero/rest',
      'github.com/go-kratos/kratos/v2',
      'go.uber.org/zap',
      'github.com/rs/zerolog/log',
      'github.com/sirupsen/logrus',
      'log/slog',
      'github.com/hashicorp/go-hclog',
      'github.com/prometheus/client_golang/prometheus/promhttp',
      'github.com/DataDog/datadog-go/v5/statsd',
      'github.com/VictoriaMetrics/metrics',
      'go.opentelemetry.io/otel/sdk/trace',
      'github.com/opentracing/opentracing-go',
      'gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer',
      'github.com/getsentry/sentry-go',
      'github.com/bugsnag/bugsnag-go/v2',
      'golang.org/x/time/rate',
      'github.com/sony/gobreaker/v2',
    ]) {
      assert.ok(covered(p), p);
    }
  });
});

describe('importMatches', () => {
  it('matches a plain pattern exactly and a /... pattern with everything below it', () => {
    assert.ok(importMatches('log', ['log']));
    assert.ok(!importMatches('log/slog', ['log']));
    assert.ok(importMatches('go.uber.org/zap', ['go.uber.org/zap/...']));
    assert.ok(importMatches('go.uber.org/zap/zapcore', ['go.uber.org/zap/...']));
    assert.ok(!importMatches('go.uber.org/zapper', ['go.uber.org/zap/...']));
  });
});

describe('schemas/libraries.schema.json', () => {
  it('rejects an entry with an unknown key or a bad import pattern', () => {
    const bad = {
      version: 1,
      groups: {
        loggers: { description: 'x', libraries: [{ name: 'x', imports: ['has space'], colour: 'red' }] },
      },
      lists: {},
    };
    assert.throws(
      () => assertValid('libraries.schema.json', bad, 'bad.yaml'),
      (err: unknown) =>
        err instanceof DataError &&
        err.problems.some((p) => p.message.includes('unknown property "colour"')) &&
        err.problems.some((p) => p.path === '/groups/loggers/libraries/0/imports/0'),
    );
  });
});
