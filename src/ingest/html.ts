/**
 * HTML articles: main-text extraction. (First version: refuses HTML; replaced by the
 * readability-based extractor.)
 */
import { InputError } from '../core/errors.js';
import type { SourceDocument } from '../core/types.js';

export function readHtml(path: string, _text: string): SourceDocument {
  throw new InputError('HTML input is not supported yet', { file: path, hint: 'save the article as .txt' });
}
