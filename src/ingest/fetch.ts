/**
 * Articles from http(s) URLs (`parallax analyze URL…`): each page is fetched with Node's fetch
 * under limits (a timeout over the whole exchange, a size cap, at most MAX_REDIRECTS redirects,
 * an HTML or plain-text content type), decoded (the charset the server names, else UTF-8) and
 * handed back as text to be saved as a file beside the report: the report's offsets index that
 * saved file, so they stay reproducible after the page changes. Each failure is an InputError
 * naming the URL, what was expected and found, and a fix. Nothing here touches the network
 * unless the user gave a URL.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../core/errors.js';
import { VERSION } from '../core/version.js';
import { decodeText, DEFAULT_MAX_BYTES } from './read.js';

/** Most redirects followed for one page. */
export const MAX_REDIRECTS = 5;
/** Default longest time for one page (ms), from the request to the last byte. */
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

export interface FetchLimits {
  timeoutMs?: number;
  maxBytes?: number;
}

export interface FetchedPage {
  /** The URL as given. */
  url: string;
  /** The URL the page came from, after redirects. */
  finalUrl: string;
  /** The page's text (UTF-8 when saved). */
  text: string;
  /** The file extension to save it with. */
  extension: '.html' | '.txt';
}

/** True when the argument is an http(s) URL rather than a path. */
export const isUrl = (arg: string): boolean => /^https?:\/\//i.test(arg);

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

const fail = (url: string, message: string, found: string, hint: string, expected = 'an article page') =>
  new InputError(message, { file: url, expected, found, hint });

/** Fetches one page (see the module comment); throws an InputError on any failure. */
export async function fetchPage(url: string, limits: FetchLimits = {}): Promise<FetchedPage> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw fail(url, 'not a valid URL', 'a malformed URL', 'check the address (quote it in the shell when it holds & or ?)', 'an http(s) URL');
  }
  const signal = AbortSignal.timeout(timeoutMs);
  const timeoutHint = 'try again later, or raise the limit with --fetch-timeout-ms';
  try {
    for (let redirects = 0; ; redirects++) {
      if (current.protocol !== 'http:' && current.protocol !== 'https:') {
        throw fail(
          url,
          'cannot fetch this URL',
          `a ${current.protocol} address${redirects ? ' after a redirect' : ''}`,
          'give an http or https address',
          'an http(s) URL',
        );
      }
      let res: Response;
      try {
        res = await fetch(current, {
          redirect: 'manual',
          signal,
          headers: { 'user-agent': `parallax/${VERSION} (article reader)`, accept: 'text/html,application/xhtml+xml,text/plain;q=0.8' },
        });
      } catch (e) {
        if (signal.aborted) throw fail(url, 'the page did not answer in time', `no complete answer within ${timeoutMs} ms`, timeoutHint);
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        throw fail(
          url,
          'cannot fetch the page',
          cause?.code ?? cause?.message ?? (e as Error).message,
          'check the address and the network connection',
          'a server answering at that address',
        );
      }
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel();
        if (redirects >= MAX_REDIRECTS)
          throw fail(
            url,
            'too many redirects',
            `more than ${MAX_REDIRECTS} redirects (last to ${res.headers.get('location')})`,
            'give the address the page finally lives at',
            `at most ${MAX_REDIRECTS} redirects`,
          );
        current = new URL(res.headers.get('location')!, current);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw fail(
          url,
          'the server refused the page',
          `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
          res.status === 404 ? 'check the address' : 'try again later, or save the page from a browser and give the file',
          'HTTP 200',
        );
      }
      const type = (res.headers.get('content-type') ?? '').toLowerCase();
      const media = type.split(';')[0]!.trim();
      const extension = HTML_TYPES.has(media) ? '.html' : media === 'text/plain' ? '.txt' : null;
      if (!extension) {
        await res.body?.cancel();
        throw fail(
          url,
          'not an article page',
          `content type ${media ? JSON.stringify(media) : 'none'}`,
          'give the address of the article as a web page (HTML or plain text)',
          'text/html or text/plain',
        );
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      const tooLarge = (found: string) =>
        fail(url, 'the page is too large to be one article', found, 'raise the limit with --max-bytes', `at most ${maxBytes.toLocaleString('en-US')} bytes`);
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel();
        throw tooLarge(`${declared.toLocaleString('en-US')} bytes announced`);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
          const { done, value } = (await reader.read()) as { done: boolean; value: Uint8Array };
          if (done) break;
          size += value.byteLength;
          if (size > maxBytes) {
            await reader.cancel();
            throw tooLarge(`more than ${maxBytes.toLocaleString('en-US')} bytes`);
          }
          chunks.push(value);
        }
      }
      const bytes = Buffer.concat(chunks);
      const charset = /charset\s*=\s*"?([\w.:-]+)/.exec(type)?.[1];
      let text: string;
      if (charset && !/^utf-?8$/i.test(charset)) {
        try {
          text = new TextDecoder(charset).decode(bytes);
        } catch {
          throw fail(
            url,
            'unknown character set',
            JSON.stringify(charset),
            'save the page from a browser as UTF-8 and give the file',
            'a character set such as UTF-8 or ISO-8859-1',
          );
        }
      } else text = decodeText(bytes, url);
      if (text.trim() === '') throw fail(url, 'the page is empty', 'no text', 'check the address', 'article text');
      return { url, finalUrl: current.href, text: text.replace(/^\uFEFF/, ''), extension };
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (signal.aborted) throw fail(url, 'the page did not answer in time', `no complete answer within ${timeoutMs} ms`, timeoutHint);
    throw fail(url, 'cannot fetch the page', (e as Error).message, 'check the address and the network connection', 'a server answering at that address');
  }
}

/** The file name a fetched page is saved under: host, a slug of the path, a hash of the URL. */
export function pageFileName(page: Pick<FetchedPage, 'url' | 'extension'>): string {
  const u = new URL(page.url);
  const slug = `${u.hostname}${u.pathname}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(page.url).digest('hex').slice(0, 8);
  return `${slug || 'page'}-${hash}${page.extension}`;
}
