import type { RealPageCase } from './real-page-case';

export const realPageCases: RealPageCase[] = [
  {
    name: 'reads the Pikachu game on the 2025+ /product/…/sku/ layout',
    page: 'bestbuy/product-2026-pokemon-lets-go-pikachu.html',
    url: 'https://www.bestbuy.com/product/pokemon-lets-go-pikachu-nintendo-switch/J7GSL4G7GQ/sku/6216393',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '6216393',
        title: "Pokémon: Let's Go, Pikachu! - Nintendo Switch",
        brand: 'Nintendo',
        models: ['HACPADW2A'],
        gtins: ['00045496593940'],
        rawGtins: ['045496593940'],
        seller: 'Best Buy',
      },
    ],
  },
  {
    // The page body only (no <html>/<head>); JSON-LD prints gtin13 "0843368068165", the Specifications
    // tab UPC "843368068165": one GTIN, both printed forms kept.
    name: 'reads the sold-out 2020 RTX 3080 page from its JSON-LD, title block and specifications',
    page: 'bestbuy/product-out-of-stock-2020.html',
    url: 'https://www.bestbuy.com/site/evga-geforce-rtx-3080-xc3-ultra-gaming-10gb-gddr6-pci-express-4-0-graphics-card/6432400.p?skuId=6432400',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '6432400',
        title: 'EVGA - GeForce RTX 3080 XC3 ULTRA GAMING 10GB GDDR6 PCI Express 4.0 Graphics Card',
        brand: 'EVGA',
        models: ['10G-P5-3885-KB'],
        gtins: ['00843368068165'],
        rawGtins: ['0843368068165', '843368068165'],
        seller: 'Best Buy',
      },
    ],
  },
];
