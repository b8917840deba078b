/**
 * `npm run calibrate`: writes lexicons/calibration.yml, the measured precision of every rule,
 * lexicon entry and pooled group, that findings take their confidence from (README "Confidence").
 *
 * Judged data, **tuning halves only** (../shared/datasets/README.md):
 * - loaded: judged audit sheets only (the gold overlap — BASIL 2010–2012, right when a finding
 *   overlaps a lexical or informational bias span; BABE odd rows, right when it overlaps a biased
 *   word — is printed per category beside it but not used: a lower bound that does not rank entries
 *   as a reader does). A loaded category needs MIN_JUDGED_CATEGORY read cases for a record;
 * - unsourced: judged audit sheets only (the PolNeAR train proxy — right when the flagged sentence
 *   holds no gold attribution fragment and no Discard span — is printed beside it but not used: it
 *   counts every sentence holding an attribution fragment as wrong, whatever else it claims);
 * - attribution: PolNeAR train (right when it matches a gold relation: cue and source overlap);
 * - plus every judged audit sheet in tests/fixtures/audit/ whose `data` is a tuning half
 *   (`basil-tune`, `polnear-train`, `babe-odd`): right counts as correct, wrong and partly as wrong.
 *   Unsourced and loaded items are re-run: a judged sentence the current rules no longer flag is left out, and
 *   one they flag for another reason counts under its current reason.
 *
 * A key gets a record when at least MIN_JUDGED findings were judged; pooled keys (loaded/<category>,
 * loaded, unsourced/<reason>, unsourced, attribution) are written whenever they have one case.
 * Attribution and loaded findings count toward the first of their keys that has enough cases among
 * the findings no more specific key took (`Tallies.settle`): a pool measures what falls back to it.
 * `--out FILE` writes elsewhere (default lexicons/calibration.yml); `--date YYYY-MM-DD` fixes the date.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify, parse } from 'yaml';
import type { FindingDraft, Span } from '../core/types.js';
import { PACKAGE_ROOT } from '../core/version.js';
import { calibrationKeys } from '../analyses/confidence.js';
import { loadLexicons } from '../lexicons/index.js';
import { analyseArticle, prepareArticle } from '../pipeline.js';
import { polnearDocs, proxySpans, words } from './attribution.js';
import { auditArticlePath, auditFindings, currentVerdict, judgedFinding } from './audit.js';
import { analyseBabe, analyseBasil, babeHit, babeItems, basilHit, basilTexts } from './markers.js';
import { DATASETS } from './datasets.js';

/** Fewest judged findings for a rule or entry of its own; with fewer it falls back to its pool. */
export const MIN_JUDGED = 10;
/** Fewest read cases for a loaded category's pool (`loaded/<category>`); with fewer its findings take `loaded`'s: one lucky case is no precision. */
export const MIN_JUDGED_CATEGORY = 5;
/** Fewest judged findings for an attribution pattern with its reporting verb (`attribution/<pattern>:<entry>`): many keys, few cases each. */
export const MIN_JUDGED_ENTRY = 30;
const minJudged = (key: string): number =>
  /^attribution\/[^:]+:(?!neutral$|non-neutral$|non-speech$)/.test(key) ? MIN_JUDGED_ENTRY : /^loaded\//.test(key) ? MIN_JUDGED_CATEGORY : MIN_JUDGED;

/** Audit-sheet data names that are tuning halves (only these feed the calibration). */
export const TUNING_DATA = new Set(['basil-tune', 'polnear-train', 'babe-odd']);

interface Tally {
  judged: number;
  correct: number;
  data: Set<string>;
}

export class Tallies {
  readonly byKey = new Map<string, Tally>();
  /** Attribution and loaded findings, held back until `settle`: a key is tallied only over the findings that fall back to it. */
  private readonly held: { keys: string[]; right: boolean; data: string }[] = [];
  private bump(key: string, right: boolean, data: string): void {
    let t = this.byKey.get(key);
    if (!t) this.byKey.set(key, (t = { judged: 0, correct: 0, data: new Set() }));
    t.judged++;
    if (right) t.correct++;
    t.data.add(data);
  }
  add(f: FindingDraft | { kind: string; rule: string; [k: string]: unknown }, right: boolean, data: string): void {
    const keys = calibrationKeys(f as FindingDraft);
    if (f.kind === 'attribution' || f.kind === 'loaded') this.held.push({ keys, right, data });
    else for (const key of keys) this.bump(key, right, data);
  }
  /**
   * Attribution and loaded keys, most specific first: each finding counts toward the first of its keys that
   * has enough judged findings *among those that have not already got a record of their own*. So
   * `loaded` measures only the categories too thin for a `loaded/<category>` record (draws of one
   * category do not lift it), and `loaded/<category>` the entries without a record of their own. So
   * `attribution/<pattern>:neutral` measures the pattern's verbs too rare for a record of their own
   * (rare verbs are where ordinary verbs are misread as cues), not a mix dominated by "said"; and
   * `attribution` measures what no pattern record covers.
   * Settled key by key, not by position in the key lists: a key is decided once every key that comes before it in some
   * finding's list is decided, over all the findings that reach it (none of their earlier keys took them), whichever
   * place it has in their lists. So a key split for some of its findings (`…:neutral:that` before `…:neutral`) is not
   * thinned: the findings of the split key that falls short of its minimum count with the unsplit ones. A finding no key
   * takes counts toward its last key (the pool).
   */
  settle(): void {
    const open = this.held.splice(0);
    const before = new Map<string, Set<string>>();
    const reaching = new Map<string, { x: (typeof open)[number]; at: number }[]>();
    for (const x of open) {
      x.keys.forEach((k, at) => {
        let prior = before.get(k);
        if (!prior) before.set(k, (prior = new Set()));
        for (const p of x.keys.slice(0, at)) prior.add(p);
        let r = reaching.get(k);
        if (!r) reaching.set(k, (r = []));
        r.push({ x, at });
      });
    }
    /** Decided keys: true when the key takes the findings that reach it. */
    const takes = new Map<string, boolean>();
    for (let changed = true; changed;) {
      changed = false;
      for (const [k, prior] of before) {
        if (takes.has(k) || [...prior].some((p) => !takes.has(p))) continue;
        const n = reaching.get(k)!.filter(({ x, at }) => !x.keys.slice(0, at).some((p) => takes.get(p))).length;
        takes.set(k, n >= minJudged(k));
        changed = true;
      }
    }
    if (takes.size < before.size) throw new Error('calibrate: calibration keys in no consistent order (a key both before and after another)');
    for (const x of open) {
      const k = x.keys.find((key) => takes.get(key)) ?? x.keys[x.keys.length - 1];
      if (k !== undefined) this.bump(k, x.right, x.data);
    }
  }
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
/** Keys whose precision is judged by reading only: unsourced reasons and loaded entries, rules and categories. */
const isRead = (key: string) => /^(unsourced|loaded|lexicon:|rule:)/.test(key);
const needsCases = (key: string) => /^loaded\//.test(key);
const isPool = (key: string) => /^(loaded|unsourced|attribution)(\/[^:]*)?$/.test(key) && !key.startsWith('attribution/lexicon:');

function loadedFromGold(datasets: string, t: Tallies, tmp: string): void {
  const lexicons = loadLexicons();
  const basil = basilTexts(datasets);
  if (basil) {
    for (const text of basil.filter((x) => x.half === 'tune')) {
      for (const f of analyseBasil(text, lexicons, tmp)) t.add(f, basilHit(text, f), 'BASIL 2010–2012 gold spans');
    }
  }
  const babe = babeItems(datasets);
  if (babe) {
    for (const r of analyseBabe(
      babe.filter((i) => i.half === 'tune'),
      lexicons,
      tmp,
    )) {
      for (const f of r.findings) t.add(f, babeHit(r, f), 'BABE odd rows biased words');
    }
  }
}

function polnearTrain(datasets: string, t: Tallies): void {
  const dir = join(datasets, 'polnear', 'train');
  if (!existsSync(dir)) return;
  const lexicons = loadLexicons();
  for (const { path, text, gold } of polnearDocs(dir)) {
    const { fragments, discard } = proxySpans(gold);
    const article = prepareArticle(path);
    article.id = 'a1';
    for (const f of analyseArticle(article, lexicons)) {
      if (f.kind === 'unsourced') {
        t.add(f, !fragments.some((g) => overlaps(f, g)) && !discard.some((g) => overlaps(f, g)), 'PolNeAR train unsourced proxy');
      } else if (f.kind === 'attribution') {
        const right = gold.relations.some(
          (r) =>
            r.cue !== null &&
            r.cue.some((c) => overlaps(f.cue, c)) &&
            (r.source === null || (f.source !== null && r.source.some((s) => overlaps(f.source!, s)))) &&
            contentAgrees(text, f.content, r.content, [f.cue, f.source]),
        );
        t.add(f, right, 'PolNeAR train gold relations (cue, source and content)');
      }
    }
  }
}

/** Fewest share of the finding's content words inside the gold content (its content does not run on into other text). */
export const CONTENT_PRECISION = Number(process.env['PARALLAX_CONTENT_PRECISION'] ?? 0.8);
/** Fewest share of the gold content's words the finding's content covers (PolNeAR content often runs over several sentences, so this is low). */
export const CONTENT_RECALL = Number(process.env['PARALLAX_CONTENT_RECALL'] ?? 0.2);

/**
 * True when a finding's content agrees with a gold relation's, as a careful reader judges it: it
 * does not run on into other text (at least CONTENT_PRECISION of its words are gold content words)
 * and holds some of what was said (at least CONTENT_RECALL of the gold content's words). A finding
 * with no content (a refusal, "X declined to comment") claims none and agrees.
 */
export function contentAgrees(text: string, content: Span | null, gold: readonly Span[], own: readonly (Span | null)[] = []): boolean {
  if (!content) return true;
  const g = words(text, gold);
  const c = words(text, [content]);
  // The finding's own source and cue inside its content (a quotation split by them: "“For me,” he said, “…”") are
  // neither right nor wrong content, as in the content-token score of npm run eval.
  for (const w of words(
    text,
    own.filter((x): x is Span => x !== null),
  ))
    c.delete(w);
  if (c.size === 0 || g.size === 0) return c.size === 0;
  let both = 0;
  for (const x of c) if (g.has(x)) both++;
  return both / c.size >= CONTENT_PRECISION && both / g.size >= CONTENT_RECALL;
}

/** An audit sheet as committed (see src/eval/audit.ts). */
export interface AuditSheet {
  kind: string;
  data: string;
  items: {
    article?: string;
    finding: { kind: string; rule: string; [k: string]: unknown };
    verdict?: string | null;
    /** An unsourced item judged again for the reason the rules give it now (see currentVerdict). */
    rejudged?: { reason?: unknown; verdict?: unknown; why?: unknown };
  }[];
}

/** Judged audit sheets in `dir`, with their file names. */
export function readAuditSheets(dir: string): { file: string; sheet: AuditSheet }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((file) => ({ file, sheet: parse(readFileSync(join(dir, file), 'utf8')) as AuditSheet }));
}

/**
 * Judged audit sheets of the tuning halves: loaded and unsourced items into `t` (their reading
 * tallies), attribution items into `gold`, beside the PolNeAR train judgements, so that they settle
 * with them: a judged "X said" quotation counts toward `quote-then-said:say`, not toward the rarer
 * verbs' `quote-then-said:neutral` as when the sheets settled apart (too few per verb there).
 */
function fromAudits(dir: string, t: Tallies, tmp: string, gold: Tallies = t): void {
  const lexicons = loadLexicons();
  const current = new Map<string, FindingDraft[]>();
  // A loaded finding drawn again by a later sheet (small populations are drawn over and over) is one
  // judged case, not several: it counts once, right only when every reading of it was right.
  const loadedReadings = new Map<string, { finding: FindingDraft; right: boolean; data: Set<string> }>();
  for (const { file, sheet } of readAuditSheets(dir)) {
    if (!TUNING_DATA.has(sheet.data)) continue;
    for (const item of sheet.items) {
      if (item.verdict !== 'right' && item.verdict !== 'wrong' && item.verdict !== 'partly') continue;
      let finding: AuditSheet['items'][number]['finding'] | FindingDraft = item.finding;
      if ((sheet.kind === 'unsourced' || sheet.kind === 'loaded') && item.article) {
        // The sentence as the current rules see it: a judged sentence they no longer flag has no
        // confidence to give, and one they flag for another reason counts under that reason. The
        // sheet's items are a uniform draw from the findings of the rules it was drawn with, so
        // those still flagged are a uniform draw from what the current rules flag of them.
        // Loaded items likewise: one the current rules no longer find (a word now read as reported
        // speech, a sense now told apart) is left out; the same span counts as judged, whatever entry
        // makes it now (judgedFinding: an entry split or renamed keeps its judged cases).
        let fs = current.get(item.article);
        if (!fs)
          current.set(
            item.article,
            (fs = auditFindings(auditArticlePath(item.article, tmp), lexicons).findings.filter((f) => f.kind === 'unsourced' || f.kind === 'loaded')),
          );
        const now = judgedFinding(fs, { kind: sheet.kind, start: Number(item.finding['start']), end: Number(item.finding['end']), rule: item.finding.rule });
        if (!now) continue;
        finding = now;
      }
      const data = `audit sheet tests/fixtures/audit/${file}`;
      if (sheet.kind === 'loaded' && item.article) {
        const key = `${item.article}\u0000${String(finding['start'])}\u0000${String(finding['end'])}`;
        const seen = loadedReadings.get(key);
        if (seen) {
          seen.right &&= item.verdict === 'right';
          seen.data.add(data);
        } else loadedReadings.set(key, { finding: finding as FindingDraft, right: item.verdict === 'right', data: new Set([data]) });
        continue;
      }
      // an unsourced sentence judged again for the reason it has now counts with that verdict
      const verdict = sheet.kind === 'unsourced' ? currentVerdict(item, finding) : item.verdict;
      (sheet.kind === 'attribution' ? gold : t).add(finding, verdict === 'right', data);
    }
  }
  for (const { finding, right, data } of loadedReadings.values()) t.add(finding, right, [...data].sort().join(' + '));
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = resolve(arg('--out') ?? join(PACKAGE_ROOT, 'lexicons', 'calibration.yml'));
  const date = arg('--date') ?? new Date().toISOString().slice(0, 10);
  if (!existsSync(DATASETS)) {
    console.error(`calibrate: no datasets at ${DATASETS} (set PARALLAX_DATASETS); nothing written`);
    process.exit(2);
  }
  const t = new Tallies();
  const read = new Tallies();
  const tmp = mkdtempSync(join(tmpdir(), 'parallax-calibrate-'));
  try {
    loadedFromGold(DATASETS, t, tmp);
    polnearTrain(DATASETS, t);
    fromAudits(join(PACKAGE_ROOT, 'tests', 'fixtures', 'audit'), read, tmp, t);
    t.settle();
    read.settle();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // Unsourced and loaded findings take the precision judged by reading. The PolNeAR proxy counts any
  // sentence holding an attribution fragment as wrong, whatever the sentence claims besides; the
  // BASIL/BABE overlap counts only the spans annotators marked, and does not rank entries as a
  // reader does (accepted names, literal senses and reported speech overlap gold spans; the outlet's
  // own evaluations often do not). Both are printed for comparison. Attribution keys add the judged
  // sheets to their gold comparison.
  for (const [key, x] of [...t.byKey]) {
    if (!isRead(key)) continue;
    if (isPool(key)) console.log(`  proxy ${key.padEnd(34)} ${(x.correct / x.judged).toFixed(3)} (${x.correct}/${x.judged}), not used`);
    t.byKey.delete(key);
  }
  for (const [key, x] of read.byKey) {
    const into = t.byKey.get(key);
    if (!into) t.byKey.set(key, x);
    else {
      into.judged += x.judged;
      into.correct += x.correct;
      for (const d of x.data) into.data.add(d);
    }
  }
  const previous = existsSync(out)
    ? (parse(readFileSync(out, 'utf8')) as {
        version?: string;
        calibration?: { key: string; precision: number; judged: number; correct: number; data: string; generated: string }[];
      })
    : {};
  const before = new Map((previous.calibration ?? []).map((r) => [r.key, r]));
  const measuredRecords = [...t.byKey]
    .filter(([key, x]) => x.judged >= minJudged(key) || (isPool(key) && (!needsCases(key) || x.judged >= MIN_JUDGED_CATEGORY)))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, x]) => {
      const measured = {
        key,
        precision: Math.round((x.correct / x.judged) * 1000) / 1000,
        judged: x.judged,
        correct: x.correct,
        data: [...new Set([...x.data].flatMap((d) => d.split(' + ')))].sort().join(' + '),
      };
      // A record whose measurement did not change keeps the date it was measured on.
      const old = before.get(key);
      const same =
        old && old.precision === measured.precision && old.judged === measured.judged && old.correct === measured.correct && old.data === measured.data;
      return { record: { ...measured, generated: same ? old.generated : date }, same: Boolean(same) };
    });
  // The version moves only when a record was added, removed or re-measured, so re-running
  // the calibration on unchanged data leaves the file (and every report citing it) as it was.
  const changed = measuredRecords.length !== before.size || measuredRecords.some((r) => !r.same);
  const records = measuredRecords.map((r) => r.record);
  const [major, minor] = (previous.version ?? '1.0.0').split('.').map(Number);
  const version = previous.version && !changed ? previous.version : `${major ?? 1}.${(minor ?? 0) + 1}.0`;
  const doc = {
    id: 'calibration',
    version,
    license: 'MIT',
    description: `Measured precision of each rule, lexicon entry and pooled group, that findings take their confidence from. Generated by npm run calibrate from the tuning halves only (BASIL 2010–2012, BABE odd rows, PolNeAR train) and judged audit sheets of those halves; do not edit by hand. Loaded terms and unsourced assertions take the precision judged by reading (audit sheets) only. A rule or entry with fewer than ${MIN_JUDGED} judged findings has no record of its own and takes its pool's (loaded/<category> when it has at least ${MIN_JUDGED_CATEGORY} read cases, loaded, unsourced, attribution).`,
    kind: 'calibration',
    sources: [
      {
        title: 'PolNeAR (Newell et al., LREC 2018), train split',
        note: 'attribution: matches a gold relation in cue, source and content (content words at least 0.8 inside the gold content, covering at least 0.2 of it; no content agrees); a key counts only the findings without a more specific record',
      },
      {
        title: 'parallax audit sheets, tests/fixtures/audit/*.yml (tuning halves only)',
        note: 'judged by reading the article; the only data for loaded and unsourced findings',
      },
    ],
    entries: [],
    calibration: records,
  };
  const tmpOut = `${out}.${process.pid}.tmp`;
  writeFileSync(tmpOut, `# Generated by \`npm run calibrate\` — do not edit by hand.\n${stringify(doc, { lineWidth: 0 })}`);
  renameSync(tmpOut, out);
  console.log(`calibrate: wrote ${records.length} records to ${out}`);
  const show = (k: string) => {
    const r = records.find((x) => x.key === k);
    if (r) console.log(`  ${k.padEnd(40)} ${r.precision.toFixed(3)} (${r.correct}/${r.judged})`);
  };
  for (const r of records) if (isPool(r.key)) show(r.key);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(PACKAGE_ROOT, 'dist', 'eval', 'calibrate.js')) main();
