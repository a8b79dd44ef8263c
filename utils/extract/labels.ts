/**
 * Label-driven key/value harvesting. Spec tables on every marketplace say the same few things under
 * different labels ("Item model number", "Modellnummer", "型番", "型号"), in a handful of shapes
 * (`th`/`td` rows, `dt`/`dd` pairs, bold-label list items). One harvester reads the shapes; one alias
 * table maps the labels to what they identify. Callers pass a root scoped to the main product: a global
 * harvest would pick up comparison tables and carousels that describe other products.
 *
 * Text is read with `textContent`, never `innerText`: Amazon's 2024+ detail tables sit inside
 * `display:none` expanders, and `innerText` returns "" for hidden nodes.
 */
import type { IdentityFact, IdentitySource } from '../schemas';

/** Direction marks, embedding controls, zero-width characters and the BOM: Amazon prefixes values with U+200E. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060\ufeff]/g;

/** Strips invisible marks and collapses whitespace (NBSP included). Values keep their case and symbols. */
export function cleanText(text: string | null | undefined): string {
  if (!text) return '';
  return text
    .replace(INVISIBLE, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * The lookup form of a printed label: NFKC (full-width `：` and digits on JP/CN pages), invisible marks
 * removed, lower case, curly apostrophes made straight, trailing `:`/`：`/`#` removed ("Internet #",
 * "Modellnummer ‏:‎").
 */
export function normalizeLabel(label: string): string {
  return cleanText(label.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\s:：#]+$/u, '')
    .replace(/^[\s:：#]+/u, '')
    .trim();
}

/** What a label identifies. `manufacturer` is kept apart from `brand` (Gorilla vs "Gorilla Glue"). */
export type LabelKind = 'brand' | 'manufacturer' | 'model' | 'mpn' | 'gtin' | 'sku';

/**
 * Labels seen on real pages and in public scrapers, already in `normalizeLabel`
 * form. Sources: Amazon US pages; per-locale Amazon configs (DE/FR/IT/ES); JP userscripts; Tmall/Taobao/JD.
 */
const ALIASES: Record<LabelKind, readonly string[]> = {
  brand: [
    'brand',
    'brand name',
    'marke',
    'markenname',
    'marque',
    'nom de marque',
    'marca',
    'nombre de la marca',
    'marchio',
    'nome del marchio',
    'ブランド',
    'ブランド名',
    '品牌',
    '品牌名称',
    '品牌名',
  ],
  manufacturer: [
    'manufacturer',
    'manufacturer name',
    'hersteller',
    'fabricant',
    'fabricante',
    'produttore',
    'メーカー',
    'メーカー名',
    '製造元',
    '制造商',
    '生产商',
    '生产厂家',
    '厂家',
    '厂商',
    '生产企业',
  ],
  model: [
    'model',
    'model number',
    'model no',
    'model no.',
    'model name',
    'item model number',
    'modellnummer',
    'modell',
    'modellname',
    'modellbezeichnung',
    "numéro du modèle de l'article",
    'numéro de modèle',
    'numéro du modèle',
    'nom du modèle',
    'modèle',
    'modello',
    'numero modello',
    'numero modello articolo',
    'numero del modello',
    'nome modello',
    'nome del modello',
    'modelo',
    'número de modelo',
    'número de modelo del producto',
    'nombre del modelo',
    '型番',
    '製品型番',
    '商品モデル番号',
    'モデル番号',
    'モデル名',
    '型号',
    '货号',
    '款号',
  ],
  mpn: [
    'mpn',
    'manufacturer part number',
    'part number',
    'item part number',
    'manufacturer reference',
    'herstellernummer',
    'herstellerartikelnummer',
    'herstellerteilenummer',
    'herstellerreferenz',
    'référence fabricant',
    'référence constructeur',
    'référence du fabricant',
    // eBay's French item specifics (ebay.fr, and .com listings shown in French): "Numéro de pièce fabricant".
    'numéro de pièce fabricant',
    'numéro de pièce du fabricant',
    'numero parte produttore',
    'numero parte',
    'numero di parte',
    'codice produttore',
    'número de pieza',
    'número de pieza del fabricante',
    'referencia del fabricante',
    'メーカー型番',
    'メーカー品番',
    '品番',
  ],
  gtin: [
    'upc',
    'upc-a',
    'ean',
    'ean-13',
    'ean13',
    'ean code',
    'ean-code',
    'upc/ean',
    'ean/upc',
    'gtin',
    'gtin-8',
    'gtin-12',
    'gtin-13',
    'gtin-14',
    'isbn',
    'isbn-10',
    'isbn-13',
    'isbn 10',
    'isbn 13',
    'jan',
    'janコード',
    'jan code',
    'global trade identification number',
    'universal product code',
    'european article number',
    'international article number',
    'barcode',
    '条形码',
    '商品条码',
    '条码',
  ],
  sku: [
    'asin',
    'sku',
    'store sku',
    'tcin',
    'dpci',
    'item number (dpci)',
    'internet',
    'item number',
    'ebay product id (epid)',
    'epid',
    '商品编号',
  ],
};

const LABEL_KIND = new Map<string, LabelKind>();
for (const [kind, labels] of Object.entries(ALIASES) as Array<[LabelKind, readonly string[]]>) {
  for (const label of labels) LABEL_KIND.set(label, kind);
}

/** Tmall prefixes the model label with the brand: "Apple型号", "美的型号". */
const BRAND_PREFIXED_MODEL = /^.{1,30}型号$/u;
/**
 * "…型号" labels that name another product's model, not this one's: a part inside it (CPU型号 "A13仿生处理器"
 * on a 2020 Tmall phone page, 电池型号, 芯片型号) or the products an accessory fits (适用型号 on a case).
 */
const OTHER_PRODUCT_MODEL =
  /(?:cpu|gpu|处理器|芯片|显卡|主板|内存|硬盘|电池|屏幕|镜头|摄像头|电机|压缩机|灯珠|适用|适配|兼容|配件|机芯)型号$/u;

/** The kind of identifier a printed label names, or null when it names none of ours. */
export function labelKind(label: string): LabelKind | null {
  const key = normalizeLabel(label);
  if (!key) return null;
  const kind = LABEL_KIND.get(key);
  if (kind) return kind;
  if (BRAND_PREFIXED_MODEL.test(key) && !OTHER_PRODUCT_MODEL.test(key)) return 'model';
  return null;
}

/** Values that fill a field without saying anything ("Does not apply" on eBay, 其他 on Taobao). */
const SENTINEL =
  /^(?:n\/?a|none|unknown|does not apply|not applicable|nicht zutreffend|keine angabe|nicht angegeben|non applicable|non applicabile|no aplica|sans marque|ohne marke|other|others|其他|其它|无|不适用|該当なし|なし|[—–-])$/iu;

/** True for placeholder values that must not become facts. */
export function isSentinelValue(value: string): boolean {
  const v = cleanText(value.normalize('NFKC')).replace(/\.$/, '');
  return v === '' || SENTINEL.test(v);
}

/** One label/value pair read off a page. */
export interface LabelPair {
  /** The printed label, cleaned of invisible marks and its trailing colon. */
  label: string;
  /** `normalizeLabel(label)`: the form the alias table is keyed by. */
  key: string;
  /** The printed value, cleaned of invisible marks (Amazon's `&lrm;` prefix). */
  value: string;
}

export interface HarvestOptions {
  /**
   * Also read list items printed as "label: value" (Taobao/Tmall `li[title]`, JD parameter lists).
   * Off by default: on a page-wide root it turns every bullet with a colon into a pair.
   */
  colonItems?: boolean;
}

function pairOf(label: string | null | undefined, value: string | null | undefined): LabelPair | null {
  const printed = cleanText(label).replace(/[\s:：]+$/u, '');
  const v = cleanText(value);
  if (!printed || !v) return null;
  const key = normalizeLabel(printed);
  return key ? { label: printed, key, value: v } : null;
}

/**
 * Collects label/value pairs under `root`, in document order per shape:
 * - `tr` with a `th` and a `td` (Amazon `prodDetTable`, most spec tables), or exactly two `td`s (Amazon
 *   product overview `tr.po-*`, legacy eBay item specifics);
 * - `dt` followed by `dd` (JD `Ptable`, eBay `ux-labels-values` in definition-list form);
 * - eBay's `.ux-labels-values` blocks;
 * - `li` with a bold label span and a value span (Amazon `#detailBullets_feature_div`, whose labels carry
 *   U+200F/U+200E around the colon);
 * - optionally `li` printed as "label: value".
 */
export function harvestPairs(root: ParentNode, options: HarvestOptions = {}): LabelPair[] {
  const out: LabelPair[] = [];
  const push = (pair: LabelPair | null) => {
    if (pair) out.push(pair);
  };

  for (const tr of Array.from(root.querySelectorAll('tr'))) {
    // A row that wraps a whole nested table is layout, not a pair; its inner rows are read on their own.
    if (tr.querySelector('table')) continue;
    const th = tr.querySelector('th');
    const tds = Array.from(tr.querySelectorAll('td'));
    if (th && tds.length > 0) push(pairOf(th.textContent, tds[tds.length - 1]?.textContent));
    else if (tds.length === 2) push(pairOf(tds[0]?.textContent, tds[1]?.textContent));
  }

  for (const dt of Array.from(root.querySelectorAll('dt'))) {
    const dd = dt.nextElementSibling;
    if (dd && dd.tagName.toUpperCase() === 'DD') push(pairOf(dt.textContent, dd.textContent));
  }

  for (const block of Array.from(root.querySelectorAll('.ux-labels-values'))) {
    push(
      pairOf(
        block.querySelector('.ux-labels-values__labels')?.textContent,
        block.querySelector('.ux-labels-values__values')?.textContent,
      ),
    );
  }

  for (const li of Array.from(root.querySelectorAll('li'))) {
    const bold = li.querySelector('.a-text-bold');
    if (bold) {
      push(pairOf(bold.textContent, bold.nextElementSibling?.textContent));
      continue;
    }
    if (!options.colonItems) continue;
    const m = /^([^:：]{1,30})[:：]\s*(.+)$/u.exec(cleanText(li.getAttribute('title') || li.textContent));
    if (m) push(pairOf(m[1], m[2]));
  }

  return out;
}

/**
 * Turns harvested pairs into identity facts: brand, manufacturer, model (model and MPN labels) and GTIN
 * rows; sentinel values dropped, the printed label kept so the matcher can weigh "Part Number" against
 * "Item model number". SKU-like rows are the retailer's ids and are left to the adapter.
 */
export function factsFromPairs(
  pairs: readonly LabelPair[],
  source: IdentitySource = 'spec-table',
): IdentityFact[] {
  const facts: IdentityFact[] = [];
  for (const pair of pairs) {
    const kind = labelKind(pair.key);
    if (!kind || kind === 'sku' || isSentinelValue(pair.value)) continue;
    const field = kind === 'mpn' ? 'model' : kind;
    facts.push({ field, value: pair.value, source, label: pair.label });
  }
  return facts;
}
