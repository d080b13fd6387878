/**
 * `check --fix`: rewrites the mistakes that have exactly one right answer — files saved as
 * UTF-16, UTF-32 or GBK become UTF-8, full-width colons, list dashes and indentation in the
 * YAML syntax become ASCII, keys written under another name (发文机关) get the site's name
 * (发布机构), 文号 brackets become 〔〕, and a notice saved without a 索引号 gets the next free one
 * (allocate-index-numbers.ts). Everything else, and any
 * file whose encoding cannot be told for certain, is left for the editor, with check's message
 * saying how. Every rewritten file's original is backed up first (safe-rewrite.ts).
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readContentFolder } from './content-folder.ts';
import { ENCODING_NAMES, explainUndecodable } from './source-text.ts';
import { decodeStrictly, detectEncoding, type Encoding } from './text-encoding.ts';
import { splitNotice } from './notice-source.ts';
import { checkDocNumber } from '../domain/notice/doc-number.ts';
import { KEY_SYNONYMS } from '../domain/notice/field-labels.ts';
import { fullWidthRepairs } from '../domain/notice/yaml-full-width.ts';
import { GUIDE_FILE, ORGAN_FILE, parseSiteYaml, RULES_FILE, SITE_FILE } from './content-check.ts';
import { allocateIndexNumbers } from './allocate-index-numbers.ts';
import { backupRun, describeFileError, replaceFile, type BackupRun } from './safe-rewrite.ts';

/** What `--fix` does to one file: write `output` (reporting `changes`), or leave it and say why. */
export type FixPlan = { output: string; changes: string[] } | { refused: string };

/** Applies the fixes and returns one line per change, in Chinese. */
export async function fixContentFolder(dir: string): Promise<string[]> {
  const folder = await readContentFolder(dir);
  const backups = backupRun(dir, new Date());
  const lines: string[] = [];
  // zhidu.md and jigou.yaml are typed in Word and saved as GBK as often as guide.md and site.yaml.
  const files = [SITE_FILE, GUIDE_FILE, RULES_FILE, ORGAN_FILE, ...folder.notices.map((n) => n.path)];
  const planned = new Map<string, PlannedFile>();
  for (const file of files) {
    const read = await planFile(dir, file);
    if (typeof read === 'string') lines.push(read);
    else if (read) planned.set(file, read);
  }
  // Numbers are handed out after the other fixes: a `索引号：` with a full-width colon is a
  // number already there, and a file only becomes readable once it is UTF-8.
  const allocated = allocateMissing(folder.siteYaml, planned, folder.notices.map((n) => n.path));
  lines.push(...allocated);
  for (const [file, { bytes, plan }] of planned) {
    if (!plan) continue;
    lines.push(...(await writePlan(dir, file, bytes, plan, backups)));
  }
  return lines;
}

/** A file as read, and its fixes (none yet when `plan` is undefined). */
interface PlannedFile {
  bytes: Uint8Array;
  plan?: { output: string; changes: string[] };
  /** The text after the fixes, when it could be decoded. */
  text?: string;
}

/** The file's fixes, a refusal line, or nothing for a file that is not there. */
async function planFile(dir: string, file: string): Promise<PlannedFile | string | undefined> {
  const path = join(dir, file);
  const info = await lstat(path).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isFile()) return `未自动修正 ${file}：它是指向别处的链接，请直接修改它指向的文件`;
  const bytes = new Uint8Array(await readFile(path));
  const plan = planFix(file, bytes);
  if (plan && 'refused' in plan) return plan.refused;
  const detected = detectEncoding(bytes);
  const text = plan ? plan.output.replace(/^\uFEFF/, '') : detected.ok ? detected.text : undefined;
  return { bytes, ...(plan && { plan }), ...(text !== undefined && { text }) };
}

/** 索引号 for notices saved without one (allocate-index-numbers.ts), added to their plans. */
function allocateMissing(siteYaml: Uint8Array | undefined, planned: Map<string, PlannedFile>, notices: string[]): string[] {
  const texts = notices.flatMap((path) => {
    const text = planned.get(path)?.text;
    return text === undefined ? [] : [{ path, text }];
  });
  const site = siteYaml && parseSiteYaml(siteYaml).site;
  const { allocations, skipped } = allocateIndexNumbers(texts, site ? site.organCode : undefined);
  for (const { path, text, line, indexNumber } of allocations) {
    const entry = planned.get(path)!;
    const bom = entry.plan?.output.startsWith('\uFEFF') ? '\uFEFF' : '';
    const changes = [...(entry.plan?.changes ?? []), `已分配 ${path}:${line} 索引号：${indexNumber}`];
    entry.plan = { output: bom + text, changes };
    entry.text = text;
  }
  return skipped;
}

async function writePlan(
  dir: string,
  file: string,
  bytes: Uint8Array,
  plan: { output: string; changes: string[] },
  backups: BackupRun,
): Promise<string[]> {
  let backup: string | undefined;
  try {
    backup = await backups.save(file, bytes);
    await writeVerified(join(dir, file), plan.output, bytes);
    return [...plan.changes, `  已备份原文件到 ${backup}`];
  } catch (error) {
    const kept = backup ? `（原文件已备份到 ${backup}）` : '';
    return [`未能修正 ${file}：${describeFileError(error)}。文件保持原样${kept}，请处理后重新运行 npm run check -- --fix`];
  }
}

/** Writes `output` as UTF-8 and reads it back; puts `original` back when the two differ. */
async function writeVerified(path: string, output: string, original: Uint8Array): Promise<void> {
  await replaceFile(path, new TextEncoder().encode(output));
  if (decodeStrictly('utf-8', await readFile(path)) === output) return;
  await replaceFile(path, original);
  throw new Error('写入后读回的内容与预期不同，已恢复原文件');
}

/** The file's new text (BOM included) and the changes, without touching the disk. */
export function planFix(file: string, bytes: Uint8Array): FixPlan | undefined {
  const detected = detectEncoding(bytes);
  if (!detected.ok) return { refused: `未自动修正 ${file}：${explainUndecodable(detected).message}。文件没有改动` };
  const changes: string[] = [];
  if (detected.encoding !== 'utf-8') {
    changes.push(`已修正 ${file}：由 ${shortName(detected.encoding)} 编码转为 UTF-8`);
    // Without a BOM the encoding was inferred; a person reading one line catches the rare miss.
    if (!detected.hadBom) changes.push(`  请核对转换结果：${sampleLine(detected.text)}；如是乱码，请用备份恢复原文件`);
  }
  let text = detected.text;
  const isNotice = file.startsWith('notices/');
  if (isNotice || file === SITE_FILE || file === ORGAN_FILE) {
    const syntax = fixFullWidthSyntax(text, isNotice);
    text = syntax.text;
    changes.push(...syntax.repairs.map((r) => `已修正 ${file}:${r.line} ${r.where}：“${shortened(r.from)}” → “${shortened(r.to)}”`));
  }
  if (isNotice) {
    const renamed = renameSynonymKeys(file, text);
    text = renamed.text;
    changes.push(...renamed.renames.map((r) => `已修正 ${file}:${r.line} 字段名：${r.from} → ${r.to}`));
  }
  const fixed = isNotice ? fixDocNumber(file, text) : undefined;
  if (fixed) {
    text = fixed.text;
    changes.push(`已修正 ${file}:${fixed.line} 文号：${fixed.from} → ${fixed.to}`);
  }
  if (!changes.length) return undefined;
  // A UTF-8 BOM is the editor's choice and harmless; a UTF-16/32 BOM would be wrong in UTF-8.
  const bom = detected.encoding === 'utf-8' && detected.hadBom ? '\uFEFF' : '';
  return { output: bom + text, changes };
}

/** A line as the change list shows it: trimmed, at most 40 characters. */
function shortened(line: string): string {
  const trimmed = line.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
}

/** A text's lines and line ends, alternating, so a rewrite keeps CRLF, CR and LF as they were. */
const linesAndEnds = (text: string) => text.split(/(\r\n|\r|\n)/);

/**
 * Full-width colons, dashes and indentation in YAML syntax → ASCII (yaml-full-width.ts decides
 * which, the same as check). In a notice, only the frontmatter: the body is the clerk's prose.
 */
function fixFullWidthSyntax(
  text: string,
  frontmatterOnly: boolean,
): { text: string; repairs: { line: number; where: string; from: string; to: string }[] } {
  const parts = linesAndEnds(text);
  const lines = parts.filter((_, i) => i % 2 === 0);
  let from = 0;
  let to = lines.length;
  if (frontmatterOnly) {
    if (!/^---[ \t]*$/.test(lines[0] ?? '')) return { text, repairs: [] };
    from = 1;
    to = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
    if (to < 0) return { text, repairs: [] };
  }
  const repairs = fullWidthRepairs(lines.slice(from, to).join('\n')).map((r) => {
    const line = from + r.line;
    parts[2 * (line - 1)] = r.to;
    const keys = r.issues.flatMap((issue) => (issue.key ? [issue.key] : []));
    return { line, where: keys.length ? keys.join('、') : '全角符号', from: r.from, to: r.to };
  });
  return { text: parts.join(''), repairs };
}

/**
 * Keys written under another name (发文机关 → 发布机构, field-labels.ts), renamed on their own
 * line. Not when the file also has the right key, nor twice to the same key: which value is
 * right is then the editor's call, and check keeps saying so.
 */
function renameSynonymKeys(file: string, text: string): { text: string; renames: { line: number; from: string; to: string }[] } {
  const { source } = splitNotice(file, text.replace(/\r\n?/g, '\n'));
  if (!source) return { text, renames: [] };
  const parts = linesAndEnds(text);
  const taken = new Set(Object.keys(source.data));
  const renames: { line: number; from: string; to: string }[] = [];
  for (const key of Object.keys(source.data)) {
    const target = KEY_SYNONYMS.get(key);
    const line = source.lineOf(key);
    if (!target || taken.has(target) || !line) continue;
    const before = parts[2 * (line - 1)]!;
    if (!before.startsWith(key)) continue; // a quoted key: left for the editor
    parts[2 * (line - 1)] = target + before.slice(key.length);
    taken.add(target);
    renames.push({ line, from: key, to: target });
  }
  return { text: parts.join(''), renames };
}

/** The first line with Chinese in it, shortened: `第 2 行“标题: 关于…”`. */
function sampleLine(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const at = Math.max(0, lines.findIndex((line) => /[^\x00-\x7f]/.test(line)));
  const line = lines[at]!.trim();
  return `第 ${at + 1} 行“${line.length > 40 ? `${line.slice(0, 40)}…` : line}”`;
}

function shortName(encoding: Encoding): string {
  return encoding === 'gbk' ? 'GBK' : ENCODING_NAMES[encoding];
}

/** `text` keeps its line ends (CRLF, CR, LF, even mixed): only the 文号 line changes. */
function fixDocNumber(file: string, text: string): { text: string; line: number; from: string; to: string } | undefined {
  const { source } = splitNotice(file, text.replace(/\r\n?/g, '\n'));
  const value = source?.data['文号'];
  const line = source?.lineOf('文号');
  if (typeof value !== 'string' || !line) return undefined;
  const checked = checkDocNumber(value);
  if (checked.ok || !checked.fixed) return undefined;
  const from = value.trim();
  const to = checked.fixed;
  const parts = text.split(/(\r\n|\r|\n)/); // line, line end, line, …
  const before = parts[2 * (line - 1)]!;
  const after = before.replace(from, () => to); // a function, so that `$&` in a 文号 stays text
  if (after === before) return undefined;
  parts[2 * (line - 1)] = after;
  return { text: parts.join(''), line, from, to };
}
