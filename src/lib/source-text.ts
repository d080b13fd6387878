/**
 * Decoding the bytes of a content file. Offices type in Word and Windows editors, so files
 * arrive with BOMs, CRLF line ends and sometimes GBK: accept the first two, and explain the
 * third instead of publishing mojibake.
 */
export type DecodeResult =
  | { ok: true; text: string; hadBom: boolean; newline: '\n' | '\r\n' }
  | { ok: false; message: string; fix: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const strictGb18030 = new TextDecoder('gb18030', { fatal: true });

export function decodeSource(bytes: Uint8Array): DecodeResult {
  let raw: string;
  try {
    raw = strictUtf8.decode(bytes);
  } catch {
    return { ok: false, ...explainNonUtf8(bytes) };
  }
  const hadBom = raw.startsWith('\uFEFF');
  const withoutBom = hadBom ? raw.slice(1) : raw;
  const newline = withoutBom.includes('\r\n') ? '\r\n' : '\n';
  return { ok: true, text: withoutBom.replace(/\r\n?/g, '\n'), hadBom, newline };
}

function explainNonUtf8(bytes: Uint8Array): { message: string; fix: string } {
  const convert = '用记事本或 VS Code 打开，选择“另存为”并把编码选为 UTF-8；或运行 npm run check -- --fix 自动转换';
  try {
    strictGb18030.decode(bytes);
    return { message: '文件不是 UTF-8 编码，看起来是 GBK/GB18030（Windows 编辑器的常见默认编码）', fix: convert };
  } catch {
    return { message: '文件不是 UTF-8 编码，也无法识别为 GBK，可能已损坏或不是文本文件', fix: convert };
  }
}

/** GBK bytes → text, for `check --fix`; undefined when the bytes are not valid GB18030 either. */
export function decodeGbk(bytes: Uint8Array): string | undefined {
  try {
    return strictGb18030.decode(bytes);
  } catch {
    return undefined;
  }
}
