import { describe, expect, it } from 'vitest';
import { adapters } from '../../../utils/marketplaces/index';
import { testCasesByFileId } from '../../../utils/marketplaces/test-cases';
import {
  DESTINATIONS,
  type DestinationId,
  deadlineDates,
  destination,
  REPORT_FIELDS,
  SAFETY_GATE_COUNTRIES,
} from '../../../utils/report/destinations';
import { countryFromLocale, destinationsFor, routeReport } from '../../../utils/report/routing';
import { storefrontOf } from '../../../utils/storefront-country';

/** The first destinations a report from each country should be offered, in order (the routing's promise). */
const EXPECTED: Record<string, DestinationId[]> = {
  US: ['cpsc'],
  CA: ['health-canada'],
  GB: ['uk-opss'],
  AU: ['accc'],
  CN: ['cn-12315', 'samr-defect'],
  FR: ['signalconso', 'eu-gateway'],
  DE: ['eu-national', 'eu-gateway'],
  IT: ['eu-national', 'eu-gateway'],
  NO: ['eu-national', 'eu-gateway'],
};
/** Marketplace countries we have no authority for: the report still offers the whole table, unranked. */
const NO_AUTHORITY = ['HK', 'MX', 'BR', 'JP', 'IN', 'SG', 'AE', 'SA', 'TR', 'EG'];

/** EU and EEA countries other than France: their national authority's generic row, then the Gateway. */
const expectedFor = (country: string): DestinationId[] | undefined =>
  EXPECTED[country] ?? (SAFETY_GATE_COUNTRIES.includes(country) ? ['eu-national', 'eu-gateway'] : undefined);

const ids = (country: string | null) => destinationsFor(country).map((d) => d.id);

describe('the destination table', () => {
  it.each(DESTINATIONS.map((d) => [d.id, d] as const))(
    '%s: an https address, fields, languages, sources',
    (_id, d) => {
      expect(new URL(d.url).protocol).toBe('https:');
      expect(d.fields.length).toBeGreaterThan(0);
      expect(d.fields.some((f) => f.required)).toBe(true);
      expect(new Set(d.fields.map((f) => f.field)).size, 'a field listed twice').toBe(d.fields.length);
      for (const f of d.fields) expect(REPORT_FIELDS).toContain(f.field);
      expect(d.languages.length).toBeGreaterThan(0);
      expect(d.sources.length, 'say where the facts came from').toBeGreaterThan(0);
      expect(d.countries.length).toBeGreaterThan(0);
    },
  );

  it('has every destination issue 12 names', () => {
    expect(DESTINATIONS.map((d) => d.id).sort()).toEqual(
      [
        'accc',
        'cn-12315',
        'cpsc',
        'eu-gateway',
        'eu-national',
        'health-canada',
        'samr-defect',
        'signalconso',
        'uk-opss',
      ].sort(),
    );
  });

  it('gives the Chinese routes their Chinese names and language', () => {
    for (const id of ['cn-12315', 'samr-defect'] as const) {
      expect(destination(id).nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(destination(id).languages).toContain('zh-CN');
    }
  });

  it('asks SignalConso for the barcode and SaferProducts for what CPSC requires for publication', () => {
    expect(destination('signalconso').fields.map((f) => f.field)).toContain('gtin');
    const required = destination('cpsc')
      .fields.filter((f) => f.required)
      .map((f) => f.field);
    expect(required).toEqual([
      'productName',
      'brand',
      'hazard',
      'incidentDate',
      'reporterType',
      'contact',
      'consent',
    ]);
  });

  it('counts the 12315 deadlines in working days: the firm 10, then the authority 7', () => {
    // Friday 2026-12-04: ten working days end Friday 12-18, seven more end Tuesday 12-29.
    const dates = deadlineDates(destination('cn-12315'), new Date('2026-12-04T10:00:00Z'));
    expect(dates.map((d) => [d.deadline.who, d.due.toISOString().slice(0, 10)])).toEqual([
      ['firm', '2026-12-18'],
      ['authority', '2026-12-29'],
    ]);
    expect(deadlineDates(destination('health-canada'), new Date())).toEqual([]);
    // SaferProducts.gov: the CPSC sends the report on within 5 working days, then the firm has 10.
    expect(destination('cpsc').deadlines.map((d) => [d.id, d.who, d.days])).toEqual([
      ['cpsc-transmit', 'authority', 5],
      ['cpsc-comment', 'firm', 10],
    ]);
  });

  it('claims no prefilled URL that no source documents', () => {
    for (const d of DESTINATIONS) expect(d.prefill, d.id).toBeNull();
  });
});

describe('routing: every destination is reached', () => {
  it.each(Object.entries(EXPECTED))('%s → %j', (country, expected) => {
    expect(ids(country)).toEqual(expected);
  });

  it('reaches every destination from some country', () => {
    const reached = new Set(Object.values(EXPECTED).flat());
    expect([...reached].sort()).toEqual(DESTINATIONS.map((d) => d.id).sort());
  });

  it('ranks what serves both countries first, then the shopper’s, then the marketplace’s, then the rest', () => {
    const route = routeReport({ marketCountry: 'US', userCountry: 'CA' });
    expect(route.slice(0, 2).map((r) => [r.destination.id, r.reason])).toEqual([
      ['health-canada', 'user'],
      ['cpsc', 'market'],
    ]);
    expect(route.slice(2).every((r) => r.reason === null)).toBe(true);
    expect(route).toHaveLength(DESTINATIONS.length);
    const same = routeReport({ marketCountry: 'CN', userCountry: 'CN' });
    expect(same.slice(0, 2).map((r) => [r.destination.id, r.reason])).toEqual([
      ['cn-12315', 'both'],
      ['samr-defect', 'both'],
    ]);
  });

  it('still offers every destination, unranked, when neither country is known', () => {
    const route = routeReport({ marketCountry: null, userCountry: null });
    expect(route.map((r) => r.reason)).toEqual(DESTINATIONS.map(() => null));
  });
});

describe('routing: every marketplace', () => {
  const pageUnder = (pattern: string): string => pattern.replace('://*.', '://www.').replace(/\*$/, 'x');

  it.each(adapters.map((a) => [a.id, a] as const))(
    '%s: each declared country routes as the table says',
    (_id, adapter) => {
      for (const country of adapter.countries) {
        if (NO_AUTHORITY.includes(country)) {
          expect(ids(country), country).toEqual([]);
          expect(
            routeReport({ marketCountry: country, userCountry: null }).every((r) => r.reason === null),
          ).toBe(true);
        } else {
          const expected = expectedFor(country);
          expect(expected, `${adapter.id} sells to ${country}: add it to EXPECTED`).toBeDefined();
          const top = routeReport({ marketCountry: country, userCountry: null })
            .filter((r) => r.reason === 'market')
            .map((r) => r.destination.id);
          expect(top).toEqual(expected);
        }
      }
    },
  );

  it.each(adapters.map((a) => [a.id, a] as const))(
    '%s: each page it reads routes by its storefront',
    (_id, adapter) => {
      const urls = [
        ...adapter.matches.map(pageUnder),
        ...(testCasesByFileId[adapter.id] ?? []).map((c) => c.url),
      ];
      for (const url of urls) {
        const { country } = storefrontOf(adapter.id, url);
        const route = routeReport({ marketCountry: country, userCountry: 'GB' });
        // The shopper's own country leads; it serves both when the storefront is the UK's.
        expect(route[0]?.destination.id, url).toBe('uk-opss');
        expect(route[0]?.reason, url).toBe(country === 'GB' ? 'both' : 'user');
        if (country && !NO_AUTHORITY.includes(country))
          expect(
            route.filter((r) => r.reason === 'market' || r.reason === 'both').length,
            url,
          ).toBeGreaterThan(0);
      }
    },
  );
});

describe('the shopper’s country from the browser language', () => {
  it.each([
    ['en-US', 'US'],
    ['en-GB', 'GB'],
    ['zh-CN', 'CN'],
    ['zh_CN', 'CN'],
    ['zh-Hans-CN', 'CN'],
    ['fr', 'FR'],
    ['fr-CA', 'CA'],
    ['xx', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (tag, country) => {
    expect(countryFromLocale(tag)).toBe(country);
  });
});
