/** Per-article resource bounds (src/core/limits.ts) and the write registry the SIGINT handler uses. */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { ArticleBudget, DEFAULT_TIMEOUT_MS, LimitError, parseTimeoutMs, withArticleBudget } from '../../src/core/limits.js';
import { removeTempFiles, writeOutputs, writeProgress } from '../../src/report/write.js';

/** The one-line message the CLI would print for what `fn` throws. */
function formatted(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof InputError ? e.format() : `not an InputError: ${String(e)}`;
  }
  return 'did not throw';
}

/** A clock that advances `step` ms every time it is read: budgets count stages, not seconds. */
const ticking = (step: number) => {
  let t = 0;
  return () => (t += step);
};

describe('ArticleBudget', () => {
  it('lets stages through until the time is spent, then names the file, stage and limit', () => {
    const budget = new ArticleBudget('corpus/x.md', { timeoutMs: 250 }, ticking(100));
    budget.check('read'); // 100 ms
    budget.check('boilerplate'); // 200 ms
    let error: unknown;
    try {
      budget.check('nlp'); // 300 ms
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LimitError);
    expect(error).toBeInstanceOf(InputError);
    expect((error as LimitError).stage).toBe('nlp');
    expect((error as LimitError).format()).toBe(
      'corpus/x.md: article took too long to analyse: expected at most 250 ms per article, found 300 ms, still at stage "nlp" — fix: split the file into smaller articles, or raise the limit with --timeout-ms',
    );
  });

  it('defaults to 10 s and treats 0 as no limit', () => {
    expect(new ArticleBudget('a.txt').timeoutMs).toBe(DEFAULT_TIMEOUT_MS);
    expect(DEFAULT_TIMEOUT_MS).toBe(10_000);
    const unlimited = new ArticleBudget('a.txt', { timeoutMs: 0 }, ticking(1e9));
    for (let i = 0; i < 100; i++) unlimited.check(`stage ${i}`);
    expect(unlimited.timeoutMs).toBe(Infinity);
  });
});

describe('withArticleBudget', () => {
  it('returns the result when within budget, and checks once more at the end', () => {
    expect(withArticleBudget('a.txt', { timeoutMs: 1000 }, (b) => (b.check('one'), 42), ticking(100))).toBe(42);
    expect(formatted(() => withArticleBudget('a.txt', { timeoutMs: 150 }, (b) => (b.check('one'), 42), ticking(100)))).toMatch(
      /^a\.txt: article took too long to analyse: expected at most 150 ms per article, found 200 ms, still at stage "done"/,
    );
  });

  it('turns a stack overflow inside one article into a LimitError naming the file and stage', () => {
    const deep = (n: number): number => (n === 0 ? 0 : 1 + deep(n - 1));
    let error: unknown;
    try {
      withArticleBudget('deep.html', {}, (b) => {
        b.check('html');
        return deep(1e7);
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LimitError);
    expect((error as LimitError).limit).toBe('stack');
    expect((error as LimitError).format()).toMatch(
      /^deep\.html: article is too complex to analyse: expected text the analyses can walk without exhausting the call stack, found too deeply nested structure after stage "html"/,
    );
  });

  it('passes other errors through unchanged', () => {
    const boom = new TypeError('boom');
    expect(() =>
      withArticleBudget('a.txt', {}, () => {
        throw boom;
      }),
    ).toThrow(boom);
  });
});

describe('parseTimeoutMs', () => {
  it.each([
    ['10000', 10000],
    [' 1 ', 1],
  ])('accepts %j', (v, n) => expect(parseTimeoutMs(v)).toBe(n));
  it.each(['0', '-5', '1.5', 'ten', '', '1e3'])('rejects %j with a one-line message', (v) => {
    expect(() => parseTimeoutMs(v)).toThrow(InputError);
    try {
      parseTimeoutMs(v);
    } catch (e) {
      expect((e as InputError).format()).toBe(
        `bad --timeout-ms: expected a positive whole number of milliseconds, e.g. 10000, found ${JSON.stringify(v)} — fix: omit the option for the default (10000 ms)`,
      );
    }
  });
});

describe('write registry (used by the SIGINT handler)', () => {
  it('records completed writes and leaves no temporaries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-reg-'));
    const before = writeProgress();
    writeOutputs([
      { path: join(dir, 'a.json'), content: '{"schema":"parallax/report@1"}\n' },
      { path: join(dir, 'b.md'), content: '<!-- parallax/report -->\n' },
    ]);
    const after = writeProgress();
    expect(after.written.slice(before.written.length)).toEqual([join(dir, 'a.json'), join(dir, 'b.md')]);
    expect(after.planned - before.planned).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.md']);
    expect(removeTempFiles()).toBe(0);
  });

  it('removes the temporaries of a failed write set and keeps earlier files whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-reg-'));
    writeFileSync(join(dir, 'file'), 'not a directory');
    expect(
      formatted(() =>
        writeOutputs([
          { path: join(dir, 'ok.json'), content: 'parallax/report' },
          { path: join(dir, 'file', 'x.json'), content: 'parallax/report' },
        ]),
      ),
    ).toBe(
      `${join(dir, 'file', 'x.json')}: cannot write output: expected a writable location, found a file where a directory should be — fix: choose a path in a directory you can write to (e.g. --out reports/)`,
    );
    expect(readdirSync(dir).sort()).toEqual(['file']);
    expect(existsSync(join(dir, 'ok.json'))).toBe(false);
  });
});
