/**
 * France RappelConso (DGCCRF/DGAL), Opendatasoft Explore v2.1 records of the dataset
 * `rappelconso-v2-gtin-trie`:
 *
 *   { "total_count": 4189, "results": [{ "numero_fiche", "numero_version", "rappel_guid", "gtin", ... }] }
 *
 * Quirks handled: `gtin` is a JSON NUMBER, so a code's leading zeros are gone (0 is the "no GTIN"
 * placeholder); `identification_produits` holds `GTIN$lot$date-kind$from$to` entries joined by "|"
 * ("4250525376548$tous les lots$non concerné$$", "000000000$..." as a placeholder GTIN); text is
 * lower-cased; `distributeurs` separates names with "¤"; `marque_produit` may be "sans marque";
 * `modeles_ou_references` mixes references with prose ("batteries nickel-fer, capacité 200/300 ah.").
 * The dataset is "sorted by GTIN": should a notice come as one row per GTIN, rows of one fiche and
 * version are merged into one Recall. A newer `numero_version` of a fiche replaces the older one.
 * Opendatasoft errors (`{"error_code", "message"}`) throw.
 */
import { z } from 'zod';
import { isValidGtin } from '../../identity/gtin';
import { modelRejection } from '../../identity/model';
import { mineGtins } from '../../identity/text-mining';
import { type DateRange, RECALL_SCHEMA_VERSION, type Recall, type RecallProduct } from '../../schemas';
import {
  defineFeed,
  type FeedHttp,
  type FeedParseResult,
  type FeedSyncOptions,
  type FeedSyncResult,
} from '../feed';
import { Collector } from '../lib/collector';
import { mapRecords } from '../lib/map-records';
import { bound, cursorDay, later, overlapDay } from '../lib/sync-walk';
import { clean, distinct, isRecord, readUrl } from '../lib/text';
import about from './about';

const Text = z.string().nullish();
const Num = z.union([z.number(), z.string()]).nullish();

export const RappelConsoRecord = z.object({
  id: Num,
  rappel_guid: Text,
  numero_fiche: Text,
  numero_version: Num,
  libelle: Text,
  marque_produit: Text,
  modeles_ou_references: Text,
  gtin: Num,
  identification_produits: Text,
  categorie_produit: Text,
  sous_categorie_produit: Text,
  motif_rappel: Text,
  risques_encourus: Text,
  description_complementaire_risque: Text,
  conduites_a_tenir_par_le_consommateur: Text,
  modalites_de_compensation: Text,
  distributeurs: Text,
  zone_geographique_de_vente: Text,
  date_debut_commercialisation: Text,
  date_date_fin_commercialisation: Text,
  date_de_fin_de_la_procedure_de_rappel: Text,
  date_publication: Text,
  liens_vers_les_images: Text,
  lien_vers_la_fiche_rappel: Text,
});
export type RappelConsoRecord = z.infer<typeof RappelConsoRecord>;

const SOURCE = 'rappelconso';
export const RAPPELCONSO_RECORDS_URL =
  'https://data.economie.gouv.fr/api/explore/v2.1/catalog/datasets/rappelconso-v2-gtin-trie/records';

// ---------------------------------------------------------------------------------------------------
// GTINs

/**
 * The printed form of the numeric `gtin`. JSON dropped the leading zeros of a UPC-A or a GTIN-14 with
 * indicator 0 (the number 12345678905 was "012345678905"). Padding back to 13, 12 or 14 digits gives the
 * same check-digit result, as leading zeros weigh nothing; the form kept is the first length that
 * validates (EAN-13 is the French norm), else the 13-digit form as a raw string. 0, and strings of
 * zeros, are the "no GTIN" placeholder: null.
 */
export function restoreGtin(value: number | string | null | undefined): string | null {
  const digits =
    typeof value === 'number'
      ? Number.isSafeInteger(value) && value > 0
        ? String(value)
        : ''
      : clean(value).replace(/[\s.-]/g, '');
  if (!/^\d+$/.test(digits) || /^0+$/.test(digits) || digits.length > 14) return null;
  for (const length of [13, 12, 14, 8]) {
    if (digits.length > length) continue;
    const padded = digits.padStart(length, '0');
    if (isValidGtin(padded)) return padded;
  }
  return digits.length <= 13 ? digits.padStart(13, '0') : digits;
}

// ---------------------------------------------------------------------------------------------------
// identification_produits

export interface Identification {
  gtin: string | null;
  lots: string[];
  dateRange: DateRange | null;
}

/** "date limite de consommation" (use-by) and "date de durabilité minimale" (best-before) → best-before. */
function dateKind(words: string): DateRange['kind'] | null {
  const w = words.toLowerCase();
  if (!w || /non\s+concern/.test(w)) return null;
  if (/consommation|durabilit|dlc|ddm|dluo|p[ée]remption/.test(w)) return 'best-before';
  if (/fabrication|production/.test(w)) return 'manufactured';
  return 'other';
}

/** "2026-10-01", "01/10/2026" (French, day first) or "2026-10-01T00:00:00+00:00" → ISO day. */
function frenchDate(value: string): string | null {
  const s = clean(value);
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  if (iso?.[1]) return iso[1];
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  return fr ? `${fr[3]}-${(fr[2] as string).padStart(2, '0')}-${(fr[1] as string).padStart(2, '0')}` : null;
}

/**
 * Lot placeholders: "tous les lots" (all lots), "non concerné", German "siehe ... produktliste" (see the
 * product list). A lot needs a digit to constrain anything.
 */
function lotValues(field: string): string[] {
  const s = clean(field);
  if (!s || /\btous\s+les\s+lots\b|non\s+concern|\bn\/a\b/i.test(s)) return [];
  return distinct(
    s.split(/\s*[,;]\s*|\s+et\s+/).map((lot) => lot.replace(/^lots?\s*(?:n°|no\.?|:)?\s*/i, '')),
  ).filter((lot) => /\d/.test(lot) && lot.length <= 60 && !SIZE_LIST.test(lot));
}

/** "200/300/350/400ah", "100/200/300": capacities or sizes filed as a lot or reference (real sample). */
const SIZE_LIST = /^\d+(?:[.,]\d+)?(?:\/\d+(?:[.,]\d+)?)+\s*[a-zµ]{0,3}\.?$/i;

/** Reads `GTIN$lot$date-kind$from$to|GTIN$...`. Entries with fewer fields are read as far as they go. */
export function readIdentification(field: string | null | undefined): Identification[] {
  return clean(field)
    .split('|')
    .filter((entry) => entry.trim().length > 0)
    .map((entry) => {
      const [gtin = '', lot = '', kindWords = '', from = '', to = ''] = entry.split('$');
      const kind = dateKind(clean(kindWords));
      const fromIso = frenchDate(from);
      const toIso = frenchDate(to);
      return {
        gtin: restoreGtin(clean(gtin)),
        lots: lotValues(lot),
        dateRange:
          kind && (fromIso || toIso)
            ? { kind, from: fromIso, to: toIso, text: clean([kindWords, from, to].filter(Boolean).join(' ')) }
            : null,
      };
    });
}

// ---------------------------------------------------------------------------------------------------
// Models

/**
 * References in `modeles_ou_references`: tokens with a digit that are distinctive model values
 * ("mzbg156 108209" gives two). Prose around them ("batteries nickel-fer, capacité 200/300/350/400
 * ah.") yields nothing: its numbers are capacities and sizes, which model.ts rejects. The text is
 * lower-cased by the feed; the model key is case-blind, so that costs nothing.
 */
export function referenceModels(field: string | null | undefined): string[] {
  return distinct(
    clean(field)
      .split(/[\s,;|]+/)
      .map((t) => t.replace(/^[("'«]+|[)"'».:]+$/g, ''))
      .filter((t) => /\d/.test(t) && !SIZE_LIST.test(t) && modelRejection(t) === null),
  );
}

// ---------------------------------------------------------------------------------------------------
// One record

function nativeIdOf(raw: Record<string, unknown>): string | null {
  for (const key of ['numero_fiche', 'rappel_guid'] as const) {
    const v = raw[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return typeof raw.id === 'number' && Number.isInteger(raw.id) ? `id-${raw.id}` : null;
}

function versionNumber(value: number | string | null | undefined): number {
  const n = typeof value === 'number' ? value : Number.parseInt(clean(value), 10);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

const NO_BRAND =
  /^(?:sans\s+marque|aucune?(?:\s+marque)?|non\s+communiqu[ée]e?|marque\s+distributeur|-|\.)$/i;

function mapRecord(r: RappelConsoRecord, nativeId: string, now: Date): unknown {
  const label = clean(r.libelle);
  const brand = clean(r.marque_produit);
  const c = new Collector();
  if (brand && !NO_BRAND.test(brand)) c.brand(brand, 'structured', 'marque_produit');
  for (const m of referenceModels(r.modeles_ou_references)) c.model(m, 'structured', 'modeles_ou_references');

  const gtin = restoreGtin(r.gtin);
  if (gtin) c.gtin(gtin, 'structured', 'gtin');
  for (const id of readIdentification(r.identification_produits)) {
    if (id.gtin) c.gtin(id.gtin, 'structured', 'identification_produits');
    for (const lot of id.lots) c.lot(lot, 'structured', 'identification_produits');
    if (id.dateRange) c.dateRange(id.dateRange);
  }
  for (const g of mineGtins(clean(r.modeles_ou_references), 'modeles_ou_references'))
    c.gtin(g.raw, 'prose', g.origin);

  const soldFrom = frenchDate(clean(r.date_debut_commercialisation));
  const soldTo = frenchDate(clean(r.date_date_fin_commercialisation));
  if (soldFrom || soldTo) {
    c.dateRange({
      kind: 'sold',
      from: soldFrom,
      to: soldTo,
      text: `commercialisé du ${soldFrom ?? '?'} au ${soldTo ?? '?'}`,
    });
  }

  const published = frenchDate(clean(r.date_publication));
  const ended = frenchDate(clean(r.date_de_fin_de_la_procedure_de_rappel));
  const version = versionNumber(r.numero_version);
  const distributors = distinct(clean(r.distributeurs).split(/\s*¤\s*/)).filter(
    (d) => !/^(?:aucun|aucune|non\s+communiqu\w*|n\/a|-)\.?$/i.test(d),
  );
  const zone = clean(r.zone_geographique_de_vente);
  const soldAt = [distributors.join(', '), zone && `(${zone})`].filter(Boolean).join(' ');
  const split = (value: string | null | undefined) => distinct(clean(value).split('|'));

  return {
    schemaVersion: RECALL_SCHEMA_VERSION,
    id: `${SOURCE}:${nativeId}`,
    source: SOURCE,
    jurisdiction: 'FR',
    recallNumber: clean(r.numero_fiche) || null,
    title: [label, brand && !NO_BRAND.test(brand) ? `(${brand})` : ''].filter(Boolean).join(' ') || nativeId,
    url: readUrl(r.lien_vers_la_fiche_rappel),
    published,
    updated: published,
    // The recall procedure has an announced end date on some notices; after it the recall is over.
    status: ended && ended < now.toISOString().slice(0, 10) ? 'completed' : 'active',
    version: `${String(version).padStart(4, '0')}|${clean(r.date_publication)}`,
    hazard: distinct([
      r.motif_rappel,
      split(r.risques_encourus).join(', '),
      r.description_complementaire_risque,
    ]).join(' — '),
    remedy: split(r.conduites_a_tenir_par_le_consommateur).join('; '),
    remedyOptions: split(r.modalites_de_compensation),
    units: null,
    soldAt: soldAt || null,
    countryOfOrigin: [],
    manufacturers: [],
    images: split(r.liens_vers_les_images)
      .map((url) => readUrl(url))
      .filter((url): url is string => url !== null)
      .map((url) => ({ url, caption: null })),
    products: [c.product(label || nativeId)],
  };
}

/** Rows of one fiche and version that differ by GTIN (one row per GTIN): their identifiers combined. */
function mergeRecalls(kept: Recall, next: Recall): Recall {
  const a = kept.products[0] as RecallProduct;
  const b = next.products[0] as RecallProduct;
  const union = <T>(x: T[], y: T[], key: (v: T) => string) => {
    const seen = new Set(x.map(key));
    return [...x, ...y.filter((v) => !seen.has(key(v)))];
  };
  const same = (v: string) => v;
  const product: RecallProduct = {
    ...a,
    brands: union(a.brands, b.brands, same),
    models: union(a.models, b.models, same),
    gtins: union(a.gtins, b.gtins, same),
    rawGtins: union(a.rawGtins, b.rawGtins, same),
    lots: union(a.lots, b.lots, same),
    dateRanges: union(a.dateRanges, b.dateRanges, (d) => `${d.kind}|${d.from}|${d.to}`),
    identifiers: union(a.identifiers, b.identifiers, (i) => `${i.field}|${i.value}|${i.source}|${i.origin}`),
  };
  return { ...kept, products: [product, ...kept.products.slice(1)] };
}

function mapRappelConso(data: unknown, now: Date): FeedParseResult {
  if (!isRecord(data)) throw new Error('RappelConso: expected an Opendatasoft records response');
  if (typeof data.error_code === 'string') {
    throw new Error(
      `RappelConso (Opendatasoft) returned an error: ${data.error_code}: ${typeof data.message === 'string' ? data.message : 'no message'}`,
    );
  }
  if (!Array.isArray(data.results)) throw new Error('RappelConso: "results" is not an array');
  return mapRecords(data.results, {
    source: SOURCE,
    label: (id) => `fiche ${id}`,
    schema: RappelConsoRecord,
    nativeId: nativeIdOf,
    missingId: 'numero_fiche, rappel_guid and id are missing',
    map: (r, nativeId) => mapRecord(r, nativeId, now),
    merge: mergeRecalls,
  });
}

// ---------------------------------------------------------------------------------------------------
// The sync seam

/**
 * One page of records published on or after `since`, oldest first. Explore v2.1 caps `limit` at 100
 * and `offset + limit` at 10,000: past that, move `since` forward to the last date read.
 */
export function rappelConsoUrl(since: string | null, offset = 0, limit = 100): string {
  if (since !== null && !/^\d{4}-\d{2}-\d{2}$/.test(since))
    throw new Error(`RappelConso since must be YYYY-MM-DD, got ${since}`);
  const url = new URL(RAPPELCONSO_RECORDS_URL);
  if (since !== null) url.searchParams.set('where', `date_publication >= date'${since}'`);
  url.searchParams.set('order_by', 'date_publication asc');
  url.searchParams.set('limit', String(Math.min(Math.max(limit, 1), 100)));
  url.searchParams.set('offset', String(Math.max(offset, 0)));
  return url.href;
}

/** Pages of 100 records per run (5,000 records). */
export const RAPPELCONSO_MAX_PAGES = 50;
const PAGE_SIZE = 100;
/** Explore v2.1 refuses `offset + limit` beyond this. */
const OFFSET_LIMIT = 10_000;

/**
 * Pages of 100 records, oldest first, from a day before the cursor (all records on a full run), with
 * `offset` moving until a short page, `total_count`, Opendatasoft's 10,000 offset cap, or `maxPages`.
 * The cursor is the newest `date_publication` read; a run stopped at a bound resumes from it (the
 * order is ascending, so nothing between is lost).
 */
async function syncRappelConso(
  http: FeedHttp,
  cursor: string | null,
  opts: FeedSyncOptions,
): Promise<FeedSyncResult> {
  const maxPages = bound(opts, 'maxPages', RAPPELCONSO_MAX_PAGES);
  const since = overlapDay(cursor);
  const documents: unknown[] = [];
  let newest: string | null = cursorDay(cursor);
  for (let page = 0, offset = 0; page < maxPages && offset + PAGE_SIZE <= OFFSET_LIMIT; page++) {
    const res = await http.getJson(rappelConsoUrl(since, offset, PAGE_SIZE));
    if (res.status === 404) throw new Error('RappelConso: the dataset is not there (HTTP 404)');
    documents.push(res.body);
    const body = isRecord(res.body) ? res.body : {};
    const results = Array.isArray(body.results) ? body.results : [];
    for (const r of results) {
      const day =
        isRecord(r) && typeof r.date_publication === 'string' ? cursorDay(r.date_publication) : null;
      newest = later(newest, day);
    }
    offset += results.length;
    const total = typeof body.total_count === 'number' ? body.total_count : 0;
    if (results.length < PAGE_SIZE || offset >= total) break;
  }
  return { documents, cursor: newest };
}

export default defineFeed({
  id: about.id,
  jurisdiction: about.jurisdiction,
  name: about.name,
  accepts: 'a RappelConso Opendatasoft records response',
  detect(data) {
    if (!isRecord(data)) return false;
    if (typeof data.error_code === 'string' && typeof data.message === 'string' && !('results' in data)) {
      // An Opendatasoft error body only names the dataset in its message, if at all: claim it only then.
      return /rappelconso/i.test(data.message);
    }
    return (
      typeof data.total_count === 'number' &&
      Array.isArray(data.results) &&
      (data.results.length === 0 ||
        data.results.some((r) => isRecord(r) && ('numero_fiche' in r || 'rappel_guid' in r)))
    );
  },
  map: (data, opts) => mapRappelConso(data, opts.now),
  endpoint: {
    buildUrl: (since) => rappelConsoUrl(since),
    sync: syncRappelConso,
    notes:
      'Opendatasoft Explore v2.1: limit ≤ 100, offset + limit ≤ 10,000 (use /exports/json for a full ' +
      'dump). `gtin` is a JSON number (leading zeros lost); a corrected notice gets a new numero_version ' +
      'and date_publication. Errors come as {"error_code", "message"} with HTTP 400.',
  },
});
