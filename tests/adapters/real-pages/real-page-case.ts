/**
 * A real saved page (../shared/data/real-pages/, never copied into the repository) as an adapter test
 * case. One file per marketplace in this folder (named by the adapter id) exports `realPageCases`;
 * tests/adapters/real-pages.test.ts runs each one and checks that every saved page has a case.
 *
 * The expectations are read off the page by hand (view the page, not the extractor's output). On cart
 * and order pages `expectItems` lists every line of every order, in page order, and nothing else: no
 * recommendation, ad, "buy it again" or saved-for-later row.
 */
import type { PageType, ProductIdentity } from '../../../utils/schemas';

export type ExpectedItem = Partial<
  Pick<
    ProductIdentity,
    'itemId' | 'title' | 'brand' | 'manufacturer' | 'models' | 'gtins' | 'rawGtins' | 'seller' | 'quantity'
  >
>;

export interface RealPageCase {
  /** Sentence describing the behaviour, used as the test name. */
  name: string;
  /** Path under ../shared/data/real-pages/. */
  page: string;
  /** The URL the page was saved from, or the URL such a page is served at. */
  url: string;
  expectPageType: PageType;
  /** Every item the page should yield, in order; each lists only the fields it checks. */
  expectItems: ExpectedItem[];
}
