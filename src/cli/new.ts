/**
 * npm run new [-- --标题 … --分类 … --文号 … --体裁 … --content DIR --yes]
 * Creates content/notices/<year>/<YYYYMMDD>-<体裁>.md with every frontmatter key, 发布日期 today
 * and the next free 索引号; never overwrites. In a terminal, asks for what is missing or wrong;
 * otherwise (or with --yes) lists every problem and exits 1 without writing anything.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { readContentFolder } from '../content/content-folder.ts';
import { parseSiteYaml, SITE_FILE } from '../content/content-check.ts';
import { formatProblem } from '../domain/problems.ts';
import { usedIndexNumbers } from '../domain/notice/used-index-numbers.ts';
import { BODY_PLACEHOLDER } from '../domain/notice/notice-template.ts';
import {
  checkDraft,
  NEW_USAGE,
  parseNewOptions,
  todayInChina,
  type DraftContext,
  type Draft,
  type DraftInput,
} from './new-options.ts';
import { askForDraft } from './new-prompt.ts';
import { fieldsToFillIn, planNotice, writePlannedNotice, type NewNoticePlan } from './new-notice.ts';

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

const options = parseNewOptions(process.argv.slice(2));
if (!options.ok) fail([options.message]);
if (options.help) {
  console.log(NEW_USAGE);
  process.exit(0);
}
const { content, base, yes } = options;
if (!existsSync(join(content, SITE_FILE))) {
  fail([`找不到 ${join(content, SITE_FILE)}：请在项目文件夹中运行，或用 --content 指定内容文件夹`]);
}

const interactive = !yes && process.stdin.isTTY === true && process.stdout.isTTY === true;
let input: DraftInput = options.input;
let asked = false;

// Plan from the folder as it is on disk; if another `npm run new` wrote the same file name in
// the meantime, read the folder again (its 索引号 is probably taken as well) and plan again.
for (let attempt = 1; ; attempt++) {
  const folder = await readContentFolder(content);
  const { site, problems } = parseSiteYaml(folder.siteYaml!);
  if (!site) fail(['site.yaml 有错误，先改正才能新建公文：', ...problems.map(formatProblem)]);
  const context: DraftContext = {
    taxonomy: site.taxonomy,
    organCode: site.organCode,
    existing: usedIndexNumbers(folder),
    today: todayInChina(),
  };

  let checked = checkDraft(input, context);
  if (!checked.ok && interactive && !asked) {
    asked = true;
    input = await askInTerminal(input, context);
    checked = checkDraft(input, context);
  }
  if (!checked.ok) {
    const categoryWrong = checked.errors.some((e) => e.field === 'category');
    fail([
      '没有新建公文，请改正以下问题后重新运行：',
      ...checked.errors.map((e) => `  - ${e.message}`),
      ...(categoryWrong ? [`分类表：${context.taxonomy.join('；')}`] : []),
      ...(interactive ? [] : ['（在终端中直接运行 npm run new 会逐项提问；npm run new -- --help 查看全部选项）']),
    ]);
  }
  for (const note of checked.notes) console.log(`注意：${note}`);

  const planned = planNotice(folder, site, checked.draft, base);
  if (!planned.ok) fail([planned.message]);
  const { plan } = planned;
  if (await writePlannedNotice(content, plan)) {
    report(plan, checked.draft);
    break;
  }
  if (attempt >= 5) fail([`${plan.file} 已存在（可能有人同时在新建公文），没有覆盖它。请稍后重新运行。`]);
}

async function askInTerminal(start: DraftInput, context: DraftContext): Promise<DraftInput> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const closed = new AbortController();
  rl.on('close', () => closed.abort());
  console.log('新建公文：请逐项填写（直接回车表示不填；按 Ctrl+C 取消）。');
  try {
    return await askForDraft(start, context, {
      ask: (question) => rl.question(question, { signal: closed.signal }),
      say: (line) => console.log(line),
    });
  } catch (error) {
    if (closed.signal.aborted || (error as Error).name === 'AbortError') {
      console.log('\n已取消，没有新建文件。');
      process.exit(130);
    }
    throw error;
  } finally {
    rl.close();
  }
}

/** Inside the working folder (where npm runs): relative; elsewhere: absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function report(plan: NewNoticePlan, draft: Draft): void {
  const missing = fieldsToFillIn(draft);
  const file = shown(join(content, plan.file));
  const flags = [
    ...(shown(content) === 'content' ? [] : [`--content ${shown(content)}`]),
    ...(base === '/' ? [] : [`--base ${base}`]),
  ];
  const withFlags = (command: string) => (flags.length ? `${command} -- ${flags.join(' ')}` : command);
  console.log(
    [
      `已新建公文：${file}`,
      `  索引号：${plan.indexNumber}`,
      plan.url ? `  网址：${plan.url}（发布后）` : `  网址：${plan.path}（site.yaml 没有填写网址，这是站内路径）`,
      '',
      '接下来：',
      `  1. 用编辑器（记事本、VS Code 等，保存为 UTF-8）打开 ${file}，把“${BODY_PLACEHOLDER}”换成正文；`,
      `     ${missing.length ? `补上${missing.join('、')}等字段，` : ''}用不到的字段留空即可。`,
      `  2. 运行 ${withFlags('npm run check')} 检查，按提示改正。`,
      `  3. 运行 ${withFlags('npm start')} 在本机预览，打开 http://127.0.0.1:4321${plan.path}`,
      `  4. 确认无误后提交并推送：git add ${file} && git commit -m "发布：${plan.indexNumber}" && git push`,
      '     推送后持续集成会检查并生成网站，检查通过才会发布。',
    ].join('\n'),
  );
}
