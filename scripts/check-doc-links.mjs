// Every relative link `](path)` or `](path#anchor)` in README.md and docs/*.md must name a file or
// folder that exists (resolved from the linking file's folder), and an anchor must name a heading
// of the target markdown file (GitHub's slugs). Exit 1 listing the broken ones.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const files = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const slug = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
const anchorsOf = (file) => {
  const seen = new Map();
  const out = new Set();
  let fence = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('```')) fence = !fence;
    const m = !fence && /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
};
const broken = [];
let count = 0;
for (const f of files) {
  const text = readFileSync(join(root, f), 'utf8');
  for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = m[1];
    if (/^[a-z]+:/i.test(target)) continue;
    count++;
    const [path, anchor] = target.split('#');
    const abs = path ? resolve(join(root, dirname(f)), path) : join(root, f);
    const line = text.slice(0, m.index).split('\n').length;
    if (!existsSync(abs)) broken.push(`${f}:${line}: ${target} (no such file)`);
    else if (anchor && statSync(abs).isFile() && abs.endsWith('.md') && !anchorsOf(abs).has(anchor))
      broken.push(`${f}:${line}: ${target} (no such heading)`);
  }
}
if (broken.length) {
  console.error(broken.join('\n'));
  process.exit(1);
}
console.log(`${count} relative links in ${files.length} files resolve`);
