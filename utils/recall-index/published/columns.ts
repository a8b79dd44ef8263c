/**
 * How shards and deltas carry records: column by column. Its own module because the packing is the one
 * part of the published format that knows the `Recall` shape field by field; the documents around it
 * (format.ts) and their bytes (codec.ts) do not.
 *
 * Records travel as `{ "count": n, "columns": { "id": [...], "title": [...], ..., "products": [products
 * per recall], "products.name": [...], ... } }`. Measured on 250,000 synthetic recalls, gzip needs 250
 * bytes a record for an array of Recall objects (the deflate window is 32 KB, so each record pays again
 * for its key names and structure) and 141 bytes in columns, where similar values sit next to each
 * other: 61 MB against 35 MB, and the budget is 40 MB. Identifiers repeat a value that is already in one
 * of the product's lists, so they carry its position in that list instead: `[field, value or index,
 * source, origin]`. Column names are the schema's own field names, so a field added to `Recall` becomes
 * a column without a format change.
 */
import { z } from 'zod';
import { Recall, RecallIdentifier, RecallProduct } from '../../schemas';
import { Count } from './format';

const RECALL_FIELDS = Object.keys(Recall.shape).filter((k) => k !== 'products') as Exclude<
  keyof Recall,
  'products'
>[];
const PRODUCT_FIELDS = Object.keys(RecallProduct.shape).filter((k) => k !== 'identifiers') as Exclude<
  keyof RecallProduct,
  'identifiers'
>[];
const PRODUCTS = 'products';
const IDENTIFIERS = 'products.identifiers';

const IDENTIFIER_LIST = {
  gtin: 'gtins',
  rawGtin: 'rawGtins',
  model: 'models',
  lot: 'lots',
  brand: 'brands',
} as const satisfies Record<RecallIdentifier['field'], keyof RecallProduct>;

type PackedIdentifier = [RecallIdentifier['field'], string | number, RecallIdentifier['source'], string];

export interface PackedRecalls {
  count: number;
  columns: Record<string, unknown[]>;
}

/** Records into columns (see above). Pure and order-preserving: the caller sorts. */
export function packRecalls(recalls: readonly Recall[]): PackedRecalls {
  const columns: Record<string, unknown[]> = {};
  const column = (name: string): unknown[] => {
    let c = columns[name];
    if (!c) {
      c = [];
      columns[name] = c;
    }
    return c;
  };
  for (const name of [
    ...RECALL_FIELDS,
    PRODUCTS,
    ...PRODUCT_FIELDS.map((f) => `${PRODUCTS}.${f}`),
    IDENTIFIERS,
  ])
    column(name);
  for (const r of recalls) {
    for (const f of RECALL_FIELDS) column(f).push(r[f]);
    column(PRODUCTS).push(r.products.length);
    for (const p of r.products) {
      for (const f of PRODUCT_FIELDS) column(`${PRODUCTS}.${f}`).push(p[f]);
      column(IDENTIFIERS).push(
        p.identifiers.map((i): PackedIdentifier => {
          const at = (p[IDENTIFIER_LIST[i.field]] as string[]).indexOf(i.value);
          return [i.field, at >= 0 ? at : i.value, i.source, i.origin];
        }),
      );
    }
  }
  return { count: recalls.length, columns };
}

/**
 * The shape of one product's packed identifiers, checked by hand: this runs once per product of every
 * record of a full download, and a zod parse per product cost more than the rest of the unpacking put
 * together. The values themselves are checked by the `Recall` schema the records go through next.
 */
function isPackedIdentifiers(value: unknown): value is PackedIdentifier[] {
  if (!Array.isArray(value)) return false;
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 4) return false;
    const [, at] = entry;
    if (typeof at !== 'string' && !(typeof at === 'number' && Number.isInteger(at) && at >= 0)) return false;
  }
  return true;
}

/** What a reader checks before unpacking: the layout only (the records are checked once rebuilt). */
export const PackedColumnsSchema = z.object({
  count: Count,
  columns: z.record(z.string(), z.array(z.unknown())),
});

/**
 * The packed layout as the format defines it, for the published JSON Schema and the tests (packRecalls
 * writes nothing else). Readers check the cheaper `PackedColumnsSchema` and the identifiers by hand.
 */
export const PackedColumnsWire = z
  .object({
    count: Count,
    columns: z
      .object({
        [PRODUCTS]: z.array(z.int().min(1)).optional(),
        [IDENTIFIERS]: z
          .array(
            z.array(
              z.tuple([
                RecallIdentifier.shape.field,
                z.union([z.string(), z.int().nonnegative()]),
                RecallIdentifier.shape.source,
                z.string(),
              ]),
            ),
          )
          .optional(),
      })
      .catchall(z.array(z.unknown())),
  })
  .meta({
    id: 'packedRecalls',
    description:
      "Recalls column by column (gzip compresses like values side by side far better: 141 against 250 bytes a record). Columns are named after the Recall fields (utils/schemas.ts) except `products`; `products` holds each recall's product count, and `products.<field>` one entry per product, in order, for every RecallProduct field except `identifiers`. `products.identifiers` holds, per product, [field, value, source, origin] tuples where value is either the string or its index in the product's list for that field (gtin→gtins, rawGtin→rawGtins, model→models, lot→lots, brand→brands). Readers rebuild each Recall and validate it against the Recall schema.",
  });

/**
 * Packed columns read one record at a time, by position: a reader that needs a few records of a shard
 * (the CLI's audit, which knows from the key files which records a catalog can meet) unpacks only those.
 * The layout is checked whole first (every column's length, every product count), so `read` can only
 * fail on a record's own identifiers.
 */
export interface PackedReader {
  count: number;
  /** Record `i` as a plain object (not checked against the `Recall` schema yet), or why it cannot be. */
  read(i: number): { record: unknown } | { error: string };
}

export function packedReader(packed: z.output<typeof PackedColumnsSchema>): PackedReader | { error: string } {
  const fail = (error: string) => ({ error });
  const { count, columns } = packed;
  const col = (name: string) => columns[name] ?? [];
  const productCounts = col(PRODUCTS);
  if (productCounts.length !== count)
    return fail(`column "${PRODUCTS}" has ${productCounts.length} of ${count} entries`);
  for (const f of RECALL_FIELDS) {
    if (col(f).length !== count) return fail(`column "${f}" has ${col(f).length} of ${count} entries`);
  }
  // Where each record's products start in the product columns.
  const firstProduct = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const n = productCounts[i];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return fail(`record ${i}: bad product count`);
    firstProduct[i + 1] = (firstProduct[i] as number) + n;
  }
  const products = firstProduct[count] as number;
  const productColumns = PRODUCT_FIELDS.map((f) => col(`${PRODUCTS}.${f}`));
  for (const [name, c] of [
    ...PRODUCT_FIELDS.map((f, k) => [`${PRODUCTS}.${f}`, productColumns[k]] as const),
    [IDENTIFIERS, col(IDENTIFIERS)] as const,
  ]) {
    if (c?.length !== products) return fail(`column "${name}" has ${c?.length ?? 0} of ${products} entries`);
  }
  const recallColumns = RECALL_FIELDS.map((f) => col(f));
  const identifierColumn = col(IDENTIFIERS);

  const read = (i: number): { record: unknown } | { error: string } => {
    const record: Record<string, unknown> = {};
    for (const [k, f] of RECALL_FIELDS.entries()) record[f] = recallColumns[k]?.[i];
    const list: Record<string, unknown>[] = [];
    for (let at = firstProduct[i] as number, j = 0; at < (firstProduct[i + 1] as number); at++, j++) {
      const product: Record<string, unknown> = {};
      for (const [k, f] of PRODUCT_FIELDS.entries()) product[f] = productColumns[k]?.[at];
      const packedIds = identifierColumn[at];
      if (!isPackedIdentifiers(packedIds)) return fail(`record ${i} product ${j}: unreadable identifiers`);
      const identifiers: RecallIdentifier[] = [];
      for (const [field, value, source, origin] of packedIds) {
        const values = product[IDENTIFIER_LIST[field]];
        const resolved =
          typeof value === 'number' ? (Array.isArray(values) ? values[value] : undefined) : value;
        if (typeof resolved !== 'string')
          return fail(`record ${i} product ${j}: identifier points past its list`);
        identifiers.push({ field, value: resolved, source, origin });
      }
      product.identifiers = identifiers;
      list.push(product);
    }
    record.products = list;
    return { record };
  };
  return { count, read };
}

/** Columns back into plain records, or the reason they cannot be; the records are not checked yet. */
export function unpackRecalls(
  packed: z.output<typeof PackedColumnsSchema>,
): { records: unknown[] } | { error: string } {
  const reader = packedReader(packed);
  if ('error' in reader) return reader;
  const records: unknown[] = [];
  for (let i = 0; i < reader.count; i++) {
    const one = reader.read(i);
    if ('error' in one) return one;
    records.push(one.record);
  }
  return { records };
}

/** Columns back into records, each checked with the strict `Recall` schema. */
export const PackedRecallsSchema = PackedColumnsSchema.transform((packed, ctx): unknown[] => {
  const unpacked = unpackRecalls(packed);
  if ('error' in unpacked) {
    ctx.addIssue({ code: 'custom', message: unpacked.error });
    return z.NEVER;
  }
  return unpacked.records;
}).pipe(z.array(Recall));
