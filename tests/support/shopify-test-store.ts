/**
 * A hand-made Shopify-shaped store for the storefront scan's tests (the CLI's and the audit page's):
 * 250 + 250 + 10 products on three pages of products.json, one of them recalled. Its barcode is the real
 * UPC of CPSC 25-366 (Harbor Freight's Predator power stations), which tests/unit/cli/audit-store.test.ts
 * finds in the saved CPSC data.
 */
export const RECALLED_UPC = '193175488718';

function storeProduct(i: number) {
  if (i === 321)
    return {
      id: 9321,
      title: 'Predator 2000 Watt Portable Power Station',
      handle: 'predator-2000',
      vendor: 'Predator',
      variants: [{ id: 99321, title: 'Default Title', sku: 'HF-PS2000', barcode: RECALLED_UPC }],
    };
  return {
    id: 9000 + i,
    title: `Cedar planter box ${i}`,
    handle: `cedar-planter-${i}`,
    vendor: 'Greenhaven',
    variants: [{ id: 90000 + i, title: 'Default Title', sku: `GH-${i}` }],
  };
}

/** Page `page` of products.json (1-based); page 4 and beyond are empty. */
export function storePage(page: number) {
  const from = (page - 1) * 250;
  const count = page <= 2 ? 250 : page === 3 ? 10 : 0;
  return { products: Array.from({ length: count }, (_, i) => storeProduct(from + i)) };
}
