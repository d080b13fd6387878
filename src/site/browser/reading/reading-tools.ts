/** The reading toolbar: 简/繁, 字号, 适老化, 打印. Hidden for readers without JavaScript. */
import { applyDisplay, preferences, type FontSize } from './preferences.ts';
import { t } from '../../../domain/site/ui-strings.ts';

export function startReadingTools(bar: HTMLElement): void {
  const root = document.documentElement;
  const status = bar.querySelector<HTMLElement>('[data-tools-status]')!;
  const scriptButton = bar.querySelector<HTMLButtonElement>('[data-script]')!;
  const sizeButtons = [...bar.querySelectorAll<HTMLButtonElement>('[data-font-size]')];
  const elderButton = bar.querySelector<HTMLButtonElement>('[data-elder]')!;
  const printButton = bar.querySelector<HTMLButtonElement>('[data-print]');

  const showDisplay = () => {
    const size = preferences.fontSize();
    const elder = preferences.elder();
    applyDisplay(root, size, elder);
    for (const b of sizeButtons) b.setAttribute('aria-pressed', String(b.dataset.fontSize === size));
    elderButton.setAttribute('aria-pressed', String(elder));
  };
  const showScript = async (script: 's' | 't') => {
    // The button names the script it switches to.
    scriptButton.textContent = script === 't' ? t('tools.simplified') : t('tools.traditional');
    scriptButton.setAttribute('aria-pressed', String(script === 't'));
    if (script === 't') {
      status.textContent = t('tools.converting');
      try {
        const { toTraditional } = await import('./traditional.ts');
        await toTraditional();
        status.textContent = '';
      } catch {
        status.textContent = t('tools.convertFailed');
      }
    } else if (document.documentElement.dataset.converted) {
      (await import('./traditional.ts')).toSimplified();
    }
    document.documentElement.dataset.converted = script === 't' ? 't' : '';
  };

  for (const button of sizeButtons) {
    button.addEventListener('click', () => {
      preferences.setFontSize(button.dataset.fontSize as FontSize);
      showDisplay();
    });
  }
  elderButton.addEventListener('click', () => {
    preferences.setElder(!preferences.elder());
    showDisplay();
  });
  scriptButton.addEventListener('click', () => {
    const next = preferences.script() === 't' ? 's' : 't';
    preferences.setScript(next);
    void showScript(next);
  });
  printButton?.addEventListener('click', () => window.print());

  bar.hidden = false;
  showDisplay();
  if (preferences.script() === 't') void showScript('t');
  else scriptButton.textContent = t('tools.traditional');
}
