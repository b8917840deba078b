/** Test helper: the tables of a markdown document as GitHub-flavoured markdown parses them (marked). */
import { marked, type Tokens, type Token } from 'marked';

export interface ParsedTable {
  header: string[];
  rows: string[][];
}

/** Every table in `markdown` (nested ones included), cells as their raw text. */
export function gfmTables(markdown: string): ParsedTable[] {
  const out: ParsedTable[] = [];
  void marked.walkTokens(marked.lexer(markdown, { gfm: true }), (t: Token) => {
    if (t.type === 'table') {
      const tt = t as Tokens.Table;
      out.push({ header: tt.header.map((c) => c.text), rows: tt.rows.map((r) => r.map((c) => c.text)) });
    }
  });
  return out;
}

/** The document rendered to HTML by marked (GFM). */
export function gfmHtml(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}
