/** The gongkai project folder (where package.json, src/ and node_modules/ are). */
import { resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
