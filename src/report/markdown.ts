/**
 * Markdown report (pure: Report → string), GitHub-flavoured, meant to read well both rendered and
 * as plain text. Sections: header (articles, lexicons, how to reproduce), summary, coverage
 * matrix, events (each outlet's version as an aligned block, with marks, word diffs, quote reuse
 * and figures), outlets (unsourced assertions, attributions), actors, legend, methodology.
 *
 * Every piece of article text goes through `escapeMarkdownInline`, so it cannot open structure;
 * marks are added around already-escaped text, as `**…**`/`*…*`/`~~…~~` where the GFM
 * emphasis rules allow it and as `<b>`/`<i>`/`<del>`/`<ins>` tags where they would not.
 */
import type { Report } from '../core/types.js';
import { checkBudget } from '../core/limits.js';
import { FINDING_KINDS } from '../core/finding-kinds.js';
import { escapeMarkdownInline, markdownFence } from '../core/escape.js';
import { GENERATOR_MARK } from './write.js';
import { buildView, clip, fmt, MIN_DIFF_SHARED, quoted, WIDE_ARTICLES, type EventView, type FindingView, type ReportView, type Segment } from './view-model.js';
import type { DiffPart } from '../core/word-diff.js';

export interface FormatOptions {
  /** The command that reproduces the report, shown in its header. */
  command?: string;
  /** `report` (default): the full report; `handout`: a short printable page for a class (see `formatHandout`). */
  style?: MarkdownStyle;
  /** The report's view (buildView with the same command), when the caller has built it already: one view serves every format. */
  view?: ReportView;
}

/** The markdown styles `--md-style` accepts. */
export const MARKDOWN_STYLES = ['report', 'handout'] as const;
export type MarkdownStyle = (typeof MARKDOWN_STYLES)[number];

const md = escapeMarkdownInline;
const inl = (s: string): string => escapeMarkdownInline(s, false);

/** A GFM table; cells are already-escaped markdown (no line breaks). */
function table(header: string[], rows: string[][], right: boolean[] = []): string {
  const line = (cells: string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  const rule = header.map((_, i) => (right[i] ? '---:' : '---'));
  return [line(header), `|${rule.join('|')}|`, ...rows.map(line)].join('\n');
}

/** Inline decoration of a run of text: markdown delimiter and the equivalent HTML tags. */
interface Style {
  delim: string;
  open: string;
  close: string;
}
const LOADED: Style = { delim: '**', open: '<b>', close: '</b>' };
const CUE: Style = { delim: '*', open: '<i>', close: '</i>' };
const LOADED_CUE: Style = { delim: '***', open: '<b><i>', close: '</i></b>' };
const REMOVED: Style = { delim: '~~', open: '<del>', close: '</del>' };
const ADDED: Style = { delim: '**', open: '<ins>', close: '</ins>' };

interface Piece {
  text: string;
  style: Style | null;
  prefix?: string;
}

const isWs = (c: string | undefined): boolean => c === undefined || /\s/u.test(c);
const isPunct = (c: string | undefined): boolean => c !== undefined && /[\p{P}\p{S}]/u.test(c);
/** CommonMark left-/right-flanking tests for a delimiter run between `prev` and `next`. */
const canOpen = (prev: string | undefined, next: string | undefined): boolean => !isWs(next) && (!isPunct(next) || isWs(prev) || isPunct(prev));
const canClose = (prev: string | undefined, next: string | undefined): boolean => !isWs(prev) && (!isPunct(prev) || isWs(next) || isPunct(next));

/**
 * Renders raw text pieces as one line of markdown: text escaped, styled pieces wrapped in their
 * delimiters when those would parse as intended, else in HTML tags.
 */
function renderPieces(input: Piece[]): string {
  const pieces: Piece[] = [];
  for (const p of input) {
    const last = pieces[pieces.length - 1];
    if (last && last.style === p.style && p.prefix === undefined) last.text += p.text;
    else pieces.push({ ...p });
  }
  // Leading and trailing whitespace apart from the core (`trim` removes what `\s` matches).
  const split = pieces.map((p) => {
    const t = p.text;
    const from = t.length - t.trimStart().length;
    if (from === t.length) return { ...p, lead: t, core: '', trail: '' };
    const to = t.trimEnd().length;
    return { ...p, lead: t.slice(0, from), core: t.slice(from, to), trail: t.slice(to) };
  });
  let out = '';
  split.forEach((p, i) => {
    const before = split[i - 1];
    const after = split[i + 1];
    out += i === 0 ? md(p.lead) : inl(p.lead);
    if (p.prefix) out += p.prefix;
    const first = i === 0 && p.lead === '' && !p.prefix;
    const core = first ? md(p.core) : inl(p.core);
    if (!p.style || p.core === '') {
      out += core;
    } else {
      const prevRaw = p.prefix ? ' ' : p.lead !== '' ? p.lead : before ? (before.trail || before.core || before.lead).slice(-1) : undefined;
      const nextRaw = p.trail !== '' ? p.trail : after ? (after.lead || after.core || after.trail).slice(0, 1) : undefined;
      const touchBefore = p.lead === '' && !p.prefix && before !== undefined && before.style !== null && before.core !== '' && before.trail === '';
      const touchAfter = p.trail === '' && after !== undefined && after.style !== null && after.core !== '' && after.lead === '' && !after.prefix;
      const ok = !touchBefore && !touchAfter && canOpen(prevRaw?.slice(-1) || undefined, p.core[0]) && canClose(p.core.slice(-1), nextRaw || undefined);
      out += ok ? `${p.style.delim}${core}${p.style.delim}` : `${p.style.open}${core}${p.style.close}`;
    }
    out += inl(p.trail);
  });
  return out;
}

/** A version's text with loaded terms in bold, attribution cues in italics and ⚑ before unsourced assertions. */
function renderSegments(segments: Segment[]): string {
  return renderPieces(
    segments.map((s) => {
      const styles = new Set(s.marks.map((m) => m.style));
      const style = styles.has('strong') && styles.has('cue') ? LOADED_CUE : styles.has('strong') ? LOADED : styles.has('cue') ? CUE : null;
      const flag = s.marks.some((m) => m.style === 'flag' && m.first);
      return flag ? { text: s.text, style, prefix: '⚑ ' } : { text: s.text, style };
    }),
  );
}

/** A word diff: words only in the first version struck through, words only in the second in bold. */
function renderDiff(parts: DiffPart[]): string {
  const pieces: Piece[] = [];
  parts.forEach((p, i) => {
    const prev = parts[i - 1];
    if (prev && prev.op !== 'same' && p.op !== 'same' && !/\s$/u.test(prev.text) && !/^\s/u.test(p.text)) pieces.push({ text: ' ', style: null });
    pieces.push({ text: p.text, style: p.op === 'removed' ? REMOVED : p.op === 'added' ? ADDED : null });
  });
  return renderPieces(pieces);
}

/** One finding under a version (its text is shown above, so the quote is clipped). */
function findingLine(f: FindingView): string {
  const alt = f.alternative ? ` — neutral alternative: ${inl(f.alternative)}` : '';
  const kind = FINDING_KINDS[f.kind].tag;
  return `- \`${f.id}\` ${kind} · ${inl(f.tag)}: ${inl(quoted(clip(f.quote)))} — ${inl(f.explanation)}${alt} (${inl(f.rule)}, ${f.confidence})`;
}

function header(v: ReportView): string[] {
  const out = [
    `<!-- generated by ${GENERATOR_MARK}@1 (parallax ${v.toolVersion.replace(/[^\w.+-]/g, '')}); regenerate it with the command below instead of editing it -->`,
    '',
    `# ${md(v.title)}`,
    '',
  ];
  out.push('## Articles', '');
  out.push(
    table(
      ['ID', 'Outlet (label)', 'Title', 'Author', 'Date', 'URL', 'Words', 'File'],
      v.articles.map((a) => [
        a.id,
        inl(a.label),
        inl(a.title ?? '–'),
        inl(a.author ?? '–'),
        inl(a.date ?? '–'),
        inl(a.url ?? '–'),
        String(a.words),
        inl(a.path),
      ]),
      [false, false, false, false, false, false, true, false],
    ),
    '',
  );
  const notices = v.articles.flatMap((a) => a.notices.map((n) => `- ${inl(a.label)}: ${inl(n)}`));
  if (notices.length > 0) out.push('Notices:', '', ...notices, '');
  out.push(
    `Lexicons: ${v.lexicons.length === 0 ? 'none loaded.' : v.lexicons.map((l) => `${inl(l.id)} ${inl(l.version)} (sha256 ${l.sha256.slice(0, 12)})`).join(', ')}`,
    '',
  );
  if (v.command !== null) out.push('Reproduce this report (same input, same lexicons → the same bytes):', '', markdownFence(v.command, 'sh'));
  return out;
}

function summary(v: ReportView): string[] {
  const out = ['## Summary', ''];
  out.push(
    table(
      ['Per outlet', ...v.articles.map((a) => inl(a.label))],
      v.summary.map((r) => [inl(r.metric), ...r.cells.map(inl)]),
      [false, ...v.articles.map(() => true)],
    ),
    '',
  );
  out.push(
    `**What stands out:** ${v.standOut.length === 0 ? 'nothing — no markers, attributions or omissions were found.' : v.standOut.map(inl).join(' ')}`,
    '',
  );
  if (v.confidence.line !== null) out.push(inl(v.confidence.line), '');
  return out;
}

const COVERAGE_CELL = { reported: '✓', omitted: '✗ left out', absent: '·' } as const;

function coverage(v: ReportView): string[] {
  const out = ['## Coverage', ''];
  if (v.coverage.length === 0) out.push(inl(v.noShared), '');
  else if (v.articles.length > WIDE_ARTICLES) {
    out.push('Which outlets report each shared event (the others leave it out or do not report it).', '');
    out.push(
      table(
        ['Event', 'Reported by'],
        v.coverage.map((r) => [`${r.id} ${inl(r.label)}`, r.cells.flatMap((c, i) => (c === 'reported' ? [inl(v.articles[i]!.label)] : [])).join(', ')]),
      ),
      '',
    );
  } else {
    out.push('Which outlet reports which shared event (✓ reports it, ✗ leaves it out, · not reported).', '');
    out.push(
      table(
        ['Event', ...v.articles.map((a) => inl(a.label))],
        v.coverage.map((r) => [`${r.id} ${inl(r.label)}`, ...r.cells.map((c) => COVERAGE_CELL[c])]),
      ),
      '',
    );
  }
  for (const o of v.onlyIn) out.push(`Only in ${inl(o.label)} (${o.events.length}): ${o.events.map((e) => `${e.id} ${inl(e.label)}`).join('; ')}`, '');
  return out;
}

function event(e: EventView, wide: boolean): string[] {
  checkBudget('rendering');
  const out = [`### ${e.id} · ${inl(e.label)}`, ''];
  const who = [`Reported by ${e.reportedBy.map(inl).join(', ')}`];
  if (e.omittedBy.length > 0)
    who.push(
      wide ? `left out by ${e.omittedBy.length} other ${e.omittedBy.length === 1 ? 'outlet' : 'outlets'}` : `left out by ${e.omittedBy.map(inl).join(', ')}`,
    );
  out.push(`${who.join('; ')}`, '');
  for (const ver of e.versions) {
    if (!ver) continue;
    out.push(`**${inl(ver.label)}**`, '', `> ${renderSegments(ver.segments)}`, '');
    if (ver.findings.length > 0) out.push(...ver.findings.map(findingLine), '');
  }
  for (const d of e.diffs) {
    if (d.shared < MIN_DIFF_SHARED) {
      out.push(`${inl(d.from)} and ${inl(d.to)} share ${fmt(d.shared * 100, 0)}% of their words here: told in different words, so no word diff is shown.`, '');
      continue;
    }
    out.push(
      `Word diff ${inl(d.from)} → ${inl(d.to)} (${fmt(d.shared * 100, 0)}% of words shared; ~~only ${inl(d.from)}~~, **only ${inl(d.to)}**):`,
      '',
      `> ${renderDiff(d.parts)}`,
      '',
    );
  }
  e.quotes.forEach((q, i) => {
    out.push(`Quote reuse ${e.quotes.length > 1 ? `${i + 1} ` : ''}(the same quotation in ${q.length} ${q.length === 1 ? 'outlet' : 'outlets'}):`, '');
    for (const variant of q) {
      const intro = variant.intro === null ? '' : ` introduced by “${inl(variant.intro)}”`;
      const text = variant.diff.length === 0 ? inl(quoted(variant.text)) : `${renderDiff(variant.diff)} (diff against ${inl(q[0]!.label)})`;
      out.push(`- ${inl(variant.label)}${intro}: ${text}`);
    }
    out.push('');
  });
  if (e.figures.length > 0) out.push('Figures:', '', ...e.figures.map((f) => `- ${inl(f.label)}: ${f.values.map(inl).join('; ')}`), '');
  if (e.conflicts.length > 0) out.push('Conflicting figures:', '', ...e.conflicts.map((c) => `- ${inl(c)}`), '');
  return out;
}

function events(v: ReportView): string[] {
  const shared = v.events.filter((e) => e.shared);
  const out = ['## Shared events', ''];
  if (shared.length === 0) out.push(inl(v.noShared), '');
  else out.push('Each event as every outlet that reports it tells it, one block per outlet (marks: see the legend), then a word diff of the versions.', '');
  for (const e of shared) out.push(...event(e, v.articles.length > WIDE_ARTICLES));
  out.push('## Reported by one outlet only', '');
  const single = v.events.filter((e) => !e.shared);
  if (single.length === 0) out.push('None: every event is shared.', '');
  v.articles.forEach((a, i) => {
    const mine = single.filter((e) => e.versions[i] !== null);
    if (mine.length === 0) return;
    out.push(`### Only ${inl(a.label)} (${mine.length})`, '');
    for (const e of mine) {
      const ver = e.versions[i]!;
      out.push(`- **${e.id}** ${renderSegments(ver.segments)}`, ...ver.findings.map((f) => `  ${findingLine(f)}`));
    }
    out.push('');
  });
  return out;
}

function outlets(v: ReportView): string[] {
  const out = ['## Outlets', ''];
  for (const o of v.outlets) {
    out.push(`### ${inl(o.label)} (${o.article})`, '');
    out.push(
      o.omitted.length === 0
        ? 'Leaves out no event the other outlets share.'
        : v.articles.length > WIDE_ARTICLES
          ? `Leaves out ${o.omitted.length} shared ${o.omitted.length === 1 ? 'event' : 'events'} (listed under \`omissions\` in the JSON report).`
          : `Leaves out: ${o.omitted.map((e) => `${e.id} ${inl(e.label)}`).join('; ')}.`.replace(/…\.$/, '…'),
      '',
    );
    out.push(`#### Unsourced assertions (${o.unsourced.length})`, '');
    if (o.unsourced.length > 0) out.push(...o.unsourced.map((f) => `- \`${f.id}\` ${inl(f.tag)}: ${inl(quoted(f.quote))} — ${inl(f.explanation)}`), '');
    else out.push('None found.', '');
    out.push(`#### Attributions (${o.attributions.length})`, '');
    if (o.attributions.length > 0) {
      out.push(
        table(
          ['ID', 'Source', 'Type', 'Cue', 'Cue neutral', 'Direct quote'],
          o.attributions.map((a) => [a.id, inl(a.source), inl(a.sourceType), inl(a.cue), a.neutral ? 'yes' : 'no', a.direct ? 'yes' : 'no']),
        ),
        '',
      );
    } else out.push('None found.', '');
  }
  return out;
}

function actors(v: ReportView): string[] {
  const out = ['## Actors', ''];
  if (v.actors.length === 0) return [...out, 'No actor descriptions in this report.', ''];
  out.push('How each outlet names and describes each actor (descriptors as written; mentions; tone).', '');
  out.push(
    table(
      ['Actor', ...v.articles.map((a) => inl(a.label))],
      v.actors.map((a) => [inl(a.name), ...a.cells.map((c) => (c === '' ? '–' : inl(c)))]),
    ),
    '',
  );
  return out;
}

function legendAndMethod(v: ReportView): string[] {
  const out = ['## Legend', ''];
  out.push(
    '- **bold** in an outlet’s version: a loaded term (a framing marker from a lexicon or a rule); its category, explanation and lexicon entry are listed under the version.',
    '- *italics*: the verb or phrase that attributes a statement to a source (the cue); the list under the version gives the source, its type and whether the cue is neutral.',
    '- ⚑ starts an assertion the outlet makes in its own voice without a source (an unsourced assertion), with the reason.',
    '- In word diffs, ~~struck through~~ words are only in the first version and **bold** words only in the second.',
    '- `f12`: the finding’s id in the JSON report, where its exact character offsets are.',
    '- Coverage: the matrix lists the events two or more outlets report (✓ reports it, ✗ leaves it out); each outlet’s events that no other outlet reports follow it (“Only in …”).',
    '',
  );
  out.push('## Methodology', '');
  out.push(
    'parallax reads each article, separates prose from boilerplate (bylines, captions, share prompts), splits it into sentences and tokens, and then, offline and deterministically:',
    '',
    '1. **Loaded terms**: matches the lexicons’ phrases (and a few rules, e.g. scare quotes); each match is a marker with a category and a weight, and carries the entry’s note as its explanation.',
    '2. **Attributions**: finds who is cited (source, classified as official, state media, media, data/NGO, expert, anonymous, vague, self), by which cue, and whether verbatim; cues such as *hailed*, *admitted*, *claimed* are non-neutral.',
    '3. **Unsourced assertions**: sentences in the outlet’s own voice that no attribution covers; the reason says why (no attribution, agentless passive, vague source, prediction, prescriptive).',
    '4. **Events**: aligns sentences that report the same claim or happening across articles; an event only some outlets report shows what the others leave out.',
    '',
    'Rates are per 1,000 tokens of article prose; shares are fractions of the article’s sentences or attributions. Every number traces to findings in the JSON report, each with its exact span and the rule that produced it.',
    '',
  );
  out.push('### Rules that fired', '');
  if (v.rules.length === 0) out.push('No rule fired.', '');
  else {
    out.push(
      table(
        ['Rule', 'Kind', 'Category / reason', 'Weight', 'Note (first occurrence)', 'Neutral alternative', ...v.articles.map((a) => inl(a.label))],
        v.rules.map((r) => [
          inl(r.rule),
          r.kind,
          inl(r.category),
          r.weight === null ? '–' : fmt(r.weight, 2),
          inl(r.note),
          r.alternative === null ? '–' : inl(r.alternative),
          ...r.counts.map(String),
        ]),
        [false, false, false, true, false, false, ...v.articles.map(() => true)],
      ),
      '',
    );
  }
  out.push('### Lexicons', '');
  if (v.lexicons.length === 0) out.push('None loaded.', '');
  else
    out.push(
      table(
        ['Lexicon', 'Version', 'sha256'],
        v.lexicons.map((l) => [inl(l.id), inl(l.version), l.sha256.replace(/[^0-9a-f]/gi, '')]),
      ),
      '',
    );
  return out;
}

/** At most this many shared events in a handout (the ones most outlets report, in report order). */
export const HANDOUT_EVENTS = 3;

/** Finding or event ids in running text, e.g. ` (f12)` or ` (e1, e3)`: handouts leave ids out. */
const IDS = / \([ef]\d+(?:, [ef]\d+)*\)/g;

/**
 * The printable handout (`--md-style handout`): the articles, a legend that says what each mark
 * is with an example, what stands out, a few shared events told by each outlet with the marks,
 * and questions for discussion. Short; no hashes, rule ids or finding ids.
 */
export function formatHandout(report: Report, options: FormatOptions = {}): string {
  const v = options.view ?? buildView(report, options.command ?? null);
  const out = [
    `<!-- generated by ${GENERATOR_MARK}@1 (parallax ${v.toolVersion.replace(/[^\w.+-]/g, '')}); regenerate it with the command below instead of editing it -->`,
    '',
    `# ${md(v.title)}`,
    '',
  ];
  out.push(`How ${v.articles.length} outlets tell the same story. Read the versions, then talk about the questions at the end.`, '');
  for (const a of v.articles) out.push(`- **${inl(a.label)}**${a.title ? `: ${inl(a.title)}` : ''}${a.date ? ` (${inl(a.date)})` : ''}`);
  out.push('', '## Legend', '');
  const k = FINDING_KINDS;
  out.push(
    `- **bold**: a loaded term, ${inl(k.loaded.help.what)}. For example ${inl(k.loaded.help.example)}.`,
    `- ⚑ an unsourced claim, ${inl(k.unsourced.help.what)}. For example ${inl(k.unsourced.help.example)}.`,
    `- *italics*: the words that give a statement to a source (an attribution), e.g. *said*, *claimed*, *admitted*.`,
    '- The marks come from word lists and rules, not from a person: each can be wrong. Check them against the text.',
    '',
  );
  out.push('## What stands out', '');
  out.push(...(v.standOut.length === 0 ? ['- Nothing: no marks or omissions were found.'] : v.standOut.map((t) => `- ${inl(t.replace(IDS, ''))}`)), '');
  // The events most outlets report, and among those the ones with the most marks to talk about.
  const marks = (e: EventView) =>
    e.versions.reduce(
      (n, ver) => n + (ver?.segments.filter((g) => g.marks.some((m) => m.style === 'strong' || (m.style === 'flag' && m.first))).length ?? 0),
      0,
    );
  const shared = v.events
    .filter((e) => e.shared)
    .map((e, i) => ({ e, i, n: marks(e) }))
    .sort((x, y) => y.e.reportedBy.length - x.e.reportedBy.length || y.n - x.n || x.i - y.i)
    .slice(0, HANDOUT_EVENTS)
    .sort((x, y) => x.i - y.i)
    .map((x) => x.e);
  if (shared.length > 0) {
    out.push('## The same event, told by each outlet', '');
    for (const e of shared) {
      out.push(`### ${inl(e.label)}`, '');
      for (const ver of e.versions) if (ver) out.push(`**${inl(ver.label)}**`, '', `> ${renderSegments(ver.segments)}`, '');
      if (e.omittedBy.length > 0) out.push(`Left out by ${e.omittedBy.map(inl).join(', ')}.`, '');
    }
  }
  out.push('## Questions for discussion', '');
  const questions = [
    'Pick a **bold** word. What would a neutral word be, and does the sentence then say something different?',
    'Pick a sentence marked ⚑. How could a reader check it? Whom would you ask?',
    'Whom does each outlet let speak (the sources in *italics*)? Whom does it not?',
  ];
  const omitting = v.outlets.filter((o) => o.omitted.length > 0).sort((x, y) => y.omitted.length - x.omitted.length)[0];
  if (omitting)
    questions.push(
      `${inl(omitting.label)} leaves out ${omitting.omitted.length === 1 ? 'an event' : `${omitting.omitted.length} events`} the others report, e.g. ${quoted(inl(omitting.omitted[0]!.label))}. Does that change the story?`,
    );
  questions.push('If you had read only one of these articles, what would you believe about the event? Which one would you trust most, and why?');
  out.push(...questions.map((q, i) => `${i + 1}. ${q}`), '');
  if (v.command !== null) out.push('Made with parallax:', '', markdownFence(`${v.command} --md-style handout`, 'sh'));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The markdown report. Pure and deterministic; ends with a single newline. */
export function formatMarkdown(report: Report, options: FormatOptions = {}): string {
  if (options.style === 'handout') return formatHandout(report, options);
  const v = options.view ?? buildView(report, options.command ?? null);
  const lines = [...header(v), ...summary(v), ...coverage(v), ...events(v), ...outlets(v), ...actors(v), ...legendAndMethod(v)];
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}
