/**
 * Hand-labelled real CPSC notices (the cpsc.gov export in ../shared/data/real-recalls/cpsc) for the
 * model-number miner: per Recall Number, the model numbers the notice prints, copied by hand from the
 * text (not from the miner's output), each with the phrase it comes from. A deliberate mix: a label and
 * one model, lists, flattened tables (spaced and glued), numeric models, SKU and item numbers where the
 * notice identifies the product by them, and notices that print no model number: "model year 2024",
 * "model name", series names, families ("model numbers starting with RE1122": a prefix, not a model).
 *
 * Values are compared by model key; a value printed as "512 CY125ATV-1" is labelled as its two parts.
 */
export interface MiningLabel {
  recallNumber: string;
  models: string[];
}

export const MINING_LABELS: MiningLabel[] = [
  // "This recall involves models UK30500 and UK30500PC of the Oreck Discover Upright Vacuum."
  { recallNumber: '24-039', models: ['UK30500', 'UK30500PC'] },
  // "The 10-quart DUAF-10 model is about 17 inches long ... The 9-quart DUAF-005 model is ..."
  { recallNumber: '24-051', models: ['DUAF-10', 'DUAF-005'] },
  // "This recall involves Model Year 2023-2024 RANGER XP Kinetic vehicles." (a model year, no number)
  { recallNumber: '24-055', models: [] },
  // "with SKU Number as 1DFL42LLA."
  { recallNumber: '24-061', models: ['1DFL42LLA'] },
  // "The model names PAC1000 (Blackfire) and KTB1000 (Klein Tools) can be found on the label" (names)
  { recallNumber: '24-067', models: [] },
  // "foldable wood and rope bistro set chairs sold as part of a three- or five-piece set" (no model)
  { recallNumber: '24-068', models: [] },
  // "all Home Design Part number 80002 ..., Part number 80032 ..., Part number 80055 ..., Part number
  // 80071 ..., and Part number 80053 Tufted Upholstered Low Profile Platform Beds"
  { recallNumber: '24-084', models: ['80002', '80032', '80055', '80071', '80053'] },
  // "December Home branded candelabra style incandescent replacement light bulbs" (no model)
  { recallNumber: '24-099', models: [] },
  // "models 1985, 19851 (also called Multi Auto), 19859, 1985T, 2151, 21512, 21513, 21517, 21518, 21519,
  // 2151A, 2151T, 2151W, 2151V"
  {
    recallNumber: '24-107',
    models: [
      '1985',
      '19851',
      '19859',
      '1985T',
      '2151',
      '21512',
      '21513',
      '21517',
      '21518',
      '21519',
      '2151A',
      '2151T',
      '2151W',
      '2151V',
    ],
  },
  // "12VHPWR Angled Adapters, models V1.0 and V1.1"
  { recallNumber: '24-112', models: ['V1.0', 'V1.1'] },
  // "two styles of 100% polyester hooded children's bathrobes; the dinosaur style ..." (no model)
  { recallNumber: '24-114', models: [] },
  // "The model name “RTSL-24” and lot codes are printed on a label" (a model name)
  { recallNumber: '24-120', models: [] },
  // "with model number EVAS – M0859, a serial number beginning with a “W,”"
  { recallNumber: '24-124', models: ['EVAS – M0859'] },
  // "The pistol vault (BD4030B) ... (BD4040B) ... (BD4055B)"; glued table "NameModel Number...VaultBD4030B..."
  { recallNumber: '24-130', models: ['BD4030B', 'BD4040B', 'BD4055B'] },
  // "This recall involves Model Year 2021 through 2023 Cannondale 26” Dave bicycles" (model years)
  { recallNumber: '24-136', models: [] },
  // "This recall involves model ECO TERRA Eco Terra Mattresses ... model name “ECO TERRA”" (a name)
  { recallNumber: '24-150', models: [] },
  // "the following models are included in this recall: HWL-LF, HWL-LF-BP10, HRL-LF, HRL-LF-BP10,
  // HGWL-LF-BP10, P2WL-LF" (date codes 3034 and 3035 are not models)
  {
    recallNumber: '24-158',
    models: ['HWL-LF', 'HWL-LF-BP10', 'HRL-LF', 'HRL-LF-BP10', 'HGWL-LF-BP10', 'P2WL-LF'],
  },
  // "The model name Yoto Mini, SKU PRPLXX00860, and serial number are located on the base"
  { recallNumber: '24-190', models: ['PRPLXX00860'] },
  // "Arctic Cat model year 2024 Catalyst 600 snowmobiles with model names ZR, Riot, and Mountain"
  { recallNumber: '24-228', models: [] },
  // "Item numbers: 85004, 85032, 85010, 86010, 83032 / 83032A" ("(item number 85004)", ...)
  { recallNumber: '24-237', models: ['85004', '85032', '85010', '86010', '83032', '83032A'] },
  // "rechargeable lights with model numbers starting with RE1122, RE1145, RE1362 and RE1250" (prefixes)
  { recallNumber: '24-254', models: [] },
  // "This recall involves Bambu Lab model A1 3D printers."
  { recallNumber: '24-264', models: ['A1'] },
  // "Yeti Link Modules with model number 98200 or 98210"; glued table "Model Number...98200 and
  // 98210...98203 and 98204...98202 and 98205...98410...98201 and 98206"
  {
    recallNumber: '24-270',
    models: ['98200', '98210', '98203', '98204', '98202', '98205', '98410', '98201', '98206'],
  },
  // "Newport Aluminum Chaises (SKU 67333) ... Newport Teak Chaises (SKU 166218)"
  { recallNumber: '24-273', models: ['67333', '166218'] },
  // "six-drawer dressers, with model 33117082"
  { recallNumber: '24-279', models: ['33117082'] },
  // "(SKU number 400266563392) ... (SKU number 400266563330)": store SKUs of UPC length, not models
  { recallNumber: '24-297', models: [] },
  // "The following model numbers are included in this recall: LEDFHB90, LEDFHB105, LEDFHB135,
  // LEDFHB178, LEDFHB180, LEDFHB215, LEDFHB265, LEDFHB320 and LEDFHB425."
  {
    recallNumber: '24-302',
    models: [
      'LEDFHB90',
      'LEDFHB105',
      'LEDFHB135',
      'LEDFHB178',
      'LEDFHB180',
      'LEDFHB215',
      'LEDFHB265',
      'LEDFHB320',
      'LEDFHB425',
    ],
  },
  // "Steam Cleaners in the model series 39N7 and 2994" (series, not model numbers)
  { recallNumber: '24-309', models: [] },
  // "ATVs with model numbers 512 CY125ATV-1 and 518 CY125ATV-6"
  { recallNumber: '24-326', models: ['512', 'CY125ATV-1', '518', 'CY125ATV-6'] },
  // "Mango Tangerine Scented Candles with SKU 56879"
  { recallNumber: '24-342', models: ['56879'] },
  // "Bright Builder fort kits, models FKL-BG, FKL-BR, L-5BG and L-5BR"
  { recallNumber: '24-363', models: ['FKL-BG', 'FKL-BR', 'L-5BG', 'L-5BR'] },
  // "This recall involves model 9421 Cabinet Heaters"
  { recallNumber: '24-371', models: ['9421'] },
  // "This recall only applies to model number 3705." (kits numbered 3170, 3183, ... are kits)
  { recallNumber: '24-728', models: ['3705'] },
  // "Everyday (SKU: BHSTL24) Christmas (SKU: XSTL24) and Halloween (SKU: HSTL24)"
  { recallNumber: '24-733', models: ['BHSTL24', 'XSTL24', 'HSTL24'] },
  // "given away as a promotional item for free" (no model)
  { recallNumber: '25-012', models: [] },
  // "the Bed Assist Rail with Adjustable Heights (model numbers 7007 and 7057) and the Bed Assist Rail
  // Without Legs (model number 7037)"
  { recallNumber: '25-046', models: ['7007', '7057', '7037'] },
  // "Model 6011 is printed on a label on the inside of the helmet."
  { recallNumber: '25-051', models: ['6011'] },
  // "models MS725dvn and MX725adve ... Model MX725dvn has a large multifunction sorter"
  { recallNumber: '25-090', models: ['MS725dvn', 'MX725adve', 'MX725dvn'] },
  // "models: 0480, 0455, 0456, 0458, 0473, 0479, 0481, 0747, 0748, 0749, 0751, 0752, 0754."
  {
    recallNumber: '25-111',
    models: [
      '0480',
      '0455',
      '0456',
      '0458',
      '0473',
      '0479',
      '0481',
      '0747',
      '0748',
      '0749',
      '0751',
      '0752',
      '0754',
    ],
  },
  // "The model numbers affected by this recall are 2292112, 2280182 and 2280199"
  { recallNumber: '25-119', models: ['2292112', '2280182', '2280199'] },
  // glued table "SKU NumberName of ProductColorSKU TYCO1012Window Blind ... SKU TYCO1039Semi-Sheer White"
  {
    recallNumber: '25-128',
    models: [
      'TYCO1012',
      'TYCO1013',
      'TYCO1014',
      'TYCO1015',
      'TYCO1017',
      'TYCO1022',
      'TYCO1024',
      'TYCO1025',
      'TYCO1026',
      'TYCO1027',
      'TYCO1034',
      'TYCO1035',
      'TYCO1039',
    ],
  },
  // "The casement window hinge tracks include part numbers 2003558, 2003559, 2004271 and 2004272."
  { recallNumber: '25-212', models: ['2003558', '2003559', '2004271', '2004272'] },
  // "Hobby Toy Hammer Ball sets with model number 711."
  { recallNumber: '25-314', models: ['711'] },
  // "Insulated Water Bottles sold with model number 83-662 on the product packaging"
  { recallNumber: '25-377', models: ['83-662'] },
  // "electric pressure cookers with model numbers 93550 (KY-318B), 96775 (KY-318A), and 98527 (6L-PC)"
  { recallNumber: '26-007', models: ['93550', 'KY-318B', '96775', 'KY-318A', '98527', '6L-PC'] },
  // "“Model No.: 338” is printed on a label stitched to the product."
  { recallNumber: '26-060', models: ['338'] },
  // "(model Door-Gen1-123) ... (model Door-Gen1-159)"
  { recallNumber: '26-114', models: ['Door-Gen1-123', 'Door-Gen1-159'] },
  // glued table "StyleModel NumberGray DinosaurBLG26BEBlue CarBLG23BDGreen LineBLG04BD ... RedCZC42"
  {
    recallNumber: '26-185',
    models: [
      'BLG26BE',
      'BLG23BD',
      'BLG04BD',
      'BLG01BE',
      'BLG17BI',
      'BLG32BI',
      'BLG04BE',
      'CZC44',
      'CZC41',
      'CZC43',
      'CZC42',
    ],
  },
  // "“Model no. 688-59” is printed on the product packaging."
  { recallNumber: '26-204', models: ['688-59'] },
  // "The following model numbers are included in this recall and can be found on the product
  // packaging: 6277, 6278, 6463, 6464, 6493, and 6494."
  { recallNumber: '26-282', models: ['6277', '6278', '6463', '6464', '6493', '6494'] },
  // "...packaging: 530-0024, 530-0024G, 530-0034, 530-0039, 530-0041, 530-0042."
  {
    recallNumber: '26-339',
    models: ['530-0024', '530-0024G', '530-0034', '530-0039', '530-0041', '530-0042'],
  },
];
