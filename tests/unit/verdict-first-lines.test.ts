/**
 * A page with more lines than one lookup checks (an order history of hundreds of lines): the popup says
 * how many were checked, so "no recall found" is never read as covering lines nobody looked at.
 */
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it } from 'vitest';
import { VerdictView } from '@/components/VerdictView';
import { fitLookup, LOOKUP_MAX_IDENTITIES } from '@/utils/identity-limits';
import { LookupRequest, type TabVerdict } from '@/utils/messaging';
import { speak } from '../support/i18n-setup';
import { identity } from './support/factories';

const PAGE = {
  marketplace: 'amazon',
  pageType: 'orders' as const,
  url: 'https://www.amazon.com/gp/your-account/order-history',
};
const lines = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    identity({ itemId: `B${String(i).padStart(9, '0')}`, gtins: ['00850012345671'] }),
  );

function popupText(verdict: TabVerdict): { text: string; note: string | null } {
  const { document } = parseHTML('<!doctype html><div id="root"></div>');
  const root = document.getElementById('root') as unknown as Element;
  const previous = globalThis.document;
  globalThis.document = document as unknown as Document;
  try {
    render(h(VerdictView, { verdict }), root);
  } finally {
    globalThis.document = previous;
  }
  return {
    text: root.textContent ?? '',
    note: root.querySelector('[data-testid="first-lines-only"]')?.textContent ?? null,
  };
}

function noMatchVerdict(lineCount: number): TabVerdict {
  const fitted = fitLookup(PAGE, lines(lineCount));
  const request = LookupRequest.parse({ type: 'lookup', ...fitted });
  return {
    status: 'no-match',
    page: request.page,
    identities: request.identities,
    matches: request.identities.map(() => []),
    recalls: {},
    index: { records: 0, sources: [], updatedAt: null, syncs: [] },
    checkedAt: '2026-12-06T00:00:00.000Z',
  };
}

describe('a page with more lines than one lookup checks', () => {
  it('tells the background how many lines the page had, and the popup says only the first were checked', () => {
    const verdict = noMatchVerdict(350);
    expect(verdict.identities).toHaveLength(LOOKUP_MAX_IDENTITIES);
    expect(verdict.page.linesOnPage).toBe(350);
    expect(popupText(verdict).note).toBe(
      `Only the first ${LOOKUP_MAX_IDENTITIES} of the 350 lines on this page were checked; the rest were not looked at.`,
    );
  });

  it('says so on a page it could not read too, naming the kind of page', () => {
    const { text, note } = popupText({ ...noMatchVerdict(350), status: 'unreadable' });
    expect(text).toContain('We recognised an order page on amazon but found no barcode');
    expect(note).not.toBeNull();
  });

  it('says nothing of the kind when every line was checked', () => {
    const verdict = noMatchVerdict(12);
    expect(verdict.page.linesOnPage).toBeUndefined();
    expect(popupText(verdict).note).toBeNull();
  });

  it('says it in Chinese when the UI does', () => {
    speak('zh_CN');
    expect(popupText(noMatchVerdict(350)).note).toBe(
      `只检查了此页面 350 行中的前 ${LOOKUP_MAX_IDENTITIES} 行，其余的行没有检查。`,
    );
  });
});
