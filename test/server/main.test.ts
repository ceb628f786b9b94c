// The server entry point as a process: it logs its start as JSON, and SIGTERM drains and exits cleanly.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { describe, it } from 'node:test';
import { fromRoot } from '../../src/paths.js';

describe('server main', () => {
  it('starts, serves, and shuts down on SIGTERM with exit code 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fromRoot('src', 'server', 'main.ts')], {
      cwd: fromRoot(),
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Record<string, unknown>[] = [];
    let buffer = '';
    const started = new Promise<number>((resolve, reject) => {
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        buffer += chunk;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>;
          buffer = buffer.slice(nl + 1);
          lines.push(line);
          if (line.event === 'server_started') resolve(Number(line.port));
        }
      });
      child.on('exit', (code) => reject(new Error(`server exited early with ${code}`)));
    });
    const port = await started;
    const status = await new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/readyz', agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });
    assert.equal(status, 200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
    const events = lines.map((l) => l.event);
    assert.ok(events.includes('request'));
    assert.ok(events.includes('shutdown_started'));
    assert.ok(events.includes('shutdown_complete'));
  });
});
