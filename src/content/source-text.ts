/**
 * Decoding the bytes of a content file. Offices type in Word and Windows editors, so files
 * arrive with BOMs, CRLF line ends, sometimes as UTF-16 or GBK, and now and then with an
 * invisible control character pasted from Word: accept the first two, and explain the rest
 * (with the line) instead of publishing mojibake.
 */
import { detectEncoding, findControlCharacter, type Detection, type Encoding } from './text-encoding.ts';

export type DecodeResult =
  | { ok: true; text: string; hadBom: boolean; newline: '\n' | '\r\n' }
  | { ok: false; kind: 'not-utf8' | 'control-character'; message: string; fix: string; line?: number };

type Refusal = Extract<DecodeResult, { ok: false }>;

/** How editors' “Save as” dialogs name the encodings. */
export const ENCODING_NAMES: Readonly<Record<Encoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16（小端）',
  'utf-16be': 'UTF-16（大端）',
  'utf-32le': 'UTF-32（小端）',
  'utf-32be': 'UTF-32（大端）',
  gbk: 'GBK/GB18030',
};

const CONVERT = '运行 npm run check -- --fix 自动转为 UTF-8（原文件会先备份），或用记事本打开后“另存为”，编码选 UTF-8';

export function decodeSource(bytes: Uint8Array): DecodeResult {
  const detected = detectEncoding(bytes);
  if (!detected.ok) return explainUndecodable(detected);
  if (detected.encoding !== 'utf-8') {
    const note = detected.encoding === 'gbk' ? '（Windows 编辑器的常见默认编码）' : '';
    return { ok: false, kind: 'not-utf8', message: `文件是 ${ENCODING_NAMES[detected.encoding]} 编码${note}，网站只接受 UTF-8`, fix: CONVERT };
  }
  const control = findControlCharacter(detected.text);
  if (control) return explainControlCharacter(control);
  const newline = detected.text.includes('\r\n') ? '\r\n' : '\n';
  return { ok: true, text: detected.text.replace(/\r\n?/g, '\n'), hadBom: detected.hadBom, newline };
}

/** Why bytes whose encoding cannot be told for certain are refused; `check --fix` leaves such a file alone. */
export function explainUndecodable(detected: Extract<Detection, { ok: false }>): Refusal {
  const resave = '用记事本或 VS Code 打开：文字显示正常就“另存为”UTF-8 编码；显示乱码就从原稿重新保存为 UTF-8';
  switch (detected.reason) {
    case 'bom-mismatch': {
      const name = ENCODING_NAMES[detected.encoding];
      return { ok: false, kind: 'not-utf8', message: `文件开头标明是 ${name} 编码，但后面的内容不是有效的 ${name}，文件可能已损坏`, fix: resave };
    }
    case 'nul-byte':
      return {
        ok: false, kind: 'not-utf8', line: detected.line,
        message: `第 ${detected.line} 行有空字节（NUL），这不是文本文件：可能是改了扩展名的 Word、图片等文件，或文件已损坏`,
        fix: '公文请用记事本打开并另存为 UTF-8；不是公文的文件请移出 notices 文件夹（附件放在 attachments 文件夹）',
      };
    case 'unknown':
      return { ok: false, kind: 'not-utf8', message: '无法识别的编码：文件不是 UTF-8，也不像 GBK 或 UTF-16 编码的中文文本，可能已损坏或不是文本文件', fix: resave };
  }
}

function explainControlCharacter({ line, codePoint }: { line: number; codePoint: number }): Refusal {
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    ok: false, kind: 'control-character', line,
    message: `第 ${line} 行有看不见的控制字符 ${code}（${controlCharacterName(codePoint)}），网站不接受`,
    fix: '在 VS Code 中打开该行（控制字符显示为红色小方块），删掉它；需要换行就直接回车',
  };
}

function controlCharacterName(codePoint: number): string {
  if (codePoint === 0x00) return '空字符，文件可能已损坏';
  if (codePoint === 0x0b) return '垂直制表符，常随 Word 里用 Shift+回车 打出的手动换行复制进来';
  if (codePoint === 0x0c) return '换页符，常随 Word 的分页符复制进来';
  if (codePoint >= 0x80) return 'C1 控制字符，常是编码转换出错留下的';
  return '控制字符';
}

