/**
 * Whether the search page (src/site/browser/search/search-page.ts) has finished its search: a status
 * is shown, and neither the results nor the facets are marked aria-busy. The e2e tests and
 * `npm run bench` wait on it. It runs in the browser (page.waitForFunction), so it must not
 * use anything outside its own body.
 */
export function searchSettledInPage(): boolean {
  const status = document.getElementById('search-status')?.textContent ?? '';
  return (
    status !== '' &&
    document.querySelector('#search-results[aria-busy="true"], #search-facets[aria-busy="true"]') === null
  );
}

/** The first results are on the page, or the search has finished without any. Self-contained, as above. */
export function searchShownInPage(): boolean {
  if (document.querySelector('.search-result')) return true;
  const status = document.getElementById('search-status')?.textContent ?? '';
  return (
    status !== '' &&
    document.querySelector('#search-results[aria-busy="true"], #search-facets[aria-busy="true"]') === null
  );
}
