// The CLI's shared helpers: `q=v` flags and the numbered prompt (driven by scripted input, no TTY needed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { askChoice, CliError, parseAnswerFlags, splitList } from '../../src/cli/io.js';

/** An `ask` that replays `inputs` and records the prompts it was given. */
function scripted(inputs: string[]) {
  const prompts: string[] = [];
  const output: string[] = [];
  return {
    prompts,
    output,
    ask: (prompt: string) => {
      prompts.push(prompt);
      const next = inputs.shift();
      if (next === undefined) throw new Error('asked more often than scripted');
      return Promise.resolve(next);
    },
    write: (text: string) => void output.push(text),
  };
}

const choices = [
  { id: 'small', label: '1–5 developers' },
  { id: 'medium', label: '6–49 developers' },
  { id: 'large', label: '50 or more developers' },
];

describe('askChoice', () => {
  it('shows the options numbered and accepts a number', async () => {
    const io = scripted(['2']);
    const answer = await askChoice({ question: 'Team size?', choices }, io.ask, io.write);
    assert.equal(answer, 'medium');
    assert.match(io.output.join(''), /1\) 1–5 developers \[small\]\n {2}2\) 6–49 developers \[medium\]/);
    assert.deepEqual(io.prompts, ['Choose 1-3: ']);
  });

  it('accepts an option id', async () => {
    const io = scripted(['large']);
    assert.equal(await askChoice({ question: 'Team size?', choices }, io.ask, io.write), 'large');
  });

  it('asks again after bad input, saying what is allowed', async () => {
    const io = scripted(['0', 'huge', '', '3']);
    const answer = await askChoice({ question: 'Team size?', choices }, io.ask, io.write);
    assert.equal(answer, 'large');
    assert.equal(io.prompts.length, 4);
    assert.match(io.output.join(''), /"huge" is not one of the choices; type a number from 1-3/);
  });

  it('lets an optional question be skipped with an empty answer', async () => {
    const io = scripted(['']);
    const answer = await askChoice({ question: 'Workload?', choices, optional: true }, io.ask, io.write);
    assert.equal(answer, undefined);
    assert.match(io.prompts[0]!, /press Enter to skip/);
  });
});

describe('parseAnswerFlags', () => {
  it('reads question=option pairs; the last one for a question wins', () => {
    assert.deepEqual(parseAnswerFlags(['a=b', 'c = d', 'a=e']), { a: 'e', c: 'd' });
  });

  it('rejects values without a question or an option', () => {
    for (const bad of ['a', '=b', 'a=', '']) {
      assert.throws(() => parseAnswerFlags([bad]), CliError, bad);
    }
  });
});

describe('splitList', () => {
  it('splits on commas and drops blanks', () => {
    assert.deepEqual(splitList(' Ana, Bo ,,Cy '), ['Ana', 'Bo', 'Cy']);
  });
});
