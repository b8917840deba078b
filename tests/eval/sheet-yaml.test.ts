/**
 * Audit sheets are read by other tools too (a researcher's Python, a YAML linter): the text written
 * must be YAML that any reader accepts. Mis-decoded article text holds C1 control characters
 * (PolNeAR's "RaÃ\u0083Â\u0083l Grijalva"), which the yaml package writes raw inside double quotes,
 * and YAML does not allow them raw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sheetYaml } from '../../src/eval/audit.js';

const C1 = /[\u0080-\u0084\u0086-\u009f]/;
const AUDIT = resolve(__dirname, '..', 'fixtures', 'audit');

describe('audit sheet YAML', () => {
  it('escapes C1 control characters and reads back the same text', () => {
    const value = { items: [{ context: 'the endorsement of Rep. Ra\u00c3\u0083\u00c2\u0083l Grijalva (D-Ariz.)', why: null }] };
    const text = sheetYaml(value);
    expect(C1.test(text)).toBe(false);
    expect(text).toContain('Ra\u00c3\\x83\u00c2\\x83l Grijalva');
    expect(parse(text)).toEqual(value);
  });

  it('leaves text without control characters as the yaml package writes it', () => {
    const value = { context: 'He said: “It’s over” — and left.', n: 3 };
    expect(sheetYaml(value)).toBe('context: "He said: “It’s over” — and left."\nn: 3\n');
  });

  it('no committed sheet holds a raw C1 control character', () => {
    const bad = readdirSync(AUDIT)
      .filter((f) => f.endsWith('.yml'))
      .filter((f) => C1.test(readFileSync(join(AUDIT, f), 'utf8')));
    expect(bad).toEqual([]);
  });
});
