/**
 * Sveltia follows the browser's language unless the clerk chose one in its settings (kept in
 * localStorage under this key), and reads that choice when its module is evaluated: this module
 * is imported before it, so an office computer set to English still opens in 简体中文.
 */
const PREFS = 'sveltia-cms.prefs';
try {
  const prefs = JSON.parse(localStorage.getItem(PREFS) ?? '{}') as Record<string, unknown>;
  if (!prefs.locale) localStorage.setItem(PREFS, JSON.stringify({ ...prefs, locale: 'zh-CN' }));
} catch {
  // No localStorage (blocked cookies): the browser's language decides.
}
