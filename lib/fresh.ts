// Reading and validating every lab.yaml or lesson takes tens of milliseconds; a page view should
// not pay that for each of its lookups, yet an author's edit must show up without a restart.
// A load is reused for a few seconds, per folder.

export function freshFor<T>(ms: number, load: (root: string) => Promise<T>): (root: string) => Promise<T> {
  const cache = new Map<string, { at: number; value: Promise<T> }>();
  return (root) => {
    const hit = cache.get(root);
    if (hit && Date.now() - hit.at < ms) return hit.value;
    const value = load(root);
    cache.set(root, { at: Date.now(), value });
    return value;
  };
}
