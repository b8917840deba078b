/** Builds one attribution draft (its span, explanation, rule and pattern) from a cue, its source and what it reports. */
import type { TextSpan } from '../../core/types.js';
import type { LexiconMatch } from '../../lexicons/index.js';
import { type AttributionDraft, type Ctx, type Range, tokSpan } from './context.js';
import type { Resolved } from './sources.js';

export function draft(
  ctx: Ctx,
  pattern: string,
  cue: TextSpan & { neutral: boolean; lemma: string; speech?: false },
  entry: LexiconMatch['entry'],
  source: Range | null,
  who: Resolved | null,
  content: TextSpan | null,
  direct: boolean,
): AttributionDraft {
  const src = source ? { ...tokSpan(ctx, source), ...(who?.resolved ? { resolved: who.resolved } : {}) } : null;
  const parts = [cue, ...(src ? [src] : []), ...(content ? [content] : [])];
  const start = Math.min(...parts.map((p) => p.start));
  const end = Math.max(...parts.map((p) => p.end));
  const type = who?.type ?? 'unknown';
  const whoText = src ? `${who?.name ?? src.text} (${type})` : 'an unnamed source';
  const verb = cue.neutral ? `with the neutral cue "${cue.text}"` : `with "${cue.text}", a non-neutral reporting verb: ${entry.note}`;
  const d: AttributionDraft = {
    kind: 'attribution',
    start,
    end,
    text: ctx.text.slice(start, end),
    explanation: `${direct ? 'Quotes' : 'Cites'} ${whoText} ${verb}`,
    rule: `lexicon:${entry.lexicon}/${entry.id}`,
    pattern,
    source: src,
    cue,
    content,
    direct,
    sourceType: type,
  };
  if (who?.name) d.sourceName = who.name;
  return d;
}
