import type { RealPageCase } from './real-page-case';

export const realPageCases: RealPageCase[] = [
  {
    // __NEXT_DATA__ prints model "PMCAWNSAA" (letters only: not distinctive, kept as a fact) and
    // manufacturerProductId "112387"; the buy box is a third-party seller's.
    name: 'reads the Pokémon GO Plus + from __NEXT_DATA__ with its third-party seller (2026)',
    page: 'walmart/product-2026-pokemon-go-plus.html',
    url: 'https://www.walmart.com/ip/Pok-mon-GO-Plus-for-Nintendo-Switch/1203950273',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '1203950273',
        title: 'Pokémon GO Plus +',
        brand: 'Nintendo',
        models: ['112387'],
        gtins: ['00045496882730'],
        rawGtins: ['045496882730'],
        seller: 'Black Bear Gaming',
      },
    ],
  },
];
