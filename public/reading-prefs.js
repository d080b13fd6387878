/* Applies the reader's saved 字号 and 适老化 choices before the page is drawn, so text does not
   jump. Tiny and render-blocking on purpose; the toolbar itself loads later (reading-tools.ts). */
(function () {
  try {
    var root = document.documentElement;
    var size = localStorage.getItem('gongkai.fontSize');
    if (size === 's' || size === 'l') root.classList.add('font-' + size);
    if (localStorage.getItem('gongkai.elder') === '1') root.classList.add('elder');
  } catch (e) {
    /* storage blocked: defaults */
  }
})();
