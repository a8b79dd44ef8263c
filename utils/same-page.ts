/**
 * Whether two addresses name the same page, as the popup asks of a tab's verdict and the tab's address:
 * the fragment is ignored (in-page anchors and review tabs change it without changing the product), and
 * anything else (path, query, host) makes another page. Addresses that do not parse are never the same.
 */
export function samePage(a: string, b: string): boolean {
  if (!URL.canParse(a) || !URL.canParse(b)) return false;
  const x = new URL(a);
  const y = new URL(b);
  x.hash = '';
  y.hash = '';
  return x.href === y.href;
}
