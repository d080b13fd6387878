/**
 * `Promise.all(items.map(fn))` with at most `limit` calls of `fn` in flight. Reading tens of
 * thousands of files at once runs out of file handles (EMFILE: a 50,000-notice county site
 * did); a few dozen at a time reads just as fast.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]!, i);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run));
  return results;
}

/** Files read at once: far below any system's open-file limit, enough to keep the disk busy. */
export const FILES_AT_ONCE = 64;
