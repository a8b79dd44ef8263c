/**
 * Amazon's real saved pages as adapter cases (tests/adapters/real-pages.test.ts runs them). Every
 * expectation was read off the page itself: product fields from the title, byline and detail tables as
 * printed; order lines from the order boxes, one per printed line in page order, with the image badge's
 * quantity (no badge: 1). Recommendations, ads and "Buy it again" rows on the same pages are not lines.
 *
 * `models` holds the printed models the identity rules accept as distinctive (utils/identity/model.ts):
 * a printed model that is a bare 5-digit number (Gastroback "42429"), a 13-digit number (Nintendo's
 * "Manufacturer reference 2200630056066") or letters only (Skybags "BPBRAENVY") is not one.
 *
 * URLs: the page's canonical link, its "saved from" or SavePage URL, or the URL its own sign-in links
 * return to; the fragment (order-multibuy-snippet) gets the URL order details are served at.
 */
import type { RealPageCase } from './real-page-case';

export const realPageCases: RealPageCase[] = [
  {
    name: 'reads a Kindle book page whose author byline is not a brand',
    page: 'amazon-com/product-2024-kindle-book.html',
    url: 'https://www.amazon.com/Whole-Truth-Shaw-Book-ebook/dp/B0011UCPM4',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'B0011UCPM4',
        title: 'The Whole Truth (A. Shaw Book 1)',
        brand: null,
        manufacturer: null,
        models: [],
        gtins: [],
      },
    ],
  },
  {
    name: 'reads the SainSmart relay from its 2024 tech-spec table and store byline',
    page: 'amazon-com/product-2024-sainsmart-relay.html',
    url: 'https://www.amazon.com/SainSmart-101-70-101-4-Channel-Relay-Module/dp/B0057OC5O8',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'B0057OC5O8',
        title: 'SainSmart 4-Channel Relay Module',
        brand: 'SainSmart',
        manufacturer: 'SainStore Inc.',
        models: ['101-70-101'],
        gtins: [],
        seller: 'SainSmart Official',
      },
    ],
  },
  {
    name: 'reads the Skullcandy headphones from a 2026 expander layout with model number, model name and UPC',
    page: 'amazon-com/product-2026-skullcandy-crusher.html',
    url: 'https://www.amazon.com/Skullcandy-Canceling-Headphones-Microphone-Bluetooth/dp/B0CD1DZ6RD',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'B0CD1DZ6RD',
        title:
          'Skullcandy Crusher ANC 2 Wireless Over-Ear Bluetooth Headphones with Extra USB-C Charging Cable, Multi-Sensory Bass, Active Noise Cancelling, 60 Hours Battery, Microphone iPhone Android - True Black',
        brand: 'Skullcandy',
        manufacturer: 'Skullcandy',
        models: ['S6CAW-R740-S7RCP-P750', 'BT_CRUSHER_ANC_2'],
        gtins: ['00810045689661'],
        rawGtins: ['810045689661'],
      },
    ],
  },
  {
    name: 'reads a 2015 amazon.de page from its #prodDetails tables and the merchant sentence',
    page: 'amazon-de/product-2015-gastroback-kettle.html',
    url: 'https://www.amazon.de/Gastroback-42429-Design-Wasserkocher-Advanced/dp/B000LQXC2Q',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'B000LQXC2Q',
        title: 'Gastroback 42429 Design Wasserkocher Advanced Pro',
        brand: 'Gastroback',
        models: [],
        gtins: [],
        seller: 'Amazon',
      },
    ],
  },
  {
    name: 'reads the selected variant of an amazon.in backpack and the manufacturer without its address',
    page: 'amazon-in/product-2025-skybags-backpack.html',
    url: 'https://www.amazon.in/Skybags-Casual-Backpack-Compartments-Shoulder/dp/B0CYGXYXS6',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'B0D1G32M32',
        title: 'Skybags Unisex Brat 20L Premium Polyester Adjustable Straps 4 Compartment Backpack (E) Navy',
        brand: 'Skybags',
        manufacturer: 'VIP Industries Limited',
        models: [],
        gtins: [],
        seller: 'RetailEZ Pvt Ltd',
      },
    ],
  },
  {
    name: 'reads an amazon.in console page with its item model number',
    page: 'amazon-in/product-2026-ps5-digital-slim.html',
    url: 'https://www.amazon.in/Sony-PlayStation%C2%AE5-Digital-Edition-slim/dp/B0CY5QW186',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'B0CY5QW186',
        title: 'Sony PlayStation®5 Digital Edition (slim) Console Video Game',
        brand: 'Sony',
        manufacturer: 'Sony',
        models: ['CFI-2008B01X'],
        gtins: [],
        seller: 'Electronics Bazaar Store',
      },
    ],
  },
  {
    name: 'reads an amazon.co.jp page in the English UI with the Japanese brand',
    page: 'amazon-co-jp/product-2022-nintendo-switch-en-ui.html',
    url: 'https://www.amazon.co.jp/-/en/dp/B07WXL5YPW/ref=sr_1_4?crid=1Z7CFQT3NL4OJ&keywords=switch&qid=1643976764&sprefix=swit%2Caps%2C233&sr=8-4&th=1',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'B07WXL5YPW',
        title: 'Nintendo Switch 本体 (ニンテンドースイッチ) Joy-Con(L) ネオンブルー/(R) ネオンレッド',
        brand: '任天堂',
        models: [],
        gtins: [],
        seller: 'Amazon.co.jp',
      },
    ],
  },
  {
    name: 'reads an amazon.com.br rendered-DOM dump with no script, no title and no ASIN field',
    page: 'amazon-com-br/product-2026-dom-dump-fechadura.html',
    url: 'https://www.amazon.com.br/dp/B0F1KTWXVW',
    expectPageType: 'product',
    expectItems: [
      {
        itemId: 'B0F1KTWXVW',
        title: "Fechadura Eletrônica para Porta de Correr à Prova D'Água - App Tuya Wifi",
        brand: 'Genérico',
        manufacturer: 'Lelli Shop',
        models: ['FECHX02'],
        gtins: [],
        seller: 'LELLI SHOP',
      },
    ],
  },
  {
    name: 'lists all 15 lines of a 2018 order history (2019–2023 card layout, yohtmlc items) with the 2-unit badge',
    page: 'amazon-orders/order-history-2018-0.html',
    url: 'https://www.amazon.com/your-orders/orders/?_encoding=UTF8&startIndex=0&timeFilter=year-2018',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B01G3CEE2S',
        title: 'Nicesh Storage Box Organizer/Medicine Box/Family Emergency Kit Storage Box',
        quantity: 1,
      },
      {
        itemId: 'B00ZV1B5JI',
        title:
          'mDesign Plastic Small Bathroom Medicine Dental Cabinet Storage Organizer, for Medical Supplies, Bandages, Thermometer, Vitamins and Pill Bottles - Clear',
        quantity: 2,
      },
      {
        itemId: 'B0000ULJT6',
        title:
          'Better Houseware 3423 Compact Dish Drainer Set, Dish Rack, Drain Board, and Cutlery Holder - Clear Plastic and Stainless Steel',
        quantity: 1,
      },
      {
        itemId: 'B07HP8RVCW',
        title:
          'JIUBAN Surgical Stainless Steel Small Hoop Earrings Set 6-40mm Endless Hoop Earrings Hinged Cartilage Piercing Jewelry (Width 2.5mm,Inner Diameter 6mm,4 Pairs)',
        quantity: 1,
      },
      {
        itemId: 'B007ZPX70I',
        title: "World's Best Cat Litter, Clumping Litter Formula, 28-Pounds",
        quantity: 1,
      },
      {
        itemId: 'B0018CJYCO',
        title:
          'Taste Of The Wild Rocky Mountain Grain-Free Dry Cat Food With Roasted Venison & Smoked Salmon 15Lb',
        quantity: 1,
      },
      {
        itemId: 'B078WB74R9',
        title:
          'Pampers Easy Ups Training Pants Pull On Disposable Diapers for Boys, Size 4 (2T-3T), 140 Count, ONE Month Supply',
        quantity: 1,
      },
      {
        itemId: 'B07H5LVS3B',
        title: 'Amazon Elements Baby Wipes, Fresh Scent, 480 Count, Flip-Top Packs',
        quantity: 1,
      },
      {
        itemId: 'B01N2W5PIP',
        title: 'uxcell Allegra K Men Classic Notched Lapel Two-Button Blazer L Dark Grey',
        quantity: 1,
      },
      { itemId: '1473615623', title: 'Great British Bake Off Colouring Book', quantity: 1 },
      {
        itemId: 'B00HB0WKWI',
        title: 'HUGGIES OverNites Diapers, Size 4, 56 ct., BIG PACK Overnight Diapers (Packaging May Vary)',
        quantity: 1,
      },
      {
        itemId: 'B00VRAFLII',
        title: 'Tide PODS 3 in 1 HE Turbo Laundry Detergent Pacs, Original Scent, 81 Count Tub',
        quantity: 1,
      },
      { itemId: 'B07BP74QGR', title: "Mumusung Men's Peacock Feather Bowtie (Teal Feathers)", quantity: 1 },
      {
        itemId: 'B01N0V26K4',
        title:
          "Flairs New York Gentleman's Essentials Bow Tie and Pocket Square Matching Set (Peacock Green [Glitter Dot Print])",
        quantity: 1,
      },
      {
        itemId: 'B07D29TG8J',
        title:
          'COOFANDY Mens Classic Suit Vest Paisley Floral Tuxedo Dress Waistcoat Vests,Silver Grey,Large',
        quantity: 1,
      },
    ],
  },
  {
    name: 'lists all 11 lines of a 2020 order history page, the same product in two orders twice',
    page: 'amazon-orders/order-history-2020-40.html',
    url: 'https://www.amazon.com/your-orders/orders/?_encoding=UTF8&startIndex=40&timeFilter=year-2020',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B078WB74R9',
        title: 'Pampers Easy Ups Training Pants Boys and Girls, Size 4, (2T-3T), 140 Count',
        quantity: 1,
      },
      {
        itemId: 'B007ZPX70I',
        title: "World's Best Cat Litter, Clumping Litter Formula, 28-Pounds",
        quantity: 1,
      },
      {
        itemId: 'B078WB74R9',
        title: 'Pampers Easy Ups Training Pants Boys and Girls, Size 4, (2T-3T), 140 Count',
        quantity: 1,
      },
      {
        itemId: 'B079VP6DH5',
        title: 'Bounty Quick-Size Paper Towels, White, 16 Family Rolls = 40 Regular Rolls',
        quantity: 1,
      },
      {
        itemId: 'B00VRAFLII',
        title: 'Tide PODS Liquid Laundry Detergent Pacs, Original, 81 count',
        quantity: 1,
      },
      {
        itemId: 'B01NCJSM2T',
        title: 'Cascade Complete Dishwasher Pods, ActionPacs Detergent, Fresh Scent, 78 count',
        quantity: 1,
      },
      {
        itemId: 'B00LH3DMUO',
        title:
          'AmazonBasics 36 Pack AAA High-Performance Alkaline Batteries, 10-Year Shelf Life, Easy to Open Value Pack',
        quantity: 1,
      },
      {
        itemId: 'B00MNV8E0C',
        title:
          'AmazonBasics 48 Pack AA High-Performance Alkaline Batteries, 10-Year Shelf Life, Easy to Open Value Pack',
        quantity: 1,
      },
      {
        itemId: 'B087JLXG52',
        title: "Children's Seamless Face Bandanas, with 8 Activated Carbon Filter, 2 M.a.s.k Lanyard (Star)",
        quantity: 1,
      },
      {
        itemId: 'B07YP1SZ2X',
        title:
          'Calphalon Classic Oil-Infused Ceramic PTFE and PFOA Free Cookware, 12-inch Fry Pan and Cover, Dark Gray',
        quantity: 1,
      },
      {
        itemId: 'B07L97GQW5',
        title:
          'Taste of the Wild High Protein Real Meat Recipe Premium Dry Dog Food with Roasted Bison and Roasted Venison',
        quantity: 1,
      },
    ],
  },
  {
    name: 'lists all 12 lines of a 2023 order history page',
    page: 'amazon-orders/order-history-2023-10.html',
    url: 'https://www.amazon.com/your-orders/orders/?_encoding=UTF8&startIndex=10&timeFilter=year-2023',
    expectPageType: 'orders',
    expectItems: [
      { itemId: 'B006MHSCMI', title: 'SpaGuard Spa Chlorinating Concentrate - 5 Lb', quantity: 1 },
      { itemId: 'B071QXYHSR', title: 'Duraflame Quick Start Fire Lighters 2 Packs of 4', quantity: 2 },
      {
        itemId: 'B003LYWFKA',
        title:
          "Dimetapp Children's Nighttime Cold & Congestion Antihistamine/Cough Suppressant & Decongestant (Grape Flavor, 4 fl. oz. Bottle, Pack of 3)",
        quantity: 1,
      },
      {
        itemId: 'B0CLJ9KGRV',
        title:
          'Cadeya Egg Cleaning Brush Silicone, Egg Scrubber for Fresh Eggs, Reusable Cleaning Tools for Egg Washer (Pink)',
        quantity: 1,
      },
      {
        itemId: 'B07YQDD94M',
        title:
          'Swiffer WetJet Hardwood and Floor Spray Mop Cleaner Starter Kit, Includes: 1 Power Mop, 10 Pads, Cleaning Solution, Batteries',
        quantity: 1,
      },
      {
        itemId: 'B00U0NRI0W',
        title:
          "Goodnites Boys' Nighttime Bedwetting Underwear, Size S/M (43-68 lbs), 44 Ct (2 Packs of 22), Packaging May Vary",
        quantity: 1,
      },
      {
        itemId: 'B0B3RXH6M7',
        title:
          'GO2HEJING Ring Dish Tray, Jewelry Dish Tray Bowl, Small Decorative Dish for Jewelry, Jewelry Plate Trays Gift for Friend Woman Daughter Sister Mom, Key Tray for Entryway Table (Light Blue)',
        quantity: 1,
      },
      {
        itemId: 'B0B3RV5LXC',
        title:
          'GO2HEJING Jewelry Dish Tray, Ring Dish, Ceramic Trinket Tray, Key Bowl, Decorative Plate, Gifts for Friends Sisters Daughter Mother (Light Cyan①)',
        quantity: 1,
      },
      {
        itemId: 'B0866674VB',
        title:
          'Natrol Kids Melatonin 1mg, Dietary Supplement for Restful Sleep, 60 Berry-Flavored Gummies, 60 Day Supply',
        quantity: 1,
      },
      {
        itemId: 'B0895T42V1',
        title:
          'COZOO 3 Way Dimmable Touch Bedside Table Lamp with 2 USB Charging Ports 2 Outlets Power Strip,Black Charger Base White Fabric Shade,LED Desk Night Light for Bedroom/Nightstand/Living Room/College Dorm',
        quantity: 1,
      },
      {
        itemId: 'B079VP6DH5',
        title: 'Bounty Quick-Size Paper Towels, White, 16 Family Rolls = 40 Regular Rolls',
        quantity: 1,
      },
      {
        itemId: 'B095CN96JS',
        title: 'Amazon Basics 2-Ply Toilet Paper, 30 Rolls (5 Packs of 6), White',
        quantity: 1,
      },
    ],
  },
  {
    name: 'lists the 15 lines of a 2024 order history with an eGift card line and a Whole Foods store purchase that prints none',
    page: 'amazon-orders/order-history-egift.html',
    url: 'https://www.amazon.com/your-orders/orders/?_encoding=UTF8&startIndex=50&timeFilter=year-2024',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B0BQW8BH8K',
        title:
          'Palowextra Replacement Battery for Xiaomi Roborock S50 S51 S55 S5 E20 E25 C10 T6 T60 T65 E4 S55 S4 S6 S7 E25 E35 S6 Max T4 T6,14.4V 6700mah',
        quantity: 1,
      },
      {
        itemId: 'B0DG8VS8TZ',
        title:
          "G4Free Sweatpants Women High Waisted Fleece Lined Wide Leg Sweatpants Cozy Winter Lounge Pants with Pockets Casual Workout Trousers (Taupe,S,29'')",
        quantity: 1,
      },
      {
        itemId: 'B0C5HYG6TW',
        title:
          'Adokoo Boots for Women Waterproof Fall Winter Ankle Boots Snow Black Combat Boots Lace Up Non Slip for Hiking Work US8 Black',
        quantity: 1,
      },
      {
        itemId: 'B0BKZR982P',
        title:
          'Womens Winter Beanie Hats Scarf Touchscreen Gloves Set Cable Knit Skull Caps Long Scarves for Women Men White',
        quantity: 1,
      },
      {
        itemId: 'B0D5XTSJ6Z',
        title:
          "G4Free Fleece Lined Women Sweatpants with Packets Wide Leg Yoag Pants Loose Comfy Lounge Straight Leg Pants (Deep Navy,S,29'')",
        quantity: 1,
      },
      {
        itemId: 'B0B653TTY7',
        title:
          'BomKinta Women Winter Solid Boots Socks Thick Warm Wool Socks Cozy Crew Socks Christmas Gift, Cream Cream Black, Medium',
        quantity: 1,
      },
      {
        itemId: 'B0CJWH7D39',
        title:
          'Biodegradable Floss Picks (100pcs) - Natural, Vegan, Sustainable, Reusable Dental Floss - Shred Resistant and Nontoxic Plant-Based Material Dental Floss Picks',
        quantity: 1,
      },
      {
        itemId: 'B09K2S3P7Y',
        title:
          'SMARTLIFECO Biodegradable Dental Floss Picks - Plant Based Tooth Flosser for Adults & Kids | Eco-Friendly Unwaxed Floss | Toothpick Stick Soft On Gum & Teeth | Compostable, Vegan, Unflavored 100ct',
        quantity: 1,
      },
      {
        itemId: 'B0CJCLCXLB',
        title:
          "Eddie Bauer Women's Dura Dri Moisture Control Quarter Socks, Bright Stripe Assorted (6 Pairs), Medium",
        quantity: 1,
      },
      {
        itemId: 'B0C8VWBZ54',
        title:
          'Sugar Free Peanut Butter Bars - 1 lb of Individually Wrapped Fresh Crunchy Crispy Peanut Butter Candy',
        quantity: 1,
      },
      {
        itemId: 'B0D8KLMTPK',
        title:
          'NexiEpoch Fleece Lined Leggings Women - Thermal Thick Winter Warm High Waisted Tummy Control Soft Pants for Snow Cold',
        quantity: 1,
      },
      { itemId: 'B0D1TK5XVL', title: 'Amazon eGift Card - Birthday Candles (Animated)', quantity: 1 },
      {
        itemId: 'B00LNM79CQ',
        title:
          'BV Bike Kickstand - Lightweight Aluminum Alloy Rear Side Kick Stand for 24-28" Bikes - Height Adjustable, Easy to Install I Bicycle Kickstand, Kick Stands, Adult Bike, Bike Kick Stand',
        quantity: 1,
      },
      { itemId: '0829401121', title: 'Henle Latin Grammar', quantity: 1 },
      {
        itemId: 'B0BBBQZCD1',
        title:
          "Hyland's No. 9 Cell Salt Nat Mur 6X Tablets, Relief of Headache, Constipation, Heartburn, & Bloating, Natural Remedy for Water Retention, Indigestion, Colds, Gastric Upset, 100 Count",
        quantity: 2,
      },
    ],
  },
  {
    name: 'reads the one line of a yohtmlc order-details page',
    page: 'amazon-orders/order-details-112-0399923-3070642.html',
    url: 'https://www.amazon.com/gp/your-account/order-details/?ie=UTF8&_encoding=UTF8&orderID=112-0399923-3070642',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B0018CJYCO',
        title:
          'Taste Of The Wild Rocky Mountain Grain-Free Dry Cat Food With Roasted Venison & Smoked Salmon 15Lb',
        quantity: 1,
      },
    ],
  },
  {
    name: 'reads the one line of a data-component order-details page',
    page: 'amazon-orders/order-details-114-8722141-6545058.html',
    url: 'https://www.amazon.com/gp/your-account/order-details/?ie=UTF8&_encoding=UTF8&orderID=114-8722141-6545058',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B079VP6DH5',
        title: 'Bounty Paper Towels Quick Size, White, 16 Family Rolls = 40 Regular Rolls',
        quantity: 1,
      },
    ],
  },
  {
    name: 'reads the quantity badge of a multibuy line from a fragment of an order-details page',
    page: 'amazon-orders/order-multibuy-snippet.html',
    url: 'https://www.amazon.com/gp/css/order-details?orderID=113-7694552-6935459',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B00MNXGSAI',
        title:
          'Pure Protein Bars, High Protein, Nutritious Snacks to Support Energy, Low Sugar, Gluten Free, Chocolate Deluxe, 1.76 oz., 12 Count(Pack of 1) (Packaging may vary)',
        quantity: 2,
      },
    ],
  },
  {
    name: 'reads both lines of a 2020 order on a yohtmlc order-details page',
    page: 'amazon-com/order-details-2024-two-items.html',
    url: 'https://www.amazon.com/gp/your-account/order-details/?ie=UTF8&_encoding=UTF8&orderID=113-1625648-3437067',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B00LH3DMUO',
        title:
          'AmazonBasics 36 Pack AAA High-Performance Alkaline Batteries, 10-Year Shelf Life, Easy to Open Value Pack',
        quantity: 1,
      },
      {
        itemId: 'B00MNV8E0C',
        title:
          'AmazonBasics 48 Pack AA High-Performance Alkaline Batteries, 10-Year Shelf Life, Easy to Open Value Pack',
        quantity: 1,
      },
    ],
  },
  {
    name: 'reads one line per shipment of a 2025 order-details page with three shipments',
    page: 'amazon-com/order-details-2025-three-shipments.html',
    url: 'https://www.amazon.com/gp/your-account/order-details/ref=_or/?ie=UTF8&orderID=112-3261350-4201845',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B07W3DHBT3',
        title:
          'Bryne Mica High Temperature Wire -60~450 Degree C,Strands of Nickel plated copper wire,Insulation by Mica and Fiberglass,used in harsh environments (AWG18 10Ft)',
        quantity: 1,
      },
      {
        itemId: 'B0CBB1J1WM',
        title:
          'Dicio Porcelain Wire Connector 25 PCs Small Ceramic Wire connectors Easy-Twist,Wire Capsmall Heat Resistant Electrical connectors 22-14 AWG Ceramic Wire connectors Nuts for Oven',
        quantity: 1,
      },
      {
        itemId: 'B0BLLHB9F9',
        title:
          'Wire Heat Shield Automotive Heat Shield Sleeve Fuel Line Heat Shield Auto Hose Spark Plug Wire Cover Protectors Boots Roll 2500 Degree for Car&Auto Wire Loom Brake Cable (Black1/2"I.D.X10FT)',
        quantity: 1,
      },
    ],
  },
  {
    name: 'lists all 19 lines of a 2025 order history, an Amazon store purchase shown as image tiles included',
    page: 'amazon-com/order-history-2025-amazon-store.html',
    url: 'https://www.amazon.com/gp/css/order-history/?ie=UTF8&*Version*=1&*entries*=0&_encoding=UTF8',
    expectPageType: 'orders',
    expectItems: [
      { itemId: 'B0DDK99SLY', title: 'REDACTED', quantity: 1 },
      {
        itemId: 'B0000DJAPU',
        title:
          'Nature Made Zinc 30 mg, Dietary Supplement for Immune Health and Antioxidant Support, 100 Tablets, 100 Day Supply',
        quantity: 1,
      },
      {
        itemId: 'B004MNIWTC',
        title:
          'Mentos Pure Fresh Sugar-Free Chewing Gum with Xylitol, Spearmint, 15 Piece Bottle (Bulk Pack of 10)',
        quantity: 1,
      },
      {
        itemId: 'B0CSPJWVMB',
        title:
          'Mentos Pure Fresh Sugar-Free Chewing Gum with Xylitol, Bubble Fresh Flavor, Bubble Gum, 50 Piece Bottle (Bulk Pack of 6)',
        quantity: 1,
      },
      {
        itemId: 'B09YLN9GX7',
        title: 'Charmin Ultra Soft Cushiony Touch Toilet Paper, 30 Family Mega Rolls = 153 Regular Rolls',
        quantity: 1,
      },
      { itemId: 'B08JCJRYW7', title: 'REDACTED', quantity: 2 },
      {
        itemId: 'B088WMFYMJ',
        title:
          'Flonase Allergy Relief Nasal Spray, 24 Hour Non Drowsy Allergy Medicine, Metered Nasal Spray - 72 Sprays - Fall and Seasonal Allergy Relief',
        quantity: 1,
      },
      {
        itemId: 'B07SN5W52J',
        title:
          "Stella & Chewy's Freeze-Dried Raw Marie’s Magical Dinner Dust - Premium Beef Dog Food Topper with Organic Fruits & Vegetables - Perfect for Picky Eaters - 7oz",
        quantity: 1,
      },
      {
        itemId: 'B06WD5JY67',
        title:
          'Compost Bags, Compostable Trash Bags 2.6 Gallon Compostable Bags 100 Count Small Compost Bags for Countertop bin Extra Thick 0.71 Mil. ASTM D6400 Certified By BPI and TÜV AUSTRIA',
        quantity: 1,
      },
      {
        itemId: 'B082SLKS6Q',
        title: 'SINLAND Microfiber Facial Cloths Fast Drying Washcloth 12inch x 12inch (6pack, Navy Blue)',
        quantity: 1,
      },
      {
        itemId: 'B016IZ4BO6',
        title: 'Renu Multi-Purpose Contact Lens Solution Travel Size,2 Fl Oz (Pack of 3)',
        quantity: 1,
      },
      {
        itemId: 'B0134ETE8W',
        title:
          'Open Water Still Bottled Water with Electrolytes in 16-oz Aluminum Bottles (1 Cases, 12 bottles - Still) | BPA-free and Eco friendly',
        quantity: 1,
      },
      {
        itemId: 'B0817PTT86',
        title:
          'Pupford Freeze Dried Training Treats for Dogs & Puppies, 475+ Two Ingredient Bites (Chicken, 4 oz)',
        quantity: 1,
      },
      {
        itemId: 'B09L3VC3KR',
        title:
          'Pupford Dental Chews for Dogs | Freshens Breath, Scrapes Plaque, Safe for Gut | Healthy, Limited Ingredient, All Natural |Yummy & Made in USA | Free Training Resources | 14 Count',
        quantity: 1,
      },
      { itemId: 'B07N457BT3', title: 'REDACTED', quantity: 1 },
      {
        itemId: 'B004MNIWTC',
        title:
          'Mentos Pure Fresh Sugar-Free Chewing Gum with Xylitol, Spearmint, 15 Piece Bottle (Bulk Pack of 10)',
        quantity: 1,
      },
      { itemId: 'B0BNT74DV6', title: 'Amazon Kitchen, Taco Salad With Chicken, 11.7 Oz', quantity: 1 },
      {
        itemId: 'B006MPQLLE',
        title: 'Mentos Pure Fresh Sugar-Free Chewing Gum with Xylitol, Spearmint, 50 Piece Bottle',
        quantity: 1,
      },
      { itemId: 'B00FZHECP2', title: 'Harmless Harvest Raw Organic Coconut Water, 16 oz', quantity: 1 },
    ],
  },
  {
    name: 'lists all 33 lines of a 2025 order history, each tile of an Amazon Fresh grid a line (the same soda twice)',
    page: 'amazon-com/order-history-2025-fresh.html',
    url: 'https://www.amazon.com/your-orders/orders/?_encoding=UTF8&startIndex=20&timeFilter=year-2025',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B07K2L2JJW',
        title:
          'Footlogix Rough Skin Formula with Spiraleen - Mousse for Dry Cracked Heels and Feet, Foot Care for Men and Women, Dry Cracked Feet Treatment, 4.23oz',
        quantity: 1,
      },
      {
        itemId: 'B09HXY78WF',
        title:
          'REVLON ColorStay Satin Ink Crown Jewels Liquid Lipstick, Longlasting & Waterproof Lipcolor, Moisturizing Creamy Formula Infused with Black Currant Seed Oil, 035 Reigning Red, 0.17 fl oz.',
        quantity: 1,
      },
      {
        itemId: 'B09HXYFPTW',
        title:
          'REVLON ColorStay Satin Ink Crown Jewels Liquid Lipstick, Longlasting & Waterproof Lipcolor, Moisturizing Creamy Formula Infused with Black Currant Seed Oil, 034 Regal Ruby, 0.17 fl oz.',
        quantity: 1,
      },
      {
        itemId: 'B0CBQR26HG',
        title:
          'COLOR WOW Xtra Large Bombshell Volumizer, 1.67 fl oz – New Alcohol-Free Technology for Lasting Volume and Thickness',
        quantity: 1,
      },
      {
        itemId: 'B07ZV2GQLR',
        title:
          'DreamBone Spirals Variety, Rawhide Free Dog Chew Sticks Made with Real Chicken Beef and Pork, 18 Count',
        quantity: 1,
      },
      {
        itemId: 'B07ZFH52XG',
        title:
          'BLUEENJOY Copper Compression Socks for Women & Men (6 pairs) - Best Support for Nurses, Running, Hiking, Recovery',
        quantity: 1,
      },
      {
        itemId: 'B01H3ZQ2NI',
        title:
          'OUAI Wave Spray Travel Size - Coconut Oil & Rice Protein Texturizing Mist for Beach Waves, Volume & Shine - Paraben-Free, Safe for Color & Keratin-Treated Hair (1.7 fl oz)',
        quantity: 1,
      },
      {
        itemId: 'B01N2JIUP7',
        title:
          "Pack of 5 Sweet Animal Design Women's Casual Comfortable Cotton Crew Socks, Style 1, One Size (5-8.5)",
        quantity: 1,
      },
      {
        itemId: 'B0D6W3RKDK',
        title:
          'BORN FAIR 2025 Calendar, Calendar 2025-2026, 18 Months Wall Calendar January 2025 to June 2026 Calendar with Julian Dates, 14 X 11" (simplicity)',
        quantity: 2,
      },
      {
        itemId: 'B0CFY1Y7RJ',
        title:
          '24" x 36" 2025 Wall Calendar, Folded Wet & Dry Erase Wall Calendar 12 Month, Annual Yearly Planner Yearly Laminated Calendar 2025 Horizontal/Vertical, with Julian Dates',
        quantity: 2,
      },
      {
        itemId: 'B09VKW4N97',
        title:
          'TWOHANDS Wet Erase Markers Ultra Fine Tip,0.7mm,Low Odor,Extra Fine Point,12 Assorted Colors,Whiteboard Markers for Office,Home,or Planning Dry Erase Board,20703',
        quantity: 1,
      },
      {
        itemId: 'B0CPMFV2ZF',
        title:
          'Sharpie Acrylic Creative Markers, Bullet Tip, Vibrant Assorted Colors, Non-Bleeding Water-Based Ink, Stocking Stuffers, Pack of 12',
        quantity: 1,
      },
      {
        itemId: 'B0012RZS5M',
        title: 'Hillshire Farm, Deli Meat, Smoked Ham, Ultra Thin Sliced 9 Oz, 1 Count',
        quantity: 1,
      },
      {
        itemId: 'B076KSC9D5',
        title: 'Carando, Abruzzese Fresh Italian Style Meatballs, 16 oz (Frozen)',
        quantity: 1,
      },
      { itemId: 'B000OV4FX8', title: 'Coke Zero Sugar Cola Soda, 2 Liter Bottle', quantity: 1 },
      { itemId: 'B000NOGKN4', title: 'Medium Hass Avocado', quantity: 2 },
      { itemId: 'B000OV4FX8', title: 'Coke Zero Sugar Cola Soda, 2 Liter Bottle', quantity: 1 },
      { itemId: 'B0BTQYMJ46', title: 'Amazon Fresh, Tomato, Basil & Garlic Pasta Sauce, 24 Oz', quantity: 1 },
      { itemId: 'B01N7IKY8L', title: 'bakerly Brioche Rolls, 8 pack, 9.88 oz.', quantity: 1 },
      { itemId: 'B07D49M1TF', title: "Blue Bunny Load'd Sundaes Bunny Tracks Cup", quantity: 1 },
      { itemId: 'B0026PSJY6', title: 'Belgioioso Fresh Mozzarella Waterpacked Pearls, 8 oz', quantity: 1 },
      {
        itemId: 'B00U6EEYS4',
        title: 'Jell-O Cook & Serve Chocolate Pudding & Pie Filling (3.4 oz Box)',
        quantity: 1,
      },
      {
        itemId: 'B08CLMFGM7',
        title: 'Amazon Brand, Happy Belly Smoked Provolone Cheese, Sliced, 8 Oz',
        quantity: 1,
      },
      {
        itemId: 'B07DGVCKY6',
        title:
          'Amazon Fresh, Heavy Whipping Cream, Ultra-Pasteurized, Kosher, One Quart, 32 Fl Oz (Previously Happy Belly, Packaging May Vary)',
        quantity: 1,
      },
      { itemId: 'B000VDWQJY', title: "Smucker's Strawberry Squeezable Fruit Spread, 20 Ounces", quantity: 1 },
      { itemId: 'B07XW19QBX', title: 'Amazon Fresh Brand, Grape Tomatoes, 10 Oz', quantity: 1 },
      { itemId: 'B07D49V4VZ', title: "Blue Bunny Load'd Sundaes Chocolate Brownie Bomb Cup", quantity: 1 },
      {
        itemId: 'B08YHLZDPK',
        title:
          'Fruit Of The Loom Mens Eversoft Fleece Elastic Bottom With Pockets, Relaxed Fit, Moisture Wicking, Breathable Sweatpants, Grey Heather, X-Large US',
        quantity: 1,
      },
      {
        itemId: 'B00C78RUL0',
        title: "La Blanca Women's Side Shirred Hipster Swimsuit Bottom, Multi//Sunlit Soiree, 14",
        quantity: 1,
      },
      {
        itemId: 'B079G36TL6',
        title: 'Adar Uniforms Underscrubs for Women 2 Pack - Long Sleeve Comfort Tee - 2902 - Navy - M',
        quantity: 1,
      },
      {
        itemId: 'B0CQBYRJ4Q',
        title:
          'Dalavch 4 Pack Women’s Long Sleeve Basic Shirts Crew Neck Slim Fitted Compression Gym Workout Athletic Underscrubs Tops 2 Black 2 White Medium',
        quantity: 1,
      },
      {
        itemId: 'B0BZ8NTRQ2',
        title:
          'Lincia Book Annotation Kit Including 1200 Sheets Transparent Sticky Notes Index Tabs and 12 Pcs Aesthetic Pastel Cute Highlighter Set Assorted Color Clear Sticky Tabs for School Office',
        quantity: 1,
      },
      {
        itemId: 'B0CQ1Y8N26',
        title:
          "Wonnitar Moroccan Washable Rug 4x6, Black Boho Living Room Area Rug, Non-Slip Farmhouse Bedroom Carpet Dorm Room Throw Rug, Low Pile Soft Accent Mat for Kitchen Entry Office (Black,4'x6')",
        quantity: 1,
      },
    ],
  },
  {
    name: 'reads the one line of a 2026 amazon.ca order-details page and none of its recommendations',
    page: 'amazon-ca/order-details-2026-one-item.html',
    url: 'https://www.amazon.ca/your-orders/order-details?orderID=701-0633616-0122637&ref=ppx_yo2ov_dt_b_fed_order_details',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B0GKFJRFH4',
        title:
          'FungiClear Nail and Toenail Care Cream, 2.03fl.oz Nail Fungus Treatment for Toenails,Natural Formula with Strength & Nail Growth Tea Tree Oil, Oregano Oil, Vitamin E',
        quantity: 1,
      },
    ],
  },
  {
    name: 'lists the 10 lines of a 2026 amazon.ca order history and none of its recommendations',
    page: 'amazon-ca/order-history-2026.html',
    url: 'https://www.amazon.ca/gp/css/order-history?ref_=nav_AccountFlyout_orders',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B0GKFJRFH4',
        title:
          'FungiClear Nail and Toenail Care Cream, 2.03fl.oz Nail Fungus Treatment for Toenails,Natural Formula with Strength & Nail Growth Tea Tree Oil, Oregano Oil, Vitamin E',
        quantity: 1,
      },
      {
        itemId: 'B0G4RKQHY4',
        title:
          'Ultimapeak Pure Himalayan Gummies for Men & Women –85+ Trace Minerals & 75% Fulvic Acid, 60 Gummies，1bag',
        quantity: 1,
      },
      { itemId: 'B0038Q524C', title: 'Nutribiotic, Citricidal Nasal Spray 1 oz', quantity: 1 },
      {
        itemId: 'B086Q1PGZJ',
        title: 'High Magnification Magnifier Reading Glasses Strong Power Readers 4.00-6.00 (Black, 5.0)',
        quantity: 1,
      },
      {
        itemId: 'B00C3GWLCY',
        title: 'Depend Incontinence Shields for Men, Light Absorbency Disposable Pads, 58 Count',
        quantity: 1,
      },
      {
        itemId: 'B0D4JCJG1X',
        title:
          '10 Packs 1.2V NI-MH AA 1100mah Rechargeable Batteries, Double aa Batteries for Outdoor Solar Lights,Toy',
        quantity: 2,
      },
      {
        itemId: 'B0FNF697RM',
        title:
          'Bunion Corrector, Bunion Brace, Big Toe Straightener Bunions Correction for Women & Men, Adjustable Support Sleeve Day & Night Hallux Valgus Relief (2PCS (Left+Right))',
        quantity: 1,
      },
      {
        itemId: 'B0D83VX53P',
        title:
          'Wearable Urinary Drainage Bag for Men(2000 ML*1+1000 ML*1) ，Reusable Urine Collection Bag，Urinary Drainage Bag System，Elderly Urinalfor Bedridden Patients',
        quantity: 1,
      },
      {
        itemId: 'B0F21Y6169',
        title:
          'TASALON New Upgrade Professional Hot Lather Machine for Shaving - 850ml Large Capacity Shaving Heater Foam Maker with Digital Temperature Display and 2 pumps, Home Use, Salon, and Barber Shops',
        quantity: 1,
      },
      {
        itemId: 'B0GKFJRFH4',
        title:
          'FungiClear Nail and Toenail Care Cream, 2.03fl.oz Nail Fungus Treatment for Toenails,Natural Formula with Strength & Nail Growth Tea Tree Oil, Oregano Oil, Vitamin E',
        quantity: 1,
      },
    ],
  },
  {
    name: 'reads the one line of a Spanish amazon.com.mx order-details page',
    page: 'amazon-com-mx/order-details-2025-one-item.html',
    url: 'https://www.amazon.com.mx/your-orders/order-details?orderID=702-0137443-3750617&ref=ppx_yo2ov_dt_b_fed_order_details',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B099NZPC9H',
        title:
          'Jergens Extra Moisturizing Hand Soap, Liquid Hand Soap Dispenser with Jergens Cherry Almond Scent, Hand Wash For Dry Hands, 8.3 Ounces (Pack of 3)',
        quantity: 1,
      },
    ],
  },
  {
    name: 'lists the 10 lines of a Spanish amazon.com.mx order history (Mis pedidos)',
    page: 'amazon-com-mx/order-history-2026-mis-pedidos.html',
    url: 'https://www.amazon.com.mx/your-orders/orders?startIndex=160&ref_=ppx_yo2ov_dt_b_pagination_14_17',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B0D4X333X7',
        title:
          'CETAPHIL® OIL CONTROL Sérum Facial Triple Acción 30 ml – Ácido Salicílico, prebióticos y zinc para limpiar imperfecciones y reducir grasa en 3 días',
        quantity: 1,
      },
      {
        itemId: 'B0FKW3TFGG',
        title: 'LABEL PROVENCE NATURE | Crema de Dia de leche de burra ecologica 50 ml | Crema facial',
        quantity: 1,
      },
      {
        itemId: 'B0B7QXSMC6',
        title:
          'Pasión Orgánica - Crema Artesanal De Leche De Burra Aclarante Antiedad Organica Rejuvenecedora Quita manchas y paño',
        quantity: 2,
      },
      {
        itemId: 'B0DY99HYP8',
        title:
          'B-FIT B Treonato de Magnesio 180 Cápsulas - Magtein L-Treonato De Magnesio - Suplemento Alimenticio con Estereato de Magnesio - Alta Absorción y Calidad',
        quantity: 1,
      },
      {
        itemId: 'B09FBK8Y1R',
        title: 'Revlon Pro Collection Cepillo Redondo Extra Largo Rose Gold',
        quantity: 1,
      },
      {
        itemId: 'B0DQD7XSZP',
        title:
          'Nutrathy Vinagre de Manzana Premium 220 Cápsulas 100% Natural. 550mg. 110 Porciones por Envase, Bottle Free, Vcaps Cápsulas Veganas, Sugar Free.',
        quantity: 1,
      },
      { itemId: 'B09BG7TRV4', title: 'VITÉ 20 Crema antihongos V20 20 ml', quantity: 1 },
      {
        itemId: 'B0143ZX8S8',
        title: 'Swix Junior Slalom - Protector de Manos, Color Blanco, Universal',
        quantity: 1,
      },
      { itemId: 'B0CFPJQ6C8', title: 'PA Coconut Nourishing Conditioner 16 oz', quantity: 2 },
      {
        itemId: 'B084YSX2GW',
        title: 'Volteck PA-APCO-E2B, Placa armada 2 interruptores 1 contacto línea Española color blanco',
        quantity: 1,
      },
    ],
  },
  {
    name: 'lists the 10 lines of a 2025 amazon.co.uk skeleton-layout order history at /gp/css/order-history, quantity badges inside the image links',
    page: 'amazon-co-uk/order-history-2025-savepage.html',
    url: 'https://www.amazon.co.uk/gp/css/order-history?ref_=abn_yadd_ad_your_orders',
    expectPageType: 'orders',
    expectItems: [
      {
        itemId: 'B00O56Y7DG',
        title:
          "Potter's Mucus Cough Pastilles, Non-Drowsy, 20 Pastilles - Relieve The Symptoms of Catarrh, Coughs and Colds",
        quantity: 6,
      },
      {
        itemId: 'B005AIN9SM',
        title:
          'TRM Pet CANIGEST Probiotic Paste for Cats and Dogs - 15ml - Easy to Administer Cat & Dog Tummy Settler Made with Probiotics, Prebiotic, Glutamine, Kaolin & Pectin',
        quantity: 2,
      },
      {
        itemId: 'B07PN74H2Y',
        title:
          'ABENA Barrier Ointment | 30ml | 3-in-1 Barrier Ointment Cream That Has A Protective, Preventive, and Moisturising Effect. Water Resistant Cream Rashes Cream Used for Wound Healing.',
        quantity: 1,
      },
      {
        itemId: 'B09YHQBVLK',
        title: 'Brackets for Heated Towel Rail Radiators Set of Universal Fit Flat Or Curved Chrome',
        quantity: 1,
      },
      {
        itemId: 'B0DNYDT11K',
        title:
          'German Nail Clippers with Nail Grinding Rod, Portable Large Opening Nail Clippers Set Fingernail Clipper with Catcher Wide Opening Heavy Duty Nail Cutters Curved Nail Clippers for Men Thick Nails',
        quantity: 1,
      },
      {
        itemId: 'B07RXMR3F8',
        title: 'Shea Moisture Coconut Custard Make It Last Wash N Go Defining Gel Oil For Unisex 2.2 oz Gel',
        quantity: 1,
      },
      {
        itemId: 'B07P5FZ6MW',
        title:
          'UNNIS Charcoal Teeth Whitening Powder, Natural Teeth Whitening, Detoxifying, and Cleansing, Safe for Gums and Enamel, 3.5 Oz (100 g)',
        quantity: 1,
      },
      { itemId: 'B0BJ2TYJWY', title: 'My 21st Century Blues', quantity: 1 },
      { itemId: 'B00DCUP2Z8', title: 'WWE 2K14 (Xbox 360)', quantity: 1 },
      { itemId: 'B08WR9CJKH', title: 'Vaseline Soothing Jelly No 3 250Ml Aloe Vera', quantity: 1 },
    ],
  },
];
