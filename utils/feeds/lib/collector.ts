/**
 * One product's identifier lists (brands, models, GTINs, raw GTINs, lots, date ranges) and their
 * provenance (`identifiers`: which field said it, structured or mined from prose). Every mapper fills one
 * per `RecallProduct`, so the rules are the same for every feed: a valid code becomes a GTIN-14 key, an
 * invalid one of barcode length stays raw; models, brands and lots are deduplicated by their comparison
 * key (model key, brand key, lot as printed) through sets, as some notices list hundreds of models; the
 * provenance keeps one entry per value, source and origin.
 */
import { brandKey } from '../../identity/brand';
import { rawGtinKey, readGtin } from '../../identity/gtin';
import { cleanModel, modelKey } from '../../identity/model';
import type { DateRange, RecallIdentifier, RecallIdentifierSource, RecallProduct } from '../../schemas';
import { clean } from './text';

type ListName = 'gtins' | 'rawGtins' | 'models' | 'lots' | 'brands';

const LIST_OF: Record<RecallIdentifier['field'], ListName> = {
  gtin: 'gtins',
  rawGtin: 'rawGtins',
  model: 'models',
  lot: 'lots',
  brand: 'brands',
};

/**
 * A value mined from prose, as a string of its own. V8 cuts substrings of 13 characters or more as
 * slices that keep their whole parent alive: a mined "8-49398-06563-1" would hold its 4 KB Description
 * in memory for as long as the mapped recall lives. Joining and cutting again copies the characters.
 */
function detached(value: string, source: RecallIdentifierSource): string {
  return source === 'prose' && value.length >= 13 ? `${value} `.slice(0, -1) : value;
}

export interface CollectorOptions {
  /** Brand keys never to list: the seller or exclusive retailer a CPSC title names. */
  excludedBrandKeys?: Iterable<string>;
  /**
   * A feed's words for "we do not know" ("Unknown", "N/A", "Various"), tested on the cleaned value: a
   * matching model or brand is not one. ACCC and OPSS tables fill their cells with them.
   */
  placeholder?: RegExp;
}

export class Collector {
  readonly lists: Record<ListName, string[]> = { gtins: [], rawGtins: [], models: [], lots: [], brands: [] };
  readonly dateRanges: DateRange[] = [];
  readonly identifiers: RecallIdentifier[] = [];
  /** Every accepted value with its key, in order, so another collector can take them over as they are. */
  private readonly entries: Array<{ list: ListName; key: string; value: string }> = [];
  private readonly identified: Array<{ key: string; id: RecallIdentifier }> = [];
  private readonly taken = new Set<string>();
  private readonly seen = new Set<string>();
  private readonly excludedBrands: Set<string>;
  private readonly placeholder: RegExp | null;

  constructor(options: CollectorOptions = {}) {
    this.excludedBrands = new Set(options.excludedBrandKeys ?? []);
    this.placeholder = options.placeholder ?? null;
  }

  private add(list: ListName, key: string, value: string, id: RecallIdentifier): void {
    const listKey = `${list}|${key}`;
    if (!this.taken.has(listKey)) {
      this.taken.add(listKey);
      this.lists[list].push(value);
      this.entries.push({ list, key, value });
    }
    this.identify(key, id);
  }

  private identify(key: string, id: RecallIdentifier): void {
    const idKey = `${id.field}|${key}|${id.source}|${id.origin}`;
    if (this.seen.has(idKey)) return;
    this.seen.add(idKey);
    this.identifiers.push(id);
    this.identified.push({ key, id });
  }

  /** A printed code: a valid one becomes a GTIN-14 key, an invalid one of barcode length stays raw. */
  gtin(printed: string, source: RecallIdentifierSource, origin: string): void {
    const reading = readGtin(printed);
    const raw = detached(reading.raw, source);
    if (reading.gtin14) {
      this.add('gtins', reading.gtin14, reading.gtin14, { field: 'gtin', value: raw, source, origin });
      return;
    }
    const key = rawGtinKey(raw);
    // Shorter or longer strings cannot meet a barcode on a page; they would only be noise in the index.
    if (key.length < 8 || key.length > 14) return;
    this.add('rawGtins', key, raw, { field: 'rawGtin', value: raw, source, origin });
  }

  model(printed: string, source: RecallIdentifierSource, origin: string): void {
    const cleaned = cleanModel(printed);
    if (!cleaned || this.placeholder?.test(cleaned)) return;
    const value = detached(cleaned, source);
    this.add('models', modelKey(value), value, { field: 'model', value, source, origin });
  }

  /** A lot or batch as printed; the source says whether a lot field gave it (EU batchNumbers) or prose. */
  lot(printed: string, source: RecallIdentifierSource, origin: string): void {
    const value = detached(clean(printed), source);
    if (!value) return;
    this.add('lots', value, value, { field: 'lot', value, source, origin });
  }

  brand(printed: string, source: RecallIdentifierSource, origin: string): void {
    const value = detached(clean(printed), source);
    const key = brandKey(value);
    if (!key || this.excludedBrands.has(key) || this.placeholder?.test(value)) return;
    this.add('brands', key, value, { field: 'brand', value, source, origin });
  }

  /** Takes the four fields of a range, so a miner's result (with its origin and offset) can be passed. */
  dateRange({ kind, from, to, text }: DateRange): void {
    const key = `dateRanges|${kind}|${from}|${to}`;
    if (this.taken.has(key)) return;
    this.taken.add(key);
    this.dateRanges.push({ kind, from, to, text });
  }

  /** Takes over another collector's values (record-level identifiers shared by every product). */
  absorb(other: Collector): void {
    for (const e of other.entries) {
      const listKey = `${e.list}|${e.key}`;
      if (this.taken.has(listKey)) continue;
      this.taken.add(listKey);
      this.lists[e.list].push(e.value);
      this.entries.push(e);
    }
    for (const { key, id } of other.identified) {
      if (LIST_OF[id.field] === 'brands' && this.excludedBrands.has(key)) continue;
      this.identify(key, id);
    }
    for (const range of other.dateRanges) this.dateRange(range);
  }

  product(name: string): RecallProduct {
    return {
      name,
      brands: this.lists.brands,
      models: this.lists.models,
      gtins: this.lists.gtins,
      rawGtins: this.lists.rawGtins,
      lots: this.lists.lots,
      dateRanges: this.dateRanges,
      identifiers: this.identifiers,
    };
  }
}
