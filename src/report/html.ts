/**
 * Standalone HTML report (pure: Report → string): one self-contained file with inline CSS, no
 * scripts, no network. The same sections as the markdown report, with each event's versions in
 * real side-by-side columns (CSS grid, one column per outlet) and every marker highlighted, its
 * explanation in a `title` (hover) and in a `<details>` list (click).
 *
 * All report text goes through `escapeHtml`, so article text can never become markup.
 */
import { createHash } from 'node:crypto';
import type { Report } from '../core/types.js';
import { checkBudget } from '../core/limits.js';
import { FINDING_KIND_NAMES, FINDING_KINDS, type MarkStyle } from '../core/finding-kinds.js';
import { escapeHtml as h } from '../core/escape.js';
import { GENERATOR_MARK } from './write.js';
import type { FormatOptions } from './markdown.js';
import {
  buildView,
  clip,
  fmt,
  MIN_DIFF_SHARED,
  quoted,
  type EventView,
  type FindingView,
  type MetricRow,
  type ReportView,
  type Segment,
  WIDE_ARTICLES,
} from './view-model.js';
import type { DiffPart } from '../core/word-diff.js';

const CSS = `
:root{--fg:#1b1f24;--muted:#5b636d;--line:#d5dae0;--bg:#fff;--soft:#f5f7f9;--loaded:#ffe08a;--cue:#cfe3ff;--src:#2b6cb0;--uns:#d9480f;--add:#d3f5d8;--del:#fbd5d5}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1400px;padding:1.5rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{margin-top:2.2rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}h3{margin:1.6rem 0 .4rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.col table{width:100%;font-size:.85rem}.col th,.col td{padding:.2rem .3rem;overflow-wrap:break-word}th{background:var(--soft);overflow-wrap:break-word}td.n{text-align:right;font-variant-numeric:tabular-nums}.nw{white-space:nowrap}.tw{overflow-x:auto}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,monospace;background:var(--soft);padding:0 .2em;border-radius:3px}
pre{background:var(--soft);padding:.6rem;overflow:auto}
nav ul{display:flex;flex-wrap:wrap;gap:.3rem 1rem;list-style:none;padding:0}
.standout{background:var(--soft);border-left:4px solid var(--src);padding:.5rem .8rem}
.muted{color:var(--muted)}.col li{overflow-wrap:anywhere}
.columns{display:grid;gap:1rem;align-items:start}
.col{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;background:var(--bg);min-width:0}
.col h4{margin:0 0 .4rem;font-size:1rem}.col.absent{background:var(--soft);color:var(--muted)}
.version{margin:0;line-height:1.65}
mark.loaded{background:var(--loaded);padding:0 .1em;border-radius:2px}
.cue{background:var(--cue);border-radius:2px}.source{border-bottom:2px solid var(--src)}
.unsourced{text-decoration:underline wavy var(--uns);text-underline-offset:3px}.unsourced-flag{color:var(--uns)}
ins{background:var(--add);text-decoration:none}del{background:var(--del)}
details{margin-top:.5rem}summary{cursor:pointer;color:var(--muted)}
details ul{padding-left:1.1rem;margin:.3rem 0}details li{margin:.2rem 0}
.diff{background:var(--soft);padding:.4rem .6rem;border-radius:4px}
.single{border-top:1px solid var(--line);padding-top:.3rem;margin-top:.5rem}.single h4{margin:0;font-size:.85rem;color:var(--muted)}
.ok{color:#2f7d32}.gap{color:var(--muted)}
@media (max-width:1000px){.stack-narrow{grid-template-columns:minmax(0,1fr)!important}}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{max-width:none;padding:0;font-size:10.5pt;line-height:1.4}
nav{display:none}
a{color:inherit;text-decoration:none}
h2,h3,h4{break-after:avoid}
.col,.single,tr,.standout,.diff{break-inside:avoid}
.columns{gap:.5rem}
pre{white-space:pre-wrap;overflow:visible}
}
`;

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * The page's Content-Security-Policy: nothing may load or run (no script, no request, no form,
 * no base URL) except the report's own style sheet and its own `style` attributes, each allowed
 * by its sha256. Article text is escaped, so it can hold no attribute: only `body`'s own markup
 * is hashed.
 */
function contentSecurityPolicy(body: string): string {
  const attributes = [...new Set([...body.matchAll(/ style="([^"]*)"/g)].map((m) => m[1]!))].sort();
  const styles = [cspHash(CSS), ...(attributes.length ? ["'unsafe-hashes'", ...attributes.map(cspHash)] : [])];
  return `default-src 'none'; style-src ${styles.join(' ')}; img-src data:; base-uri 'none'; form-action 'none'`;
}

function table(header: string[], rows: string[][], numeric: boolean[] = []): string {
  const th = header.map((c) => `<th>${c}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  // a table wider than the page (many outlet columns, long rule ids) scrolls in its own box, not the page
  return `<div class="tw"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${trs}\n</tbody>\n</table></div>`;
}

/** A version's text with its marks as nested elements (unsourced ⊃ source ⊃ cue ⊃ loaded). */
function renderSegments(segments: Segment[]): string {
  return segments
    .map((s) => {
      if (s.gap) return `<span class="gap">${h(s.text)}</span>`;
      let inner = h(s.text);
      const by = (k: string) => s.marks.filter((m) => m.kind === k);
      const wrap = (k: string, tag: string, cls: string) => {
        const ms = by(k);
        if (ms.length > 0) inner = `<${tag} class="${cls}" title="${h(ms.map((m) => m.title).join('\n'))}">${inner}</${tag}>`;
      };
      const styled = (style: MarkStyle) => FINDING_KIND_NAMES.filter((k) => FINDING_KINDS[k].mark === style);
      for (const k of styled('strong')) wrap(k, 'mark', k);
      wrap('cue', 'span', 'cue');
      wrap('source', 'span', 'source');
      for (const k of styled('flag')) {
        wrap(k, 'span', k);
        if (by(k).some((m) => m.first)) inner = `<span class="${k}-flag" aria-label="${k}">⚑</span>${inner}`;
      }
      return inner;
    })
    .join('');
}

/** A word diff; a space separates a removed run from the added run that replaces it. */
function renderDiff(parts: DiffPart[]): string {
  return parts
    .map((p, i) => {
      const gap = i > 0 && parts[i - 1]!.op === 'removed' && p.op === 'added' && !/\s$/u.test(parts[i - 1]!.text) && !/^\s/u.test(p.text) ? ' ' : '';
      return gap + (p.op === 'same' ? h(p.text) : p.op === 'removed' ? `<del>${h(p.text)}</del>` : `<ins>${h(p.text)}</ins>`);
    })
    .join('');
}

function findingItem(f: FindingView): string {
  const alt = f.alternative ? ` — neutral alternative: <em>${h(f.alternative)}</em>` : '';
  const kind = FINDING_KINDS[f.kind].tag;
  return `<li><code>${h(f.id)}</code> ${kind} · ${h(f.tag)}: ${h(quoted(clip(f.quote)))} — ${h(f.explanation)}${alt} <span class="muted">(${h(f.rule)}, ${h(f.confidence)})</span></li>`;
}

function header(v: ReportView): string {
  const rows = v.articles.map((a) => [
    `<span class="nw">${h(a.id)}</span>`,
    h(a.label),
    h(a.title ?? '–'),
    h(a.author ?? '–'),
    h(a.date ?? '–'),
    h(a.url ?? '–'),
    String(a.words),
    h(a.path),
  ]);
  const notices = v.articles.flatMap((a) => a.notices.map((n) => `<li>${h(a.label)}: ${h(n)}</li>`));
  const lex = v.lexicons.length === 0 ? 'none loaded.' : v.lexicons.map((l) => `${h(l.id)} ${h(l.version)} (sha256 ${h(l.sha256.slice(0, 12))})`).join(', ');
  return [
    `<header>\n<h1>${h(v.title)}</h1>`,
    '<h2 id="articles">Articles</h2>',
    table(['ID', 'Outlet (label)', 'Title', 'Author', 'Date', 'URL', 'Words', 'File'], rows, [false, false, false, false, false, false, true, false]),
    notices.length > 0 ? `<p>Notices:</p><ul>${notices.join('')}</ul>` : '',
    `<p>Lexicons: ${lex}</p>`,
    v.command === null ? '' : `<p>Reproduce this report (same input, same lexicons → the same bytes):</p>\n<pre><code>${h(v.command)}</code></pre>`,
    '</header>',
  ]
    .filter((s) => s !== '')
    .join('\n');
}

const NAV = [
  ['summary', 'Summary'],
  ['coverage', 'Coverage'],
  ['events', 'Shared events'],
  ['single', 'One outlet only'],
  ['outlets', 'Outlets'],
  ['actors', 'Actors'],
  ['legend', 'Legend'],
  ['methodology', 'Methodology'],
] as const;

function metricTable(v: ReportView, rows: MetricRow[]): string {
  return table(
    ['Per outlet', ...v.articles.map((a) => h(a.label))],
    rows.map((r) => [h(r.metric), ...r.cells.map(h)]),
    [false, ...v.articles.map(() => true)],
  );
}

/** At most this many columns side by side in a wide report's grids (see WIDE_ARTICLES) (more wrap onto further rows). */
const WIDE_COLUMNS = 4;

/** The grid style of `n` columns side by side. */
const grid = (n: number) => `grid-template-columns:repeat(${n},minmax(0,1fr))`;

const COVERAGE_CELL = { reported: '<span class="ok">✓</span>', omitted: '✗ left out', absent: '<span class="muted">·</span>' } as const;

function event(e: EventView, cols: number, wide: boolean): string {
  checkBudget('rendering');
  const who = [`Reported by ${e.reportedBy.map(h).join(', ')}`];
  if (e.omittedBy.length > 0)
    who.push(
      wide ? `left out by ${e.omittedBy.length} other ${e.omittedBy.length === 1 ? 'outlet' : 'outlets'}` : `left out by ${e.omittedBy.map(h).join(', ')}`,
    );
  const columns = e.versions.flatMap((ver, i) => {
    if (!ver) return wide ? [] : [`<div class="col absent" data-col="${i}"><h4 class="muted">not reported</h4></div>`];
    return [
      `<div class="col" data-col="${i}" data-article="${h(ver.article)}"><h4>${h(ver.label)}</h4>\n<p class="version">${renderSegments(ver.segments)}</p>${markerList(ver.findings)}</div>`,
    ];
  });
  const parts = [
    `<article class="event" id="${h(e.id)}">`,
    `<h3>${h(e.id)} · ${h(e.label)}</h3>`,
    `<p class="muted">${who.join('; ')}.</p>`,
    `<div class="columns" style="${grid(wide ? Math.min(WIDE_COLUMNS, columns.length) : cols)}">\n${columns.join('\n')}\n</div>`,
  ];
  for (const d of e.diffs) {
    if (d.shared < MIN_DIFF_SHARED) {
      parts.push(
        `<p class="muted">${h(d.from)} and ${h(d.to)} share ${fmt(d.shared * 100, 0)}% of their words here: told in different words, so no word diff is shown.</p>`,
      );
      continue;
    }
    parts.push(
      `<p>Word diff ${h(d.from)} → ${h(d.to)} <span class="muted">(${fmt(d.shared * 100, 0)}% of words shared; <del>only ${h(d.from)}</del> <ins>only ${h(d.to)}</ins>)</span></p>\n<p class="diff">${renderDiff(d.parts)}</p>`,
    );
  }
  e.quotes.forEach((q, i) => {
    const items = q.map((variant) => {
      const intro = variant.intro === null ? '' : ` introduced by “${h(variant.intro)}”`;
      const text =
        variant.diff.length === 0 ? h(quoted(variant.text)) : `${renderDiff(variant.diff)} <span class="muted">(diff against ${h(q[0]!.label)})</span>`;
      return `<li>${h(variant.label)}${intro}: ${text}</li>`;
    });
    parts.push(
      `<p>Quote reuse ${e.quotes.length > 1 ? `${i + 1} ` : ''}(the same quotation in ${q.length} ${q.length === 1 ? 'outlet' : 'outlets'}):</p>\n<ul>${items.join('')}</ul>`,
    );
  });
  if (e.figures.length > 0) parts.push(`<p>Figures:</p>\n<ul>${e.figures.map((f) => `<li>${h(f.label)}: ${f.values.map(h).join('; ')}</li>`).join('')}</ul>`);
  if (e.conflicts.length > 0) parts.push(`<p>Conflicting figures:</p>\n<ul>${e.conflicts.map((c) => `<li>${h(c)}</li>`).join('')}</ul>`);
  parts.push('</article>');
  return parts.join('\n');
}

function markerList(findings: FindingView[]): string {
  if (findings.length === 0) return '';
  return `\n<details><summary>${findings.length} ${findings.length === 1 ? 'marker' : 'markers'}</summary><ul>${findings.map(findingItem).join('')}</ul></details>`;
}

/** Events only one outlet reports, in that outlet's column. */
function singles(v: ReportView, cols: number, wide: boolean): string {
  const single = v.events.filter((e) => !e.shared);
  if (single.length === 0) return '<p>None: every event is shared.</p>';
  const columns = v.articles.map((a, i) => {
    const items = single
      .filter((e) => e.versions[i] !== null)
      .map((e) => {
        checkBudget('rendering');
        return `<div class="single" id="${h(e.id)}"><h4>${h(e.id)}</h4><p class="version">${renderSegments(e.versions[i]!.segments)}</p>${markerList(e.versions[i]!.findings)}</div>`;
      });
    return `<div class="col" data-col="${i}" data-article="${h(a.id)}"><h3>Only ${h(a.label)} (${items.length})</h3>\n${items.join('\n')}</div>`;
  });
  return `<div class="columns" style="${grid(wide ? WIDE_COLUMNS : cols)}">\n${columns.join('\n')}\n</div>`;
}

function outlets(v: ReportView, wide: boolean): string {
  const cols = v.outlets.map((o, i) => {
    const omitted =
      o.omitted.length === 0
        ? 'Leaves out no event the other outlets share.'
        : wide
          ? `Leaves out ${o.omitted.length} shared ${o.omitted.length === 1 ? 'event' : 'events'} (listed under <code>omissions</code> in the JSON report).`
          : `Leaves out: ${o.omitted.map((e) => `${h(e.id)} ${h(e.label)}`).join('; ')}.`.replace(/…\.$/, '…');
    const uns =
      o.unsourced.length === 0
        ? '<p>None found.</p>'
        : `<ul>${o.unsourced.map((f) => `<li><code>${h(f.id)}</code> ${h(f.tag)}: ${h(quoted(f.quote))} — ${h(f.explanation)}</li>`).join('')}</ul>`;
    const attr =
      o.attributions.length === 0
        ? '<p>None found.</p>'
        : table(
            ['ID', 'Source', 'Type', 'Cue', 'Cue neutral', 'Direct quote'],
            o.attributions.map((a) => [h(a.id), h(a.source), h(a.sourceType), h(a.cue), a.neutral ? 'yes' : 'no', a.direct ? 'yes' : 'no']),
          );
    return `<div class="col" data-col="${i}" data-article="${h(o.article)}"><h3>${h(o.label)} (${h(o.article)})</h3>\n<p>${omitted}</p>\n<h4>Unsourced assertions (${o.unsourced.length})</h4>\n${uns}\n<h4>Attributions (${o.attributions.length})</h4>\n${attr}</div>`;
  });
  return `<div class="columns stack-narrow" style="${grid(wide ? WIDE_COLUMNS : v.outlets.length)}">\n${cols.join('\n')}\n</div>`;
}

function legendAndMethod(v: ReportView): string {
  const rules =
    v.rules.length === 0
      ? '<p>No rule fired.</p>'
      : table(
          ['Rule', 'Kind', 'Category / reason', 'Weight', 'Note (first occurrence)', 'Neutral alternative', ...v.articles.map((a) => h(a.label))],
          v.rules.map((r) => [
            h(r.rule),
            h(r.kind),
            h(r.category),
            r.weight === null ? '–' : fmt(r.weight, 2),
            h(r.note),
            r.alternative === null ? '–' : h(r.alternative),
            ...r.counts.map(String),
          ]),
          [false, false, false, true, false, false, ...v.articles.map(() => true)],
        );
  const lex =
    v.lexicons.length === 0
      ? '<p>None loaded.</p>'
      : table(
          ['Lexicon', 'Version', 'sha256'],
          v.lexicons.map((l) => [h(l.id), h(l.version), h(l.sha256)]),
        );
  return `<section id="legend">
<h2>Legend</h2>
<ul>
<li><mark class="loaded">highlighted</mark>: a loaded term (a framing marker from a lexicon or a rule); hover for its category, explanation and lexicon entry, or open the markers list under the version.</li>
<li><span class="source">underlined</span>: a cited source; <span class="cue">shaded</span>: the cue that attributes the statement to it (neutral or not).</li>
<li><span class="unsourced-flag">⚑</span><span class="unsourced">wavy underline</span>: an assertion in the outlet’s own voice without a source (an unsourced assertion), with the reason.</li>
<li>In word diffs, <del>struck through</del> words are only in the first version and <ins>green</ins> words only in the second.</li>
<li><code>f12</code>: the finding’s id in the JSON report, where its exact character offsets are.</li>
<li>Coverage: the matrix lists the events two or more outlets report (✓ reports it, ✗ leaves it out); each outlet’s events that no other outlet reports follow it (“Only in …”).</li>
</ul>
</section>
<section id="methodology">
<h2>Methodology</h2>
<p>parallax reads each article, separates prose from boilerplate (bylines, captions, share prompts), splits it into sentences and tokens, and then, offline and deterministically:</p>
<ol>
<li><strong>Loaded terms</strong>: matches the lexicons’ phrases (and a few rules, e.g. scare quotes); each match is a marker with a category and a weight, and carries the entry’s note as its explanation.</li>
<li><strong>Attributions</strong>: finds who is cited (source, classified as official, state media, media, data/NGO, expert, anonymous, vague, self), by which cue, and whether verbatim; cues such as <em>hailed</em>, <em>admitted</em>, <em>claimed</em> are non-neutral.</li>
<li><strong>Unsourced assertions</strong>: sentences in the outlet’s own voice that no attribution covers; the reason says why (no attribution, agentless passive, vague source, prediction, prescriptive).</li>
<li><strong>Events</strong>: aligns sentences that report the same claim or happening across articles; an event only some outlets report shows what the others leave out.</li>
</ol>
<p>Rates are per 1,000 tokens of article prose; shares are fractions of the article’s sentences or attributions. Every number traces to findings in the JSON report, each with its exact span and the rule that produced it.</p>
<h3>Rules that fired</h3>
${rules}
<h3>Lexicons</h3>
${lex}
</section>`;
}

/** The standalone HTML report. Pure and deterministic; ends with a single newline. */
export function formatHtml(report: Report, options: FormatOptions = {}): string {
  const v = options.view ?? buildView(report, options.command ?? null);
  const cols = Math.max(1, v.articles.length);
  const wide = v.articles.length > WIDE_ARTICLES;
  const shared = v.events.filter((e) => e.shared);
  const standOut = v.standOut.length === 0 ? 'nothing — no markers, attributions or omissions were found.' : v.standOut.map(h).join(' ');
  const coverage = [
    v.coverage.length === 0
      ? `<p>${h(v.noShared)}</p>`
      : wide
        ? `<p>Which outlets report each shared event (the others leave it out or do not report it).</p>\n${table(
            ['Event', 'Reported by'],
            v.coverage.map((r) => [
              `<a href="#${h(r.id)}">${h(r.id)}</a> ${h(r.label)}`,
              r.cells.flatMap((c, i) => (c === 'reported' ? [h(v.articles[i]!.label)] : [])).join(', '),
            ]),
          )}`
        : `<p>Which outlet reports which shared event (✓ reports it, ✗ leaves it out, · not reported).</p>\n${table(
            ['Event', ...v.articles.map((a) => h(a.label))],
            v.coverage.map((r) => [`<a href="#${h(r.id)}">${h(r.id)}</a> ${h(r.label)}`, ...r.cells.map((c) => COVERAGE_CELL[c])]),
          )}`,
    ...v.onlyIn.map(
      (o) =>
        `<p class="only-in">Only in ${h(o.label)} (${o.events.length}): ${o.events.map((e) => `<a href="#${h(e.id)}">${h(e.id)}</a> ${h(e.label)}`).join('; ')}</p>`,
    ),
  ].join('\n');
  const actors =
    v.actors.length === 0
      ? '<p>No actor descriptions in this report.</p>'
      : `<p>How each outlet names and describes each actor (descriptors as written; mentions; tone).</p>\n${table(
          ['Actor', ...v.articles.map((a) => h(a.label))],
          v.actors.map((a) => [h(a.name), ...a.cells.map((c) => (c === '' ? '–' : h(c)))]),
        )}`;
  const body = [
    header(v),
    `<nav><ul>${NAV.map(([id, name]) => `<li><a href="#${id}">${name}</a></li>`).join('')}</ul></nav>`,
    `<section id="summary">\n<h2>Summary</h2>\n${metricTable(v, v.summary)}\n<p class="standout"><strong>What stands out:</strong> ${standOut}</p>${v.confidence.line === null ? '' : `\n<p class="muted">${h(v.confidence.line)}</p>`}\n</section>`,
    `<section id="coverage">\n<h2>Coverage</h2>\n${coverage}\n</section>`,
    `<section id="events">\n<h2>Shared events</h2>\n${shared.length === 0 ? `<p>${h(v.noShared)}</p>` : shared.map((e) => event(e, cols, wide)).join('\n')}\n</section>`,
    `<section id="single">\n<h2>Reported by one outlet only</h2>\n${singles(v, cols, wide)}\n</section>`,
    `<section id="outlets">\n<h2>Outlets</h2>\n${outlets(v, wide)}\n</section>`,
    `<section id="actors">\n<h2>Actors</h2>\n${actors}\n</section>`,
    legendAndMethod(v),
  ];
  const main = body.join('\n');
  return `<!doctype html>
<!-- generated by ${GENERATOR_MARK}@1 (parallax ${v.toolVersion.replace(/[^\w.+-]/g, '')}); regenerate it with the command in the header instead of editing it -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(main)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${GENERATOR_MARK}@1">
<title>${h(`parallax: ${v.title}`)}</title>
<style>${CSS}</style>
</head>
<body>
${main}
</body>
</html>
`;
}
