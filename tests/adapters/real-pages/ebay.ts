import type { RealPageCase } from './real-page-case';

export const realPageCases: RealPageCase[] = [
  {
    name: 'reads the RTX 5090 listing with French item-specific labels (Marque, Numéro de pièce fabricant) (2025)',
    page: 'ebay/item-2025-rtx5090-fe.html',
    url: 'https://www.ebay.com/itm/226771798286',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: '226771798286',
        title: 'NVIDIA GeForce RTX 5090 FE Founders Edition',
        brand: 'NVIDIA',
        models: ['900-1G136-2510-000'],
        gtins: [],
        rawGtins: [],
        seller: 'salomon0651',
      },
    ],
  },
  {
    // 25 orders, 26 lines (one order of two items); the "recommended" and "also looked at" carousels'
    // /itm/ links are not purchases. Quantities: a one-line order's "(1 item)" count.
    name: 'lists every purchased line of the 2020 My eBay purchase history and none of the carousels',
    page: 'ebay/purchase-history-2020-ebay-co-uk.html',
    url: 'https://www.ebay.co.uk/myb/PurchaseHistory',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: '293201834752',
        title: 'James Dixon & Sons Silver Plated EPBM Milk & Sugar Bowl 1881-1920',
        quantity: 1,
      },
      {
        itemId: '184009814261',
        title: 'Ralph Lauren Jumper Men’s Size XL Aubergine Cowl Neck Polo RL Loose Fit Casual',
        quantity: 1,
      },
      {
        itemId: '184122519379',
        title: 'Microsoft Surface Book 2 13" - 512GB i7 16GB with GPU [New other]',
        quantity: 1,
      },
      {
        itemId: '202817739597',
        title: '5M 10M 12M 5050 RGB 60 LED STRIP LIGHTS COLOUR CHANGING FLEXBILE TAPE LIGHTING',
        quantity: 1,
      },
      {
        itemId: '174036507874',
        title: "POLO RALPH LAUREN | Men's Khaki Green Shawl Neck Sweater Jumper | Size M",
        quantity: 1,
      },
      {
        itemId: '254428939209',
        title: 'Additional Freestanding Appliance Installation Service FA3571',
        quantity: 1,
      },
      { itemId: '254480051863', title: 'AEG FFE83700PM 15 Place a Dishwasher Silver HA1903', quantity: 1 },
      {
        itemId: '193253878734',
        title: 'Massimo Dutti Burgundy Jumper With Tan Elbow Patches Size M Chest 40"',
        quantity: 1,
      },
      {
        itemId: '163905237823',
        title: 'DANIEL HECHTER Mens Flannel Shirt 2XL Navy Blue Cotton MT79',
        quantity: 1,
      },
      { itemId: '223785363751', title: "Mens' Aviatrix Brown Leather Jacket size L", quantity: 1 },
      {
        itemId: '223785345861',
        title: 'Ted Baker Men’s Burgandy Long Sleeve Top Size 4 (Large)',
        quantity: 1,
      },
      { itemId: '174120978617', title: 'Mens satchel messenger bag', quantity: 1 },
      {
        itemId: '274135400009',
        title: 'Ted Baker Jacket Coat Size 4 Beige Anorak Lined 42 Inch Chest',
        quantity: 1,
      },
      { itemId: '114005134445', title: 'Massimo Dutti Mens Shirt XL', quantity: 1 },
      { itemId: '184073523158', title: 'Mens Rockport Long Sleeve Shirt xlarge', quantity: 1 },
      { itemId: '293366160776', title: 'ralph lauren men t shirt in great condition size XL', quantity: 1 },
      { itemId: '324007335148', title: 'Ralph Lauren Large Shirt', quantity: 1 },
      { itemId: '174118650623', title: 'Henry Lloyd Shirt Blue And White', quantity: 1 },
      { itemId: '184073493647', title: 'Mens Armani shirt xl Military Style', quantity: 1 },
      {
        itemId: '223586894455',
        title: 'MENS MASSIMO DUTTI FINEST FABRIC SIZE XL BEIGE LONG SLEEVED SHIRT',
        quantity: 1,
      },
      { itemId: '303402121996', title: 'mens ralph lauren polo shirt xl', quantity: 1 },
      {
        itemId: '333011067033',
        title: 'Huawei Mate 20 RS Porsche Design Hydrogel Screen Protector [2 PACK] HD Cover',
        quantity: 1,
      },
      { itemId: '274130693613', title: 'Mens Ralph Lauren Classic Polo Chino 38/32', quantity: 1 },
      {
        itemId: '153752549347',
        title: 'John Rocha Mens Checked Shirt, 100% Cotton, Large, Excellent Condition',
        quantity: 1,
      },
      { itemId: '392577377774', title: 'Check JACK MURPHY Shirt XL', quantity: 1 },
      { itemId: '114004192902', title: 'GANT shirt XL', quantity: 1 },
    ],
  },
];
