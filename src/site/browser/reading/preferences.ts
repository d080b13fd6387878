/** The reader's display choices, remembered in this browser (localStorage) across pages. */
export type FontSize = 's' | 'm' | 'l';
export type Script = 's' | 't';

const KEYS = { fontSize: 'gongkai.fontSize', elder: 'gongkai.elder', script: 'gongkai.script' } as const;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* storage blocked (private mode on old browsers): the choice lasts for this page only */
  }
}

export const preferences = {
  fontSize: (): FontSize => (read(KEYS.fontSize) as FontSize | null) ?? 'm',
  setFontSize: (size: FontSize) => write(KEYS.fontSize, size),
  elder: () => read(KEYS.elder) === '1',
  setElder: (on: boolean) => write(KEYS.elder, on ? '1' : '0'),
  script: (): Script => (read(KEYS.script) === 't' ? 't' : 's'),
  setScript: (script: Script) => write(KEYS.script, script),
};

/** Classes on <html> that the stylesheet reads (also set early by public/reading-prefs.js). */
export function applyDisplay(root: HTMLElement, size: FontSize, elder: boolean): void {
  root.classList.toggle('font-s', size === 's');
  root.classList.toggle('font-l', size === 'l');
  root.classList.toggle('elder', elder);
}
