/**
 * The CSS modifier that marks a document no longer in force (`badge--repealed`,
 * `notice-status--expired`): one mapping for the 目录, the notice page and the search results.
 * Its own module so the browser's search page can import it without the catalogue queries.
 */

/** `repealed` for 废止, `expired` for 失效, undefined for 有效 or no 有效性 at all. */
export function validityClass(validity: string | undefined): 'repealed' | 'expired' | undefined {
  return validity === '废止' ? 'repealed' : validity === '失效' ? 'expired' : undefined;
}
