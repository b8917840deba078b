/**
 * URLs among the inputs: each is fetched (ingest/fetch.ts) and saved as a file in the pages
 * folder beside the report, and that file is analysed in its place, with the URL recorded as the
 * article's `url`. A failure stops the run (exit 2) unless `--keep-going`, which leaves the page
 * out with a notice.
 */
import { dirname, join } from 'node:path';
import { InputError } from '../core/errors.js';
import { fetchPage, isUrl, pageFileName, type FetchLimits } from '../ingest/fetch.js';
import { writeOutputs } from '../report/write.js';

export interface UrlFlags {
  out?: string;
  json?: string;
  md?: string;
  html?: string;
  pages?: string;
  keepGoing?: boolean;
  maxBytes?: number;
  fetchTimeoutMs?: number;
}

/** Where fetched pages are saved: --pages, else `pages/` in the --out folder or beside the first output file, else reports/pages. */
export function pagesDir(flags: UrlFlags): string {
  if (flags.pages) return flags.pages;
  if (flags.out) return join(flags.out, 'pages');
  const file = [flags.json, flags.md, flags.html].find((f) => f !== undefined && f !== '-');
  return file ? join(dirname(file), 'pages') : join('reports', 'pages');
}

export interface FetchedInputs {
  /** The inputs with each URL replaced by its saved page (failed pages left out with --keep-going). */
  inputs: string[];
  /** Saved page path → the URL it came from (after redirects). */
  pageUrls: Record<string, string>;
}

/** Fetches and saves the URLs among `paths`; other paths pass through unchanged. */
export async function fetchInputs(paths: readonly string[], flags: UrlFlags, notice: (text: string) => void): Promise<FetchedInputs> {
  if (!paths.some(isUrl)) return { inputs: [...paths], pageUrls: {} };
  const limits: FetchLimits = {
    ...(flags.fetchTimeoutMs === undefined ? {} : { timeoutMs: flags.fetchTimeoutMs }),
    ...(flags.maxBytes === undefined ? {} : { maxBytes: flags.maxBytes }),
  };
  const dir = pagesDir(flags);
  const inputs: string[] = [];
  const pageUrls: Record<string, string> = {};
  const files: { path: string; content: string }[] = [];
  for (const p of paths) {
    if (!isUrl(p)) {
      inputs.push(p);
      continue;
    }
    try {
      const page = await fetchPage(p, limits);
      const path = join(dir, pageFileName(page));
      if (pageUrls[path]) continue; // the same URL twice
      files.push({ path, content: page.text });
      pageUrls[path] = page.finalUrl;
      inputs.push(path);
    } catch (e) {
      if (!(e instanceof InputError) || flags.keepGoing !== true) throw e;
      notice(`skipped ${e.format()}`);
    }
  }
  if (inputs.length === 0) {
    throw new InputError('no page could be fetched', {
      expected: 'at least one article',
      found: `${paths.length} URL${paths.length === 1 ? '' : 's'}, none fetched`,
      hint: 'see the notices above; check the addresses',
    });
  }
  // The saved pages are parallax's own (named by a hash of the URL): written whole, replaced on a re-run.
  writeOutputs(files, true);
  return { inputs, pageUrls };
}
