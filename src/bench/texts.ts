/**
 * The bench's article texts: real news text from the shared development datasets when they are
 * there (BASIL dev articles rendered as title + paragraphs, PolNeAR train + dev texts), otherwise
 * the bundled corpus varied deterministically (seeded sentence shuffles and outlet/name
 * substitutions). Datasets are read by path at bench time and never copied into the repository;
 * the texts are written to a temporary folder so the pipeline reads real files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PACKAGE_ROOT } from '../core/version.js';
import { seededRandom } from '../core/random.js';

/** One bench article before it is written to disk. */
export interface BenchText {
  /** File name (unique, sortable), e.g. `0042-basil-nyt.txt`. */
  name: string;
  /** Where it came from: `basil`, `polnear`, `corpus`, or `<source>+variant`. */
  source: string;
  /** Story key: articles sharing it report the same story (BASIL triplet), else unique. */
  story: string;
  text: string;
}

/** Which texts were used, for the report. */
export interface TextSource {
  kind: 'datasets' | 'bundled-corpus';
  /** Human-readable description for the report. */
  description: string;
  /** Folder the datasets were read from (when kind is `datasets`). */
  datasets?: string;
  /** Number of distinct real articles before variation. */
  distinct: number;
}

/** The datasets folder: `$PARALLAX_DATASETS` or `../shared/datasets` beside the repository. */
export function datasetsDir(repoRoot: string = PACKAGE_ROOT): string {
  return process.env['PARALLAX_DATASETS'] ?? resolve(repoRoot, '../shared/datasets');
}

/** Fisher–Yates shuffle with the given PRNG (returns a new array). */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function walk(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, ext));
    else if (e.name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** A BASIL article rendered as the evaluation does: title, blank line, paragraphs, final newline. */
export function renderBasil(json: { title?: string; 'body-paragraphs'?: string[][] }): string {
  const paragraphs = (json['body-paragraphs'] ?? []).map((p) => p.join(' ').trim()).filter((p) => p.length > 0);
  return `${[(json.title ?? '').trim(), ...paragraphs].join('\n\n')}\n`;
}

function loadDatasets(dir: string): { basil: BenchText[]; polnear: BenchText[] } {
  const basil: BenchText[] = [];
  for (const file of walk(join(dir, 'basil-dev', 'articles'), '.json')) {
    const json = JSON.parse(readFileSync(file, 'utf8')) as { title?: string; source?: string; 'triplet-uuid'?: string; 'body-paragraphs'?: string[][] };
    const text = renderBasil(json);
    if (text.trim().length === 0) continue;
    const outlet = (json.source ?? 'unknown').toLowerCase();
    basil.push({ name: '', source: `basil-${outlet}`, story: `basil:${json['triplet-uuid'] ?? file}`, text });
  }
  const polnear: BenchText[] = [];
  for (const split of ['dev', 'train']) {
    for (const file of walk(join(dir, 'polnear', split, 'text'), '.txt')) {
      const text = readFileSync(file, 'utf8');
      if (text.trim().length === 0) continue;
      polnear.push({ name: '', source: 'polnear', story: `polnear:${file}`, text });
    }
  }
  return { basil, polnear };
}

/** Names swapped in bundled-corpus variants (one pass, so a substitute is never swapped again). */
const SUBSTITUTIONS: Readonly<Record<string, readonly string[]>> = {
  Russia: ['Russia', 'Turkey', 'China', 'France'],
  Russian: ['Russian', 'Turkish', 'Chinese', 'French'],
  'Burkina Faso': ['Burkina Faso', 'Mali', 'Chad', 'Benin'],
  Lavrov: ['Lavrov', 'Fidan', 'Wang', 'Barrot'],
  Niger: ['Niger', 'Guinea', 'Senegal', 'Togo'],
};
const SUBSTITUTION_RE = /\b(Russian|Russia|Burkina Faso|Lavrov|Niger)\b/g;

/** Body of a markdown/txt file without YAML front matter. */
function stripFrontMatter(text: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/**
 * A deterministic variant of `text`: sentences shuffled inside each paragraph (paragraphs kept in
 * order, the first line kept as the title), and, for the bundled corpus, names substituted.
 */
export function varyText(text: string, seed: number, substitute: boolean): string {
  const random = seededRandom(seed);
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const out = paragraphs.map((p, i) => {
    if (i === 0) return p;
    const sentences = p
      .match(/[^.!?]+(?:[.!?]+["”’)]*\s*|$)/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [p];
    return sentences.length > 1 ? shuffle(sentences, random).join(' ') : p;
  });
  let varied = out.join('\n\n');
  if (substitute) {
    const chosen = new Map(Object.entries(SUBSTITUTIONS).map(([k, names]) => [k, names[Math.floor(random() * names.length)]!]));
    varied = varied.replace(SUBSTITUTION_RE, (m) => chosen.get(m) ?? m);
  }
  return varied.endsWith('\n') ? varied : `${varied}\n`;
}

/**
 * `count` bench texts in a fixed order (a seeded interleaving, so every prefix mixes sources):
 * real articles first, then deterministic variants of them when more are needed.
 */
export function benchTexts(count: number, repoRoot: string = PACKAGE_ROOT): { texts: BenchText[]; source: TextSource } {
  const dir = datasetsDir(repoRoot);
  const { basil, polnear } = loadDatasets(dir);
  let base: BenchText[];
  let source: TextSource;
  let substitute = false;
  if (basil.length + polnear.length > 0) {
    base = shuffle([...basil, ...polnear], seededRandom(20240605));
    source = {
      kind: 'datasets',
      datasets: dir,
      distinct: base.length,
      description: `real news text from ${dir}: ${basil.length} BASIL dev articles (title + paragraphs) and ${polnear.length} PolNeAR train/dev texts${
        count > base.length ? `; beyond ${base.length}, seeded sentence-shuffled variants of them` : ''
      }`,
    };
  } else {
    const corpusDir = join(repoRoot, 'corpus');
    base = walk(corpusDir, '.md').map((f) => ({ name: '', source: 'corpus', story: 'corpus', text: stripFrontMatter(readFileSync(f, 'utf8')) }));
    substitute = true;
    source = {
      kind: 'bundled-corpus',
      distinct: base.length,
      description: `datasets not found at ${dir} (set PARALLAX_DATASETS); the ${base.length} bundled corpus articles varied deterministically (seeded sentence shuffles, outlet/name substitutions)`,
    };
  }
  if (base.length === 0) throw new Error('no bench texts: neither datasets nor corpus/*.md found');
  const texts: BenchText[] = [];
  for (let i = 0; i < count; i++) {
    const round = Math.floor(i / base.length);
    const b = base[i % base.length]!;
    const text = round === 0 ? b.text : varyText(b.text, 1000 + i, substitute);
    const tag = round === 0 ? b.source : `${b.source}+variant`;
    const story = round === 0 ? b.story : `${b.story}#${round}`;
    texts.push({ name: `${String(i).padStart(5, '0')}-${tag.replace(/[^a-z0-9+]+/gi, '-')}.txt`, source: tag, story, text });
  }
  return { texts, source };
}

/** Writes the texts as `.txt` files into `dir` (created) and returns their paths in order. */
export function writeTexts(texts: readonly BenchText[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return texts.map((t) => {
    const p = join(dir, t.name);
    writeFileSync(p, t.text);
    return p;
  });
}
