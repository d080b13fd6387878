/**
 * npm run generate: rewrites what is generated from code or dependencies' data — the 繁體
 * character list (after upgrading opencc-js) and the field table in docs/publishing.md (after
 * changing src/domain/notice/fields.ts). Unit tests say when it is needed.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { traditionalCharactersModule } from './lib/traditional-characters.ts';
import { withFieldTable } from './lib/field-table-doc.ts';

/** File → its new text, made from its current text. */
const GENERATED: Record<string, (current: string) => string> = {
  'src/domain/search/traditional-characters.generated.ts': () => traditionalCharactersModule(),
  'docs/publishing.md': withFieldTable,
};

for (const [file, make] of Object.entries(GENERATED)) {
  const url = new URL(`../${file}`, import.meta.url);
  const current = await readFile(url, 'utf8').catch(() => '');
  const next = make(current);
  if (next === current) continue;
  await writeFile(url, next);
  console.log(`已生成 ${file}`);
}
