/**
 * The compiled JSON copies of the YAML data files read at start-up (core/yaml-copy.ts) match the
 * YAML, the source of truth, and are what gets read.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileYamlCopy, copyPathOf, readYamlData, yamlCopies } from '../../src/core/yaml-copy.js';
import { loadParaphrases, parseParaphrases, PARAPHRASES_FILE } from '../../src/align/paraphrases.js';

describe('compiled YAML copies', () => {
  it.each(yamlCopies().map((f) => [basename(f), f]))('%s: the JSON copy is up to date (else run: npm run lexicons)', (_, file) => {
    expect(readFileSync(copyPathOf(file), 'utf8')).toBe(compileYamlCopy(file));
    expect(readYamlData(file).data).toEqual(parse(readFileSync(file, 'utf8')));
  });

  it('the paraphrase table read through the copy equals the one parsed from the YAML', () => {
    expect(loadParaphrases()).toEqual(parseParaphrases(readFileSync(PARAPHRASES_FILE, 'utf8')));
  });
});
