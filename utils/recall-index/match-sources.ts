/**
 * Where each side printed a value a match rests on: the page's fact (json-ld, spec table, title ...) and
 * the notice's identifier (structured field or prose, and the feed field it came from). Every kind of
 * evidence the matcher files cites these, so they sit apart from the rules that decide a tier.
 */
import type {
  IdentityField,
  IdentitySource,
  ProductIdentity,
  RecallIdentifier,
  RecallProduct,
} from '../schemas';

/**
 * Where the page said a value: the fact for that field whose value compares equal, else the field's
 * first fact, else the title (the adapters' last resort).
 */
export function pageSourceOf(
  identity: ProductIdentity,
  fields: readonly IdentityField[],
  same: (factValue: string) => boolean,
): { source: IdentitySource; printed: string | null } {
  const facts = identity.facts.filter((f) => fields.includes(f.field));
  const exact = facts.find((f) => same(f.value));
  if (exact) return { source: exact.source, printed: exact.value };
  return { source: facts[0]?.source ?? 'title-text', printed: null };
}

/**
 * Where the notice said a value, from the product's identifier provenance: the identifier that compares
 * equal, else the field's first identifier, else the structured field the value sits in (a mapper that
 * recorded no provenance still filled that field).
 */
export function recallSourceOf(
  product: RecallProduct,
  fields: readonly RecallIdentifier['field'][],
  same: (identifierValue: string) => boolean,
  fallbackOrigin: string,
  useFirst = true,
): { source: RecallIdentifier['source']; origin: string; printed: string | null } {
  const ids = product.identifiers.filter((i) => fields.includes(i.field));
  const exact = ids.find((i) => same(i.value));
  if (exact) return { source: exact.source, origin: exact.origin, printed: exact.value };
  const first = useFirst ? ids[0] : undefined;
  return { source: first?.source ?? 'structured', origin: first?.origin ?? fallbackOrigin, printed: null };
}
