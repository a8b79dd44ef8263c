/**
 * Where a shopper can report an unsafe product: one row per official destination, as data. Every fact
 * says where it came from (`sources`) and what we could not confirm (`unknown`); nothing here was checked
 * against the live forms (this workplace has no internet), so the report page says "check the form".
 *
 * The sources are the stored copies of public pages the `search` tool returned on 2026-12-05:
 *   CPSC-FAQ   https://www.saferproducts.gov/CPSRMSPublicPortal/faq-report.aspx (the numbered list of what a
 *              report of harm asks, asterisks = required for publication)
 *   CPSC-5-10  legalexaminer.com on SaferProducts.gov: reports go to the firm within 5 (business) days, the
 *              firm has 10 days to comment before publication
 *   HC-CONS    https://www.canada.ca/en/health-canada/services/consumer-product-safety/report-incident/consumers.html
 *              and health.canada.ca "Report an incident involving a consumer product or cosmetic" (the list
 *              "you will be asked to provide"; a case number is assigned)
 *   12315-ODR  a Q&A page quoting the 12315 rules: through ODR the firm settles within 10 working days; if
 *              that fails the authority tells the complainant within 7 working days whether it accepts
 *   DPAC       ../shared/notes/feeds.md §8 (the SAMR defective product centre's site, www.samrdprc.org.cn)
 *              and chinavalue.com.cn (2008: the centre takes consumer complaints)
 *   SIGNALCONSO  conso.app and clcv.org on SignalConso (DGCCRF; "Matériel/Objet" is one of the seven
 *              categories, dangerous objects under it; the firm is told, the shopper chooses whether to give
 *              their contact details); issue 12 says a GTIN is part of the form
 *   WA-CP      commerce.wa.gov.au "Reporting a product" (what a product-safety officer needs; the ACCC shares
 *              product safety with the states)
 *   UK-TS      council Trading Standards pages (Milton Keynes, Carmarthenshire): consumers report through the
 *              Citizens Advice consumer helpline, which passes reports on to Trading Standards
 *   EU-SG      ../shared/notes/feeds.md §5 (the Safety Gate site's host); no stored page describes the
 *              Consumer Safety Gateway's form
 *
 * Prefilled URLs: no source documents query parameters that any of these forms reads, so `prefill` is
 * null everywhere and the hand-off opens the form as it is, with the copy helper beside it. A destination
 * that documents them gets a `prefill` row here and the report page uses it.
 */

/** What a report can carry, in the report page's own words; each destination lists the ones its form asks. */
export const REPORT_FIELDS = [
  'reporterType',
  'productName',
  'brand',
  'model',
  'gtin',
  'itemId',
  'seller',
  'pageUrl',
  'purchaseDate',
  'hazard',
  'incidentDate',
  'injury',
  'care',
  'photos',
  'contact',
  'consent',
  'recall',
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export interface DestinationField {
  field: ReportField;
  required: boolean;
}

export interface Deadline {
  /** Which step: the report page words each one (report.reminder.* in utils/locales). */
  id: 'cpsc-transmit' | 'cpsc-comment' | '12315-settle' | '12315-accept';
  /** Who must act: the firm reported on, or the authority. */
  who: 'firm' | 'authority';
  /** What happens by then, in English (the report page words it from `id`). */
  what: string;
  /** Length and its unit: working (business) days skip weekends; public holidays are not known here. */
  days: number;
  unit: 'working-days' | 'days';
  /** Counted from this step, or from the end of the deadline before it. */
  after: 'report' | 'previous';
}

export type DestinationId =
  | 'cpsc'
  | 'health-canada'
  | 'eu-gateway'
  | 'eu-national'
  | 'uk-opss'
  | 'accc'
  | 'cn-12315'
  | 'samr-defect'
  | 'signalconso';

export interface Destination {
  id: DestinationId;
  /** The authority and the service, as they name themselves (English; zh for the Chinese ones). */
  name: string;
  nameZh?: string;
  authority: string;
  /** ISO 3166-1 alpha-2 countries whose residents or market it serves. */
  countries: readonly string[];
  /** The page to open: the form, or the page that leads to it. */
  url: string;
  /** Whether a stored source shows this address (else it is the host's, the path our best knowledge). */
  urlSourced: boolean;
  /** The form's languages (BCP 47). */
  languages: readonly string[];
  /** The fields its form asks, in the form's order. */
  fields: readonly DestinationField[];
  /** Whether `fields` (order and required) comes from a source; false: our guess from what it says it needs. */
  fieldsSourced: boolean;
  deadlines: readonly Deadline[];
  /** Query parameters the form reads to prefill fields; null where none is documented. */
  prefill: Readonly<Partial<Record<ReportField, string>>> | null;
  sources: readonly string[];
  unknown: readonly string[];
}

/** The EU and EEA countries the Safety Gate network covers (EU 27 + Iceland, Liechtenstein, Norway). */
// biome-ignore format: a table of country codes, two lines rather than thirty
export const SAFETY_GATE_COUNTRIES: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT',
  'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
];

const f = (field: ReportField, required = false): DestinationField => ({ field, required });

export const DESTINATIONS: readonly Destination[] = [
  {
    id: 'cpsc',
    name: 'SaferProducts.gov — report an unsafe product',
    authority: 'U.S. Consumer Product Safety Commission (CPSC)',
    countries: ['US'],
    // The FAQ (CPSC-FAQ) is on this host; the form's own path is from memory, not a stored page.
    url: 'https://www.saferproducts.gov/IncidentReporting',
    urlSourced: false,
    languages: ['en'],
    // CPSC-FAQ's list, in its order; asterisks there = required for publication in the database.
    fields: [
      f('productName', true),
      f('brand', true),
      f('model'),
      f('gtin'),
      f('hazard', true),
      f('incidentDate', true),
      f('reporterType', true),
      f('contact', true),
      f('photos'),
      f('injury'),
      f('care'),
      f('consent', true),
    ],
    fieldsSourced: true,
    deadlines: [
      {
        id: 'cpsc-transmit',
        who: 'authority',
        what: 'sends the report to the firm',
        days: 5,
        unit: 'working-days',
        after: 'report',
      },
      {
        id: 'cpsc-comment',
        who: 'firm',
        what: 'may comment before publication',
        days: 10,
        unit: 'working-days',
        after: 'previous',
      },
    ],
    prefill: null,
    sources: ['CPSC-FAQ', 'CPSC-5-10'],
    unknown: [
      'the form page address',
      'whether model and barcode are separate fields (the FAQ folds them into "description of the product")',
      'prefill parameters',
    ],
  },
  {
    id: 'health-canada',
    name: 'Consumer product incident report',
    authority: 'Health Canada, Consumer Product Safety',
    countries: ['CA'],
    url: 'https://www.canada.ca/en/health-canada/services/consumer-product-safety/report-incident/consumers.html',
    urlSourced: true,
    languages: ['en', 'fr'],
    // HC-CONS: "you will be asked to provide", in that order; which are required is not said.
    fields: [
      f('contact', true),
      f('incidentDate', true),
      f('hazard', true),
      f('seller'),
      f('brand', true),
      f('productName', true),
      f('model'),
      f('gtin'),
      f('injury'),
      f('care'),
      f('photos'),
    ],
    fieldsSourced: true,
    deadlines: [],
    prefill: null,
    sources: ['HC-CONS'],
    unknown: [
      'which fields the form requires (the page lists what is asked)',
      'model and UPC are "other helpful information" on an archived copy, not in the current list',
      'prefill parameters',
    ],
  },
  {
    id: 'eu-national',
    // Filled per country by nationalAuthority(); this row is the EU-wide fallback wording.
    name: 'Your national market surveillance authority',
    authority: 'The product-safety authority of the EU or EEA country',
    countries: SAFETY_GATE_COUNTRIES,
    url: 'https://ec.europa.eu/safety-gate-alerts/screen/webReport',
    urlSourced: true,
    languages: ['en'],
    fields: [
      f('productName', true),
      f('brand'),
      f('model'),
      f('gtin'),
      f('hazard', true),
      f('incidentDate'),
      f('contact'),
    ],
    fieldsSourced: false,
    deadlines: [],
    prefill: null,
    sources: ['EU-SG'],
    unknown: [
      'each national authority’s own form (only France’s, SignalConso, is in this table)',
      'the Safety Gate page lists alerts, not the authorities’ forms',
    ],
  },
  {
    id: 'eu-gateway',
    name: 'Consumer Safety Gateway',
    authority: 'European Commission, Safety Gate',
    countries: SAFETY_GATE_COUNTRIES,
    // The Safety Gate site (EU-SG); the Gateway's own form address is not in any stored source.
    url: 'https://ec.europa.eu/safety-gate-alerts/screen/webReport',
    urlSourced: false,
    languages: [
      'bg',
      'cs',
      'da',
      'de',
      'el',
      'en',
      'es',
      'et',
      'fi',
      'fr',
      'hr',
      'hu',
      'it',
      'lt',
      'lv',
      'mt',
      'nl',
      'pl',
      'pt',
      'ro',
      'sk',
      'sl',
      'sv',
    ],
    fields: [
      f('productName', true),
      f('brand'),
      f('model'),
      f('gtin'),
      f('pageUrl'),
      f('hazard', true),
      f('photos'),
      f('contact'),
    ],
    fieldsSourced: false,
    deadlines: [],
    prefill: null,
    sources: ['EU-SG'],
    unknown: [
      'the form address',
      'its fields and their order',
      'its languages (assumed the EU’s official languages but Irish)',
    ],
  },
  {
    id: 'uk-opss',
    name: 'Report an unsafe product (Citizens Advice → Trading Standards)',
    authority: 'Office for Product Safety and Standards / local Trading Standards',
    countries: ['GB'],
    url: 'https://www.citizensadvice.org.uk/consumer/get-more-help/report-to-trading-standards/',
    urlSourced: false,
    languages: ['en', 'cy'],
    fields: [
      f('contact', true),
      f('seller', true),
      f('productName', true),
      f('brand'),
      f('model'),
      f('hazard', true),
      f('injury'),
    ],
    fieldsSourced: false,
    deadlines: [],
    prefill: null,
    sources: ['UK-TS'],
    unknown: [
      'the online form address and its fields (UK-TS names the helpline and "their online complaint form")',
    ],
  },
  {
    id: 'accc',
    name: 'Report an unsafe product',
    authority: 'Australian Competition and Consumer Commission (Product Safety Australia)',
    countries: ['AU'],
    url: 'https://www.productsafety.gov.au/contact-us/for-consumers/report-an-unsafe-product',
    urlSourced: false,
    languages: ['en'],
    // WA-CP's list of what an officer needs, in its order (a state regulator's page; the ACCC form's own
    // order is not in any stored source).
    fields: [
      f('purchaseDate'),
      f('brand', true),
      f('model'),
      f('seller', true),
      f('injury'),
      f('care'),
      f('hazard', true),
      f('contact', true),
    ],
    fieldsSourced: false,
    deadlines: [],
    prefill: null,
    sources: ['WA-CP'],
    unknown: [
      'the form address (productsafety.gov.au says consumers "report an unsafe product to the ACCC")',
      'its fields',
    ],
  },
  {
    id: 'cn-12315',
    name: 'National 12315 platform — consumer complaint',
    nameZh: '全国12315平台 消费投诉',
    authority: '国家市场监督管理总局 (SAMR)',
    countries: ['CN'],
    url: 'https://www.12315.cn/',
    urlSourced: true,
    languages: ['zh-CN'],
    fields: [
      f('seller', true),
      f('pageUrl'),
      f('productName', true),
      f('brand'),
      f('model'),
      f('purchaseDate', true),
      f('itemId'),
      f('hazard', true),
      f('photos'),
      f('contact', true),
    ],
    fieldsSourced: false,
    deadlines: [
      {
        id: '12315-settle',
        who: 'firm',
        what: 'settles with you through ODR',
        days: 10,
        unit: 'working-days',
        after: 'report',
      },
      {
        id: '12315-accept',
        who: 'authority',
        what: 'says whether it accepts the complaint',
        days: 7,
        unit: 'working-days',
        after: 'previous',
      },
    ],
    prefill: null,
    sources: ['12315-ODR'],
    unknown: [
      'the form’s fields and order (login required)',
      'Chinese public holidays in the working-day count',
    ],
  },
  {
    id: 'samr-defect',
    name: 'SAMR defect information report',
    nameZh: '缺陷产品信息报告',
    authority: '国家市场监督管理总局缺陷产品召回技术中心 (SAMR DPRC)',
    countries: ['CN'],
    url: 'https://www.samrdprc.org.cn/',
    urlSourced: true,
    languages: ['zh-CN'],
    fields: [
      f('productName', true),
      f('brand', true),
      f('model', true),
      f('purchaseDate'),
      f('hazard', true),
      f('incidentDate'),
      f('injury'),
      f('photos'),
      f('contact', true),
    ],
    fieldsSourced: false,
    deadlines: [],
    prefill: null,
    sources: ['DPAC'],
    unknown: ['the report form’s address on the site', 'its fields and order'],
  },
  {
    id: 'signalconso',
    name: 'SignalConso',
    authority: 'DGCCRF (France)',
    countries: ['FR'],
    url: 'https://signal.conso.gouv.fr/',
    urlSourced: false,
    languages: ['fr', 'en'],
    fields: [
      f('hazard', true),
      f('gtin'),
      f('productName', true),
      f('brand'),
      f('seller', true),
      f('pageUrl'),
      f('photos'),
      f('contact'),
    ],
    fieldsSourced: false,
    deadlines: [],
    prefill: null,
    sources: ['SIGNALCONSO'],
    unknown: [
      'the current address (the sources name signalconso.beta.gouv.fr, the pilot’s)',
      'the form’s order beyond "category first"',
      'its English version',
    ],
  },
];

export function destination(id: DestinationId): Destination {
  const found = DESTINATIONS.find((d) => d.id === id);
  if (!found) throw new Error(`no destination ${id}`);
  return found;
}

/** National authorities we have a form for, by country: the EU row's stand-in for that country. */
const NATIONAL: Readonly<Record<string, DestinationId>> = { FR: 'signalconso' };

/** The national route of an EU or EEA country: its own authority's form if we have it, else the generic row. */
export function nationalAuthority(country: string): Destination {
  const own = NATIONAL[country];
  return own ? destination(own) : destination('eu-national');
}

/** Deadlines as dates: each step's end, skipping Saturdays and Sundays for working days. */
export function deadlineDates(d: Destination, from: Date): { deadline: Deadline; due: Date }[] {
  let start = from;
  return d.deadlines.map((deadline) => {
    const base = deadline.after === 'report' ? from : start;
    const due = addDays(base, deadline.days, deadline.unit === 'working-days');
    start = due;
    return { deadline, due };
  });
}

function addDays(from: Date, days: number, working: boolean): Date {
  const d = new Date(from.getTime());
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (!working || (day !== 0 && day !== 6)) left--;
  }
  return d;
}
