import type { RealPageCase } from './real-page-case';

export const realPageCases: RealPageCase[] = [
  {
    // Server HTML of a client-rendered item page: runParams empty, no title, price or specs rendered.
    // What it prints about the item is og:url (the id) and og:title ("… 65W - AliExpress 509"): no brand,
    // model, barcode or store is stated, so none is read.
    name: 'reads only the id and Open Graph title off the 2024 Spanish item shell',
    page: 'aliexpress/item-2024-es-shell-1005006180026951.html',
    url: 'https://es.aliexpress.com/item/1005006180026951.html',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '1005006180026951',
        title:
          'GaN-cargador USB tipo C de carga rápida para teléfono, adaptador de alimentación para iPhone 15, 14, Xiaomi, Samsung, enchufe de pared UE/EE. UU., 65W',
        brand: null,
        manufacturer: null,
        models: [],
        gtins: [],
        rawGtins: [],
        seller: null,
      },
    ],
  },
];
