/**
 * npm run generate: rewrites the files in src/ that are generated from dependencies' data.
 * Run it after upgrading opencc-js; a unit test says when it is needed.
 */
import { writeFile } from 'node:fs/promises';
import { traditionalCharactersModule } from './lib/traditional-characters.ts';

const GENERATED = { 'src/domain/search/traditional-characters.generated.ts': traditionalCharactersModule } as const;

for (const [file, make] of Object.entries(GENERATED)) {
  await writeFile(new URL(`../${file}`, import.meta.url), make());
  console.log(`已生成 ${file}`);
}
