/**
 * Brands that a notice prints without a field for them: the leading words a product text shares with the
 * recalling firm, and names followed by the word "brand". CPSC product names and openFDA descriptions are
 * often the only place a short brand appears; Health Canada titles say "X brand Y recalled".
 */

/**
 * The leading words a product text shares with a firm name: "Tidewater TW-PS500 Portable Power Stations"
 * and "Tidewater Energy Inc." give "Tidewater"; "Clover Hill Dairy LLP, mild cheese" and "Clover Hill
 * Dairy, LLC" give "Clover Hill Dairy". `stopwords` (lower case) are words that start names without
 * naming anyone; each feed keeps its own list, since "Baby" starts CPSC product types but FDA brands.
 */
export function sharedLeadingWords(
  productName: string,
  firm: string,
  stopwords: ReadonlySet<string>,
): string | null {
  const a = productName.split(/\s+/);
  const b = firm.split(/\s+/);
  const words: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = (a[i] ?? '').replace(/[,.]+$/, '');
    const y = (b[i] ?? '').replace(/[,.]+$/, '');
    if (!x || x.toLowerCase() !== y.toLowerCase()) break;
    words.push(x);
  }
  const first = words[0];
  if (!first || first.length < 3 || !/^\p{Lu}/u.test(first) || stopwords.has(first.toLowerCase()))
    return null;
  return words.join(' ');
}

/**
 * Brands a text names as such: "Harris Teeter Traders brand Lemon Sorbet", "Smarter Snacks brand".
 * "sold under the following brand names: ..." lists are prose without a delimiter, left alone.
 */
export function brandsNamedAsBrand(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?:^|[\s,(;:])((?:\p{Lu}[\p{L}\p{N}&'’.-]*)(?:\s+(?:&\s+)?\p{Lu}[\p{L}\p{N}&'’.-]*){0,3})\s+brand\b(?!\s+names?\b)/gu,
  )) {
    if (m[1] && !/^(?:The|A|An|Various|Multiple|All|Private)$/.test(m[1])) out.push(m[1]);
  }
  return out;
}
