/**
 * Article text is hostile: terminal escapes (CSI, OSC title, OSC 8 links), bidi controls, `|` and
 * markdown structure, HTML and script tags, 10,000-character words. The CLI summary, the markdown
 * and the HTML report must render them inert. Runs the built CLI without a TTY.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked, type Token, type Tokens } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

const root = mkdtempSync(join(tmpdir(), 'parallax-inject-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const LONG = 'x'.repeat(10_000);
const EVIL = [
  '---',
  'title: "Evil \\u001b[31mred\\u001b]0;pwned\\u0007 | <script>alert(1)</script>"',
  'outlet: "Evil\\u001b]8;;http://x\\u001b\\\\link\\u001b]8;;\\u001b\\\\ | Times <img src=x onerror=alert(1)>"',
  '---',
  'Troops \x1b[31marrived\x1b[0m in the capital, the regime said on Monday. | col | col |',
  '',
  '“The brutal \x1b]0;title\x07 crackdown must stop,” the minister said. <script>alert("x")</script> \u202eevil\u202c',
  '',
  '# Not a heading | [link](javascript:alert(1)) **bold** `code` <b onclick=alert(1)>b</b> ' + LONG + ' the army said.',
  '',
  'Critics called it a massacre \x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\ according to officials. \u2066\u2067isolate\u2069 \u200f',
  '',
].join('\n');

const CLEAN = `---\noutlet: Calm Post\n---\nTroops arrived in the capital on Monday, the ministry said.\n\nThe minister said the regime would hold talks with officials.\n`;

let summary = '';
let md = '';
let html = '';

beforeAll(() => {
  writeFileSync(join(root, 'evil.md'), EVIL);
  writeFileSync(join(root, 'calm.md'), CLEAN);
  const r = runCli(['analyze', 'evil.md', 'calm.md', '--md', 'out/r.md', '--html', 'out/r.html', '--json', 'out/r.json'], { cwd: root });
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  summary = r.stdout;
  md = readFileSync(join(root, 'out/r.md'), 'utf8');
  html = readFileSync(join(root, 'out/r.html'), 'utf8');
});

const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('hostile article text in CLI outputs', () => {
  it('the summary printed by the CLI has no ESC byte, no control or bidi character', () => {
    expect(summary).toContain('Evil');
    expect(summary).not.toContain('\x1b');
    expect(summary).not.toMatch(CONTROLS);
  });

  it('the markdown has no raw <script or event-handler tag and no control characters', () => {
    expect(md.length).toBeGreaterThan(0);
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/<img|<b onclick/i);
    expect(md).not.toContain('\x1b');
    expect(md).not.toMatch(CONTROLS);
  });

  it('markdown tables keep their column counts when parsed with marked', () => {
    const tables: Tokens.Table[] = [];
    const walk = (tokens: Token[]) => {
      for (const t of tokens) {
        if (t.type === 'table') tables.push(t as Tokens.Table);
        if ('tokens' in t && Array.isArray(t.tokens)) walk(t.tokens);
      }
    };
    walk(marked.lexer(md));
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const cols = t.header.length;
      // marked pads or cuts rows to the header width, so compare the raw lines too.
      for (const row of t.rows) expect(row).toHaveLength(cols);
      const rawRows = t.raw.trimEnd().split('\n');
      const cells = (line: string) =>
        line
          .replace(/\\\\/g, '')
          .replace(/\\\|/g, '')
          .replace(/^\s*\||\|\s*$/g, '')
          .split('|').length;
      for (const line of rawRows) expect(cells(line)).toBe(cols);
    }
    // No heading came from article text.
    expect(
      marked
        .lexer(md)
        .filter((t) => t.type === 'heading')
        .map((t) => (t as Tokens.Heading).text),
    ).not.toContainEqual(expect.stringContaining('Not a heading'));
  });

  it('the HTML has no raw <script or injected element, no javascript: link and no control characters', () => {
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    // The report may carry its own inline script; article text must not add one.
    expect(html).not.toContain('alert(1)</script>');
    expect(html).not.toContain('<script>alert("x")');
    expect(html).not.toMatch(/<img src=x/i);
    expect(html).not.toMatch(/<b onclick/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toContain('\x1b');
    expect(html).not.toMatch(CONTROLS);
    expect(scripts.length).toBeLessThanOrEqual(1);
  });

  it('a 10,000-character word survives whole in the JSON report and does not break the HTML', () => {
    const json = readFileSync(join(root, 'out/r.json'), 'utf8');
    expect(json).toContain(LONG);
    expect(html).toMatch(/<\/html>\s*$/);
  });
});
