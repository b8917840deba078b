/** Where the development datasets are: $PARALLAX_DATASETS, else ../shared/datasets beside the package. */
import { resolve } from 'node:path';
import { PACKAGE_ROOT } from '../core/version.js';

export const DATASETS = resolve(process.env['PARALLAX_DATASETS'] ?? resolve(PACKAGE_ROOT, '../shared/datasets'));
