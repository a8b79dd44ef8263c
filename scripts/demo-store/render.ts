/**
 * Renders the demo storefront's pages. Product pages carry schema.org Product JSON-LD, the way most
 * independent shops publish it, so the extension's generic layer reads them.
 */
import { DEMO_PRODUCTS, type DemoProduct, STORE_NAME } from './catalog';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

/** JSON inside <script> must not be able to close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value, null, 2).replace(/</g, '\\u003c');

function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | ${STORE_NAME}</title>
<style>
  body { margin: 0; font: 16px/1.5 Georgia, "Times New Roman", serif; color: #2b2b2b; background: #faf7f2; }
  header.site { display: flex; justify-content: space-between; align-items: center; padding: 18px 40px; background: #23395b; color: #fff; }
  header.site a { color: #fff; text-decoration: none; font-size: 22px; letter-spacing: 0.04em; }
  nav a { color: #dfe7f2; margin-left: 18px; font: 14px system-ui, sans-serif; }
  main { max-width: 980px; margin: 32px auto; padding: 0 24px; }
  .product { display: grid; grid-template-columns: 380px 1fr; gap: 40px; }
  .photo { height: 340px; border-radius: 8px; background: linear-gradient(135deg, #d9c7a7, #b89b72); display: grid; place-items: center; color: #fff; font: 600 20px system-ui, sans-serif; }
  h1 { font-size: 30px; margin: 0 0 8px; }
  .price { font: 600 24px system-ui, sans-serif; color: #23395b; }
  button.buy { padding: 12px 28px; border: 0; border-radius: 6px; background: #23395b; color: #fff; font: 600 16px system-ui, sans-serif; }
  table.specs { border-collapse: collapse; margin-top: 20px; font: 14px system-ui, sans-serif; }
  table.specs th, table.specs td { text-align: left; padding: 6px 14px 6px 0; border-bottom: 1px solid #e5ddd0; }
  ul.grid { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; }
  ul.grid li { background: #fff; border-radius: 8px; padding: 16px; box-shadow: 0 1px 3px rgb(0 0 0 / 8%); }
  footer { text-align: center; color: #8a8070; font: 13px system-ui, sans-serif; padding: 40px; }
</style>
${head}
</head>
<body>
<header class="site"><a href="/">${STORE_NAME}</a><nav><a href="/">Shop</a><a href="/about">About</a><a href="/cart">Cart</a></nav></header>
<main>
${body}
</main>
<footer>A demo storefront for Recall Sentinel. The products and recalls on it are fictional.</footer>
</body>
</html>`;
}

function productJsonLd(p: DemoProduct, url: string): unknown {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: STORE_NAME, url: new URL('/', url).href },
      {
        '@type': 'Product',
        name: p.name,
        description: p.description,
        brand: { '@type': 'Brand', name: p.brand },
        ...(p.mpn ? { mpn: p.mpn } : {}),
        ...(p.gtin13 ? { gtin13: p.gtin13 } : {}),
        sku: `HL-${p.handle.length}${p.handle.charCodeAt(0)}`,
        offers: {
          '@type': 'Offer',
          price: p.price,
          priceCurrency: 'USD',
          availability: 'https://schema.org/InStock',
          seller: { '@type': 'Organization', name: STORE_NAME },
        },
      },
    ],
  };
}

export function renderProductPage(p: DemoProduct, url: string): string {
  const specs = [
    ['Brand', p.brand],
    ['Model', p.mpn ?? '—'],
    ['UPC', p.gtin13 ?? '—'],
  ]
    .map(([k, v]) => `<tr><th>${escapeHtml(k as string)}</th><td>${escapeHtml(v as string)}</td></tr>`)
    .join('');
  return layout(
    p.name,
    `<article class="product">
  <div class="photo">${escapeHtml(p.brand)}</div>
  <div>
    <h1>${escapeHtml(p.name)}</h1>
    <p class="price">$${escapeHtml(p.price)}</p>
    <p>${escapeHtml(p.description)}</p>
    <button class="buy" type="button">Add to cart</button>
    <table class="specs">${specs}</table>
  </div>
</article>`,
    `<script type="application/ld+json">${scriptJson(productJsonLd(p, url))}</script>`,
  );
}

export function renderIndexPage(): string {
  const items = DEMO_PRODUCTS.map(
    (p) =>
      `<li><a href="/products/${p.handle}">${escapeHtml(p.name)}</a><br><span class="price">$${escapeHtml(p.price)}</span></li>`,
  ).join('\n');
  return layout('Shop', `<h1>New this season</h1><ul class="grid">${items}</ul>`);
}

export function renderAboutPage(): string {
  return layout(
    'About',
    '<h1>About us</h1><p>We sell things for the home, the kitchen and the outdoors.</p>',
  );
}
