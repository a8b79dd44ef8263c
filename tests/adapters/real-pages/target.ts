import type { RealPageCase } from './real-page-case';

export const realPageCases: RealPageCase[] = [
  {
    name: 'reads the Zapdos deck from __TGT_DATA__ with its title unescaped (2025)',
    page: 'target/product-2025-zapdos-deck.html',
    url: 'https://www.target.com/p/pok-233-mon-trading-card-game-zapdos-ex-deluxe-battle-deck/-/A-91351689',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '91351689',
        title: 'Pokémon Trading Card Game: Zapdos ex Deluxe Battle Deck',
        brand: 'Pokemon',
        models: [],
        gtins: ['00097712561233'],
        rawGtins: ['097712561233'],
        seller: null,
      },
    ],
  },
  {
    name: 'reads the dust cloths from the DOM alone when every script was emptied (2026)',
    page: 'target/product-2026-upup-dust-cloths.html',
    url: 'https://www.target.com/p/microfiber-dust-cloths-6pk-up-38-up-8482/-/A-90377926',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '90377926',
        title: 'Microfiber Dust Cloths - 6pk - up&up™: Reusable, Hanging Loop',
        brand: 'up&up',
        models: [],
        gtins: [],
        rawGtins: [],
        seller: null,
      },
    ],
  },
];
