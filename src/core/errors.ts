/**
 * Errors the user can fix (bad input, bad options, unwritable output). The CLI prints them as
 * one line and exits with code 2; anything else is a bug and is reported as such.
 */
import { headUnits } from './spans.js';

export interface InputErrorDetails {
  /** File the problem is in, as the user gave it. */
  file?: string | undefined;
  /** 1-based line number in `file`. */
  line?: number | undefined;
  /** 1-based column number in `file`. */
  column?: number | undefined;
  /** What was expected. */
  expected?: string | undefined;
  /** What was found instead. */
  found?: string | undefined;
  /** How to fix it. */
  hint?: string | undefined;
}

export class InputError extends Error {
  readonly details: InputErrorDetails;
  constructor(message: string, details: InputErrorDetails = {}) {
    super(message);
    this.name = 'InputError';
    this.details = details;
  }

  /** One line: `file:line:col: message: expected X, found Y — fix: hint`. */
  format(): string {
    const d = this.details;
    const where = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}: ` : '';
    const ef = [d.expected ? `expected ${d.expected}` : '', d.found ? `found ${d.found}` : ''].filter(Boolean).join(', ');
    return `${where}${this.message}${ef ? `: ${ef}` : ''}${d.hint ? ` — fix: ${d.hint}` : ''}`;
  }
}

/** Short, printable, escaped rendering of a piece of user text for an error message. */
export function quoteForMessage(text: string, max = 40): string {
  const cut = text.length > max ? `${headUnits(text, max)}…` : text;
  return JSON.stringify(cut);
}
