/**
 * The column-mapping step: which header holds which catalog field, guessed from the header names in
 * English and Chinese, then corrected by an explicit mapping (the CLI's `--map column=field`, the audit
 * page's dropdowns). Guessing runs in two passes: a header equal to a known name (after folding case,
 * spaces, punctuation and a `g:` namespace) wins over one that merely contains a known word, so
 * "Variant Barcode" and "Barcode" never fight over the field, and each header feeds one field at most.
 */
import { type CatalogField, type ColumnMapping, isCatalogField } from './catalog-fields';

/** A header folded for comparison: NFKC, lower case, a namespace prefix and all punctuation dropped. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*[a-z]+:/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Exact names, folded. Order matters within a field only for readability. */
const EXACT: Record<CatalogField, readonly string[]> = {
  sku: [
    'sku',
    'id',
    'itemid',
    'offerid',
    'sellersku',
    'variantsku',
    'productid',
    'handle',
    'skuid',
    '商品编码',
    '商家编码',
    '货号',
    '商品id',
    '商品编号',
    'sku编码',
    '编码',
  ],
  title: [
    'title',
    'name',
    'productname',
    'itemname',
    'producttitle',
    '商品名称',
    '商品标题',
    '标题',
    '名称',
    '产品名称',
    '品名',
  ],
  brand: ['brand', 'vendor', 'brandname', 'make', '品牌', '品牌名称', '商标'],
  barcode: [
    'barcode',
    'gtin',
    'upc',
    'ean',
    'ean13',
    'upca',
    'jan',
    'isbn',
    'gtin13',
    'gtin12',
    'gtin14',
    'upcean',
    'variantbarcode',
    'externalproductid',
    '条形码',
    '条码',
    '商品条码',
    '商品条形码',
    '国际条码',
    '69码',
  ],
  model: [
    'mpn',
    'model',
    'modelnumber',
    'modelno',
    'partnumber',
    'manufacturerpartnumber',
    'itemmodelnumber',
    'modelname',
    '型号',
    '规格型号',
    '商品型号',
    '产品型号',
  ],
  asin: ['asin', 'asin1'],
  url: ['url', 'link', 'producturl', 'productlink', 'itemurl', '链接', '商品链接', '网址'],
  manufacturer: [
    'manufacturer',
    'manufacturername',
    'maker',
    'producer',
    'manufacturedby',
    '生产厂家',
    '制造商',
    '生产企业',
    '厂家',
    '生产商',
    '制造商名称',
  ],
  responsiblePerson: [
    'euresponsibleperson',
    'responsibleperson',
    'eurp',
    'gpsrresponsibleperson',
    'euresponsiblepersonname',
    '欧盟负责人',
    '欧代',
    '欧盟代表',
    '责任人',
  ],
  warnings: [
    'warnings',
    'warning',
    'safetywarnings',
    'safetywarning',
    'safetyinformation',
    'safetyinstructions',
    '警示',
    '警告',
    '安全警示',
    '警示语',
    '安全信息',
  ],
  batch: [
    'batch',
    'batchnumber',
    'lot',
    'lotnumber',
    'lotcode',
    'batchcode',
    '批次',
    '批号',
    '生产批号',
    '批次号',
  ],
};

/** Words a longer header may contain ("Google Shopping / MPN", "EU Responsible Person (GPSR)"). */
const CONTAINS: Record<CatalogField, readonly string[]> = {
  sku: ['sku', '编码'],
  title: ['title', 'productname', '名称', '标题'],
  brand: ['brand', '品牌'],
  barcode: ['barcode', 'gtin', 'upc', 'ean', '条形码', '条码'],
  model: ['mpn', 'modelnumber', 'partnumber', '型号'],
  asin: ['asin'],
  url: ['url', '链接'],
  manufacturer: ['manufacturer', '制造商', '生产厂家', '生产企业'],
  responsiblePerson: ['responsibleperson', '欧盟负责人', '欧代'],
  warnings: ['warning', 'safetyinformation', '警示', '警告'],
  batch: ['batchnumber', 'lotnumber', '批号', '批次'],
};

/** The guessed mapping for these headers: each field takes the first header that fits it. */
export function guessColumns(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  const folded = headers.map((h) => [h, foldHeader(h)] as const);
  const assign = (fits: (f: string, field: CatalogField) => boolean) => {
    for (const field of Object.keys(EXACT) as CatalogField[]) {
      if (mapping[field]) continue;
      const hit = folded.find(([h, f]) => f && !used.has(h) && fits(f, field));
      if (hit) {
        mapping[field] = hit[0];
        used.add(hit[0]);
      }
    }
  };
  assign((f, field) => EXACT[field].includes(f));
  assign((f, field) => CONTAINS[field].some((word) => f.includes(word)));
  return mapping;
}

/** `column=field` pairs as typed: "条形码=barcode", "Artikelnummer=sku", "none" to unmap a field. */
export type MappingOverride = { column: string; field: CatalogField };

/** Reads `column=field` (the last `=` splits, so a header may contain one). */
export function parseMappingOverride(text: string): MappingOverride {
  const at = text.lastIndexOf('=');
  const column = at > 0 ? text.slice(0, at).trim() : '';
  const field = at > 0 ? text.slice(at + 1).trim() : '';
  if (!column || !isCatalogField(field))
    throw new Error(`--map wants column=field with field one of the catalog fields, got "${text}"`);
  return { column, field };
}

/**
 * The guess corrected by the overrides: a column named by an override feeds that field and no other. A
 * column the file does not have is an error, since a typo would otherwise silently audit nothing.
 */
export function applyOverrides(
  headers: readonly string[],
  guessed: ColumnMapping,
  overrides: readonly MappingOverride[],
): ColumnMapping {
  const mapping: ColumnMapping = { ...guessed };
  for (const { column, field } of overrides) {
    const header =
      headers.find((h) => h === column) ?? headers.find((h) => foldHeader(h) === foldHeader(column));
    if (header === undefined)
      throw new Error(
        `--map ${column}=${field}: the file has no column "${column}" (columns: ${headers.join(', ')})`,
      );
    for (const f of Object.keys(mapping) as CatalogField[]) if (mapping[f] === header) delete mapping[f];
    mapping[field] = header;
  }
  return mapping;
}
