/**
 * Finding 4 of issue 14: lookups fail closed. A page's over-long text and long lists are cut (by the
 * content script, and again by the background's schemas), never a reason to refuse the whole lookup.
 */
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../utils/background/handle-message';
import {
  clip,
  fitIdentity,
  fitLookup,
  IDENTITY_LIMITS,
  LOOKUP_MAX_IDENTITIES,
} from '../../utils/identity-limits';
import { LookupRequest } from '../../utils/messaging';
import { samePage } from '../../utils/same-page';
import { ProductIdentity } from '../../utils/schemas';
import { contentScript, fakeDeps, lookup } from './background/fake-background';
import { identity } from './support/factories';

const RECALLED = '00850012345671';
const LONG_URL = `https://www.amazon.com/dp/B0DEMO0001?ref=${'x'.repeat(5000)}`;

/** An identity with every field far over its limit. */
function oversized(): ProductIdentity {
  return {
    ...identity({ gtins: [RECALLED] }),
    url: LONG_URL,
    itemId: 'I'.repeat(500),
    title: 'T'.repeat(100_000),
    brand: 'B'.repeat(1000),
    manufacturer: 'M'.repeat(1000),
    models: Array.from({ length: 80 }, (_, i) => `MODEL-${i}-${'9'.repeat(200)}`),
    gtins: [RECALLED, ...Array.from({ length: 80 }, () => '00000000000000')],
    rawGtins: Array.from({ length: 80 }, () => '1'.repeat(300)),
    seller: 'S'.repeat(1000),
    variant: 'V'.repeat(1000),
    facts: Array.from({ length: 300 }, () => ({
      field: 'title' as const,
      value: 'v'.repeat(2000),
      source: 'json-ld' as const,
      label: 'l'.repeat(500),
    })),
  };
}

describe('the limits of a lookup', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('cuts over-long fields and lists of an identity instead of refusing it', () => {
    const parsed = ProductIdentity.safeParse(oversized());
    expect(parsed.success).toBe(true);
    const id = parsed.data as ProductIdentity;
    expect(id.url).toHaveLength(IDENTITY_LIMITS.url);
    expect(id.title).toHaveLength(IDENTITY_LIMITS.title);
    expect(id.itemId).toHaveLength(IDENTITY_LIMITS.itemId);
    expect(id.models).toHaveLength(IDENTITY_LIMITS.models);
    expect(id.models.every((m) => m.length <= IDENTITY_LIMITS.model)).toBe(true);
    expect(id.gtins[0]).toBe(RECALLED);
    expect(id.gtins).toHaveLength(IDENTITY_LIMITS.gtins);
    expect(id.facts).toHaveLength(IDENTITY_LIMITS.facts);
    expect(id.facts[0]?.value).toHaveLength(IDENTITY_LIMITS.factValue);
    expect(id.facts[0]?.label).toHaveLength(IDENTITY_LIMITS.factLabel);
  });

  it('fits an identity in the content script exactly as the background’s schema would', () => {
    const fitted = fitIdentity(oversized());
    expect(ProductIdentity.parse(fitted)).toEqual(fitted);
    expect(fitted).toEqual(ProductIdentity.parse(oversized()));
  });

  it('keeps the first lines of a page with more lines than one lookup carries', () => {
    const lines = Array.from({ length: 300 }, (_, i) =>
      identity({ itemId: `B${String(i).padStart(9, '0')}` }),
    );
    const parsed = LookupRequest.parse({
      type: 'lookup',
      page: { marketplace: 'amazon', pageType: 'orders', url: LONG_URL },
      identities: lines,
    });
    expect(parsed.identities).toHaveLength(LOOKUP_MAX_IDENTITIES);
    expect(parsed.identities[0]?.itemId).toBe('B000000000');
    expect(parsed.page.url).toHaveLength(IDENTITY_LIMITS.url);
    const fitted = fitLookup({ marketplace: 'amazon', pageType: 'orders', url: LONG_URL }, lines);
    expect(fitted.identities).toHaveLength(LOOKUP_MAX_IDENTITIES);
    expect(fitted.page.url).toBe(parsed.page.url);
  });

  it('never leaves half a surrogate pair where it cuts', () => {
    expect(clip('ab😀', 3)).toBe('ab');
    expect(clip('ab😀', 4)).toBe('ab😀');
    expect(clip('产品', 1)).toBe('产');
  });

  it('warns about a recalled product whose page address is longer than 4,000 characters', async () => {
    const d = fakeDeps();
    const msg = lookup([{ ...identity({ gtins: [RECALLED] }), url: LONG_URL, title: 'T'.repeat(5000) }]);
    msg.page.url = LONG_URL;
    const res = await handleMessage(msg, contentScript, d);
    expect(res).toMatchObject({ ok: true, matches: [[{ recallId: 'cpsc:1', tier: 'confirmed' }]] });
    await expect.poll(() => d.stored.get(7)?.status).toBe('warning');
  });

  it('warns about a recalled line on an orders page with more lines than the schema allows', async () => {
    const d = fakeDeps();
    const others = Array.from({ length: 250 }, (_, i) => identity({ pageType: 'orders', title: `Mug ${i}` }));
    const recalled = identity({ pageType: 'orders', gtins: [RECALLED] });
    const msg = lookup([...others.slice(0, 150), recalled, ...others.slice(150)]);
    msg.page.pageType = 'orders';
    const res = await handleMessage(msg, contentScript, d);
    expect(res.ok).toBe(true);
    if (!res.ok || !('matches' in res)) return;
    expect(res.matches).toHaveLength(LOOKUP_MAX_IDENTITIES);
    expect(res.matches[150]).toMatchObject([{ recallId: 'cpsc:1' }]);
    await expect.poll(() => d.stored.get(7)?.status).toBe('warning');
  });

  it('replaces the previous page’s verdict with "unreadable" when a lookup is still malformed', async () => {
    const d = fakeDeps();
    await handleMessage(lookup(), contentScript, d);
    await expect.poll(() => d.stored.get(7)?.status).toBe('warning');
    const bad = lookup();
    (bad.identities[0] as { gtins: string[] }).gtins = ['12345'];
    const res = await handleMessage(bad, { ...contentScript, url: LONG_URL }, d);
    expect(res.ok).toBe(false);
    expect(d.stored.get(7)?.status).toBe('unreadable');
    expect(d.stored.get(7)?.page.url).toHaveLength(IDENTITY_LIMITS.url);
  });

  it('does not let another extension replace a tab’s verdict with a malformed lookup', async () => {
    const d = fakeDeps();
    await handleMessage(lookup(), contentScript, d);
    await expect.poll(() => d.stored.get(7)?.status).toBe('warning');
    await handleMessage({ type: 'lookup' }, { ...contentScript, id: 'another' }, d);
    expect(d.stored.get(7)?.status).toBe('warning');
  });

  it('takes a verdict for a long address as its tab’s when the carried part agrees', () => {
    const carried = fitLookup({ marketplace: 'amazon', pageType: 'product', url: LONG_URL }, []).page.url;
    expect(samePage(carried, LONG_URL)).toBe(true);
    expect(samePage(carried, `${LONG_URL}#reviews`)).toBe(true);
    expect(samePage(carried, 'https://www.amazon.com/dp/B0OTHER000')).toBe(false);
  });
});
