/**
 * The report contract (shared/docs/report-contract.md), checked on an in-memory report: every
 * span has integer offsets inside its article, slices back to its text, and no finding, finding
 * part or event mention overlaps boilerplate. Returns readable problems (empty when it holds).
 */
import type { Report, Span } from '../../src/core/types.js';

type Spanish = (Span & { text?: string }) | null | undefined;

/** `sources` maps article path → the file text as read (BOM removed); defaults to `article.text`. */
export function contractProblems(report: Report, sources?: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const fail = (m: string) => {
    if (problems.length < 20) problems.push(m);
  };
  const texts = new Map<string, string>();
  const boiler = new Map<string, Span[]>();
  for (const a of report.articles) {
    const src = sources?.get(a.path) ?? a.text;
    if (src !== a.text) fail(`article ${a.id}: report text differs from the file text`);
    texts.set(a.id, src);
    boiler.set(a.id, a.boilerplate);
  }
  const check = (where: string, article: string, s: Spanish, needsText: boolean, noBoiler: boolean) => {
    if (s === null || s === undefined) return;
    const t = texts.get(article);
    if (t === undefined) return fail(`${where}: unknown article ${article}`);
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || s.end > t.length) {
      return fail(`${where}: bad offsets ${s.start}..${s.end} (length ${t.length})`);
    }
    if (needsText && t.slice(s.start, s.end) !== s.text) {
      fail(`${where}: text ${JSON.stringify(s.text)} != slice ${JSON.stringify(t.slice(s.start, s.end))}`);
    }
    if (noBoiler && (boiler.get(article) ?? []).some((b) => s.start < b.end && b.start < s.end)) {
      fail(`${where} ${s.start}..${s.end} ${JSON.stringify(t.slice(s.start, s.end).slice(0, 40))}: lies in boilerplate`);
    }
  };
  for (const a of report.articles) {
    for (const b of a.boilerplate) check(`article ${a.id} boilerplate`, a.id, b, true, false);
    for (const b of a.body) check(`article ${a.id} body`, a.id, b, false, true);
    for (const s of a.sentenceSpans) check(`article ${a.id} sentence`, a.id, s, false, true);
  }
  const ids = new Set<string>();
  for (const f of report.findings) {
    const where = `finding ${f.id} (${f.kind} ${f.rule})`;
    if (ids.has(f.id)) fail(`${where}: duplicate id`);
    ids.add(f.id);
    check(where, f.article, f, true, true);
    if (!f.explanation) fail(`${where}: no explanation`);
    if (f.kind === 'attribution') {
      check(`${where} source`, f.article, f.source, true, true);
      check(`${where} cue`, f.article, f.cue, true, true);
      check(`${where} content`, f.article, f.content, true, true);
    }
  }
  const eventIds = new Set<string>();
  for (const e of report.events) {
    if (eventIds.has(e.id)) fail(`event ${e.id}: duplicate id`);
    eventIds.add(e.id);
    if (e.mentions.length === 0) fail(`event ${e.id}: no mentions`);
    for (const m of e.mentions) check(`event ${e.id} mention`, m.article, m, true, true);
    const arts = [...new Set(e.mentions.map((m) => m.article))].sort();
    if (JSON.stringify([...e.articles].sort()) !== JSON.stringify(arts)) fail(`event ${e.id}: articles do not match mentions`);
  }
  return problems;
}

/**
 * Findings and events with article ids replaced by the article text, so reports of the same
 * texts under different file names (and so different ids) can be compared.
 */
export function canonicalAnalysis(report: Report): { findings: string[]; events: string[] } {
  const textOf = new Map(report.articles.map((a) => [a.id, a.text]));
  const key = (article: string, s: Span) => `${JSON.stringify(textOf.get(article))}@${s.start}-${s.end}`;
  const findings = report.findings
    .map((f) => {
      const { id: _id, article, ...rest } = f;
      return `${key(article, f)} ${JSON.stringify(rest)}`;
    })
    .sort();
  const events = report.events
    // The label is left out: it is taken from the first article's mention, so it follows path order.
    .map((e) =>
      e.mentions
        .map((m) => key(m.article, m))
        .sort()
        .join(' '),
    )
    .sort();
  return { findings, events };
}
