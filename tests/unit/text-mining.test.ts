import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin } from '../../utils/identity/gtin';
import {
  mineBrandFromTitle,
  mineDateRanges,
  mineGtins,
  mineLots,
  mineMarkedBrands,
  mineModels,
} from '../../utils/identity/text-mining';

/** A mined model's offset points at a letter or digit (the start of the printed model). */
const modelKeyOf = (rest: string) => /^[A-Za-z0-9]/.test(rest);
const keys = (text: string) => mineGtins(text).map((g) => g.gtin14);
const raws = (text: string) => mineGtins(text).map((g) => g.raw);
const exactModels = (text: string) =>
  mineModels(text)
    .filter((m) => m.kind === 'exact')
    .map((m) => m.value);

describe('mineGtins', () => {
  it('reads a dashed UPC printed in a flattened table', () => {
    const text = 'Model/Item # UPC Description KT400 8-49398-06563-1 Kite Kit';
    expect(mineGtins(text)).toEqual([
      {
        raw: '8-49398-06563-1',
        gtin14: '00849398065631',
        labelled: false,
        origin: 'text',
        index: text.indexOf('8-'),
      },
    ]);
  });

  it('joins a UPC printed in spaced groups after a UPC label', () => {
    expect(keys('The UPC 1 00001 00029 7 is on the box.')).toEqual(['00100001000297']);
  });

  it('reads the "UPC code", "UPC:" and ISBN forms', () => {
    expect(keys('model BSX01 (UPC code 680079015930)')).toEqual(['00680079015930']);
    expect(keys('UPC: 6908791000053')).toEqual(['06908791000053']);
    expect(keys('ISBN 978-0-316-13354-8')).toEqual(['09780316133548']);
    expect(keys('ISBN 0-316-13354-X')).toEqual(['09780316133548']);
  });

  it('keeps an invalid check digit raw only when a UPC word precedes it', () => {
    expect(mineGtins('UPC: 7 84762 03730 3').map((g) => [g.raw, g.gtin14])).toEqual([
      ['7 84762 03730 3', null],
    ]);
    expect(mineGtins('barcode 035051591768').map((g) => [g.raw, g.gtin14])).toEqual([['035051591768', null]]);
    expect(mineGtins('It came in 7 84762 03730 3 boxes')).toEqual([]);
    expect(mineGtins('Hllwn PDQ 035051591768 504221')).toEqual([]);
  });

  it('reads every code in a labelled list', () => {
    expect(raws('UPC codes 680079015930, 680079015947 and 680079015954 are affected')).toEqual([
      '680079015930',
      '680079015947',
      '680079015954',
    ]);
  });

  it('takes an unlabelled code only when its check digit is valid', () => {
    expect(keys('Mini Verse PIZZA PARTY 035051426028 589938 MGA')).toEqual(['00035051426028']);
    expect(keys('Mini Verse PIZZA PARTY 035051426029 589938 MGA')).toEqual([]);
  });

  it('ignores phone numbers and dates', () => {
    const text =
      'Call toll-free at 888-770-7120 or 1-800-222-4685, or (800) 449-8691, from 2026-10-15 to 2026-11-30 and on 20261015.';
    expect(mineGtins(text)).toEqual([]);
  });

  it('ignores serial number ranges and numbers after a serial or lot label', () => {
    expect(mineGtins('Serial No. Range 3014835626 to 3015507481')).toEqual([]);
    expect(mineGtins('units with serial numbers 100000000017 through 100000000994')).toEqual([]);
    expect(mineGtins('lot 100000000017 only')).toEqual([]);
  });

  it('does not join a count printed before a UPC into one long code', () => {
    expect(raws('Pack 12 8-49398-06563-1 Kite')).toEqual(['8-49398-06563-1']);
  });

  it('reads a label glued to the code with a hyphen', () => {
    expect(keys('UPC-012345678905')).toEqual(['00012345678905']);
  });

  it('returns each code once with the origin and offset of its first occurrence', () => {
    const found = mineGtins('UPC 680079015930; again UPC 680079015930', 'Images.Caption');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ origin: 'Images.Caption', index: 4, labelled: true });
  });

  it('finds any valid UPC-A printed after "UPC", plain or dashed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 }),
        fc.boolean(),
        (body, dashed) => {
          const digits = body.join('') + gtinCheckDigit(body.join(''));
          fc.pre(isValidGtin(digits));
          const printed = dashed
            ? `${digits[0]}-${digits.slice(1, 6)}-${digits.slice(6, 11)}-${digits[11]}`
            : digits;
          expect(keys(`The recalled kits (UPC ${printed}) were sold online.`)).toEqual([`00${digits}`]);
        },
      ),
    );
  });

  it('never throws and never returns an invalid key, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789 -UPCupc:,;.()X\n'.split('')) }),
        (text) => {
          for (const g of mineGtins(text)) {
            if (g.gtin14 !== null) expect(isValidGtin(g.gtin14)).toBe(true);
            expect(text.slice(g.index, g.index + g.raw.length)).toBe(g.raw);
          }
        },
      ),
    );
  });
});

describe('mineModels', () => {
  it('finds the model numbers printed in the description', () => {
    const text =
      'Tabletop Fire Pits with model number ZPFIRE01 (UPC code 680079015930); ZPFIRE02 (UPC code 680079015947); and ZPFIRE03 (UPC code 680079015954). The fire pits consist of a concrete reservoir.';
    expect(mineModels(text, 'Description').map((m) => [m.value, m.kind, m.via, m.origin])).toEqual([
      ['ZPFIRE01', 'exact', 'label', 'Description'],
      ['ZPFIRE02', 'exact', 'list', 'Description'],
      ['ZPFIRE03', 'exact', 'list', 'Description'],
    ]);
  });

  it('reads a "MODEL No.:" label in quotes', () => {
    expect(exactModels('"MODEL No.: HNS0402" is printed on a label under the platform.')).toEqual([
      'HNS0402',
    ]);
  });

  it('reads the model column of a flattened "Model/Item # UPC" table', () => {
    const text =
      'The model/item number and UPC are on the back of each package. Model/Item # UPC Description Date Code KT113 8-49398-06563-1 Racer Kit (w/1973 Coupe Body) 06/15/23CH1 KT114 8-49398-06564-8 Racer Kit (w/1962 Sedan Body) 06/15/23CH1 CP7975 8-49398-05915-9 Pickup Kit 10/30/22CH1';
    expect(exactModels(text)).toEqual(['KT113', 'KT114', 'CP7975']);
  });

  it('reads item numbers from a table whose first column is the item', () => {
    const text =
      'ITEM # PRODUCT DESCRIPTION UPC BAR CODE 426028 Mini Set PIZZA PARTY 035051426028 589938 Mini Food Diner PDQ 035051589938 426011 Mini ICE CREAM 035051426011';
    expect(exactModels(text)).toEqual(['426028', '589938', '426011']);
  });

  it('steps over a row whose UPC has a bad check digit in a table it already recognised', () => {
    // 073141001230 ends the middle row with a wrong check digit (073141001236 would be valid).
    const text =
      'ITEM # PRODUCT DESCRIPTION UPC BAR CODE 710201 Kite Kit Red 012345678905 710202 Kite Kit Blue PDQ 073141001230 710203 Kite Kit Green 3pk 042100005264 Assembly instructions are included.';
    expect(exactModels(text)).toEqual(['710201', '710202', '710203']);
    // The misprinted code is a row boundary only: never a GTIN, and no header means no table at all.
    expect(keys(text)).toEqual(['00012345678905', '00042100005264']);
    expect(exactModels('Kite Kit Blue PDQ 073141001230 710203 Kite Kit Green')).toEqual([]);
  });

  it('reads the model before a UPC cell with a bad check digit, dashed or plain', () => {
    const text =
      'Model/Item # UPC Description KT200 0-12345-67890-1 Kite Kit Red KT201 012345678905 Kite Kit Blue';
    expect(exactModels(text)).toEqual(['KT200', 'KT201']);
    // After a bad code, the next cell is a word: nothing is taken.
    expect(exactModels('ITEM # DESCRIPTION UPC 710201 Kite 012345678901 Spare parts kit')).toEqual([
      '710201',
    ]);
  });

  it('reads the space-separated lists of a table that starts with a "Model Name" column', () => {
    const text =
      'Model numbers are on the rating plate. Model Name Model Numbers Finish 30-Inch Acme™ range with griddle KRG30AX KRG30AXL All Finishes 36 -Inch Acme™ range with two ovens KRG36AX KRG36AXL All Finishes';
    expect(exactModels(text)).toEqual(['KRG30AX', 'KRG30AXL', 'KRG36AX', 'KRG36AXL']);
    // A lone strict shape in a row is not a list; without the "Model Numbers" column there is no table.
    expect(exactModels('Model Name Model Numbers Finish 24-Inch Acme range KRG24AX All Finishes')).toEqual(
      [],
    );
    expect(exactModels('Model Name Finish 30-Inch Acme range KRG30AX KRG30AXL All Finishes')).toEqual([]);
    expect(exactModels('the model name and model numbers are shown KRG30AX KRG30AXL')).toEqual([]);
  });

  it('reads the first column of a table whose rows end in a serial range', () => {
    const text =
      'Model Description Serial No. Range TB21044BEN BRUSH MOWER 44T 10.5 HP 3014835626 to 3015507481 TB23244BEN BRUSH MOWER PRO XL44T 17.5 HP 3014860338 to 3015403241';
    expect(exactModels(text)).toEqual(['TB21044BEN', 'TB23244BEN']);
  });

  it('reads the lists of a "Model Numbers" column', () => {
    const text =
      'Model Model Numbers Serial Number Range Culinary Series (RCS) RCS304BV2, RCS366BV2, RCS30SBV2 1505000 through 1710999 Wall Ovens BWO24AGS, BWO30AGS 1505000 through 1710999';
    expect(exactModels(text)).toEqual(['RCS304BV2', 'RCS366BV2', 'RCS30SBV2', 'BWO24AGS', 'BWO30AGS']);
  });

  it('flags a family of models beginning with a prefix and never emits it as an exact model', () => {
    const found = mineModels('Heaters with models beginning with TRX1 are included.');
    expect(found.map((m) => [m.value, m.kind])).toEqual([['TRX1', 'prefix']]);
    expect(exactModels('a model number beginning with "CANY" and the manufacture date')).toEqual([]);
    expect(exactModels('model numbers ending in -B are affected')).toEqual([]);
  });

  it('reads item, style and SKU numbers only with a number word', () => {
    expect(exactModels('The item number 593768 and ITEM NO. PG1045 are printed on the wrapper.')).toEqual([
      '593768',
      'PG1045',
    ]);
    expect(exactModels('These items 593768 were sold')).toEqual([]);
  });

  it('ignores words, sizes, wattages, years and short numbers after a model label', () => {
    expect(exactModels('The model number is located on the bottom of the product packaging.')).toEqual([]);
    expect(exactModels('The model 2000-Watt power station')).toEqual([]);
    expect(exactModels('Digital Kitchen Scales, models: 0480, 0455, 0456, 0458.')).toEqual([]);
    expect(exactModels('model year 2024 and model 2024 units, model 12oz cups')).toEqual([]);
    expect(exactModels('models of Deluxe Pit Kit slot cars')).toEqual([]);
  });

  it('joins a model printed with a space in a caption', () => {
    expect(exactModels('Recalled Racer Kit, Item# TRX 113, UPC Code: 8-49398-06563-1')).toEqual(['TRX 113']);
  });

  it('does not read a UPC as a model', () => {
    expect(exactModels('model TW-PS500 (UPC 850043210016) and UPC 850043210023')).toEqual(['TW-PS500']);
  });
});

describe('mineLots', () => {
  it('reads lot numbers, date code ranges and batch numbers', () => {
    const text =
      'Bottles with lot numbers 2305A and 2306B printed on the bottom, date codes 2605 through 2609, and batch number I0-2501515 are included.';
    expect(mineLots(text, 'Description').map((l) => [l.value, l.kind, l.from, l.to])).toEqual([
      ['2305A', 'lot', null, null],
      ['2306B', 'lot', null, null],
      ['2605 through 2609', 'date-code', '2605', '2609'],
      ['I0-2501515', 'batch', null, null],
    ]);
  });

  it('reads a date code from a caption', () => {
    expect(
      mineLots('Item# TRX 113, UPC Code: 8-49398-06563-1, Date Code: 06/15/23CH1').map((l) => l.value),
    ).toEqual(['06/15/23CH1']);
  });

  it('does not read the model after a table header "Date Code" column as a date code', () => {
    expect(
      mineLots('Some models have a date code. Model/Item # UPC Description Date Code TRX113 8-49398-06563-1'),
    ).toEqual([]);
  });

  it('ignores the word "lot" without a code', () => {
    expect(
      mineLots('a lot of units were sold; slot cars; the lot number is on the label; parking lot 5'),
    ).toEqual([]);
  });
});

describe('mineDateRanges', () => {
  it('reads manufactured and sold periods at month precision', () => {
    const text =
      'The bottles were manufactured from January 2025 through March 2026 and sold from September 2023 through June 2026.';
    expect(mineDateRanges(text).map((d) => [d.kind, d.from, d.to, d.text])).toEqual([
      ['manufactured', '2025-01', '2026-03', 'manufactured from January 2025 through March 2026'],
      ['sold', '2023-09', '2026-06', 'sold from September 2023 through June 2026'],
    ]);
  });

  it('uses the default kind for a Retailers line that does not say "sold"', () => {
    const line = 'Online at Amazon.com from September 2023 through June 2026 for about $130.';
    expect(mineDateRanges(line, 'Retailers', 'sold')).toEqual([
      {
        kind: 'sold',
        from: '2023-09',
        to: '2026-06',
        text: 'from September 2023 through June 2026',
        origin: 'Retailers',
        index: line.indexOf('from'),
      },
    ]);
  });

  it('reads a period whose "through" is glued to the year', () => {
    expect(
      mineDateRanges('These products were sold from July 2023through February 2024 for about $22.'),
    ).toMatchObject([{ kind: 'sold', from: '2023-07', to: '2024-02' }]);
  });

  it('keeps the day when the notice prints one', () => {
    expect(
      mineDateRanges('Only mowers manufactured between April 1, 2024, and August 20, 2024, are included.'),
    ).toMatchObject([{ kind: 'manufactured', from: '2024-04-01', to: '2024-08-20' }]);
  });

  it('reads bare years only after "from" or "between"', () => {
    expect(mineDateRanges('made from 2019 through 2021')).toMatchObject([{ from: '2019', to: '2021' }]);
    expect(mineDateRanges('date codes 2605 through 2609 and models 2019 to 2021')).toEqual([]);
  });
});

describe('every miner', () => {
  it('returns without throwing on any text, and every value is where it says it is', () => {
    const alphabet = [...'0123456789 -/.,;:#()"ABCKLMNOPRTUXabcdeilmnorstu'].concat([
      'model ',
      'Model/Item # UPC Description ',
      'ITEM # ',
      'lot ',
      'date codes ',
      ' through ',
      'UPC ',
      'from January 2025 ',
      'Recalls ',
      '-branded ',
    ]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        for (const m of mineModels(text)) expect(modelKeyOf(text.slice(m.index))).toBe(true);
        for (const l of mineLots(text)) expect(text.slice(l.index, l.index + l.value.length)).toBe(l.value);
        mineDateRanges(text);
        mineBrandFromTitle(text);
      }),
    );
  });
});

describe('mineBrandFromTitle', () => {
  it('reads the recalling firm of an "X Recalls ..." title', () => {
    expect(mineBrandFromTitle('Kettlebrook Recalls CozyNest Toddler Step Stools Due to Fall Hazard')).toEqual(
      {
        brands: [{ value: 'Kettlebrook', via: 'recaller' }],
        seller: null,
        exclusiveRetailer: null,
      },
    );
  });

  it('reads a "-Branded" name before the recaller', () => {
    expect(
      mineBrandFromTitle('Southern Relay Recalls Emberlight-Branded Tabletop Fire Pits Due to Burn Hazard')
        .brands,
    ).toEqual([
      { value: 'Emberlight', via: 'branded' },
      { value: 'Southern Relay', via: 'recaller' },
    ]);
  });

  it('keeps the Amazon seller out of the brands', () => {
    expect(
      mineBrandFromTitle(
        'Tidewater Portable Power Stations Recalled Due to Fire Hazard; Sold Exclusively on Amazon by TidewaterDirect',
      ),
    ).toEqual({ brands: [], seller: 'TidewaterDirect', exclusiveRetailer: null });
    expect(
      mineBrandFromTitle(
        'Superb Bath Seats Recalled Due to Drowning Hazard; Sold on Amazon.com by Orange Duo Store',
      ).seller,
    ).toBe('Orange Duo Store');
  });

  it('reads an exclusive retailer as a retailer, not a brand', () => {
    expect(
      mineBrandFromTitle(
        'Enerco Recalls Propane Heaters Due to Fire and Burn Hazards; Sold Exclusively at Lowe\u2019s',
      ),
    ).toEqual({
      brands: [{ value: 'Enerco', via: 'recaller' }],
      seller: null,
      exclusiveRetailer: 'Lowe\u2019s',
    });
  });

  it('reads "Recalled by X" and two recallers joined by "and"', () => {
    expect(
      mineBrandFromTitle('Gas Ranges Recalled by Prizer-Painter Stove Works Due to Burn Hazard').brands,
    ).toEqual([{ value: 'Prizer-Painter Stove Works', via: 'recaller' }]);
    expect(
      mineBrandFromTitle('Acme and Zenith Recall Space Heaters Due to Fire Hazard').brands.map(
        (b) => b.value,
      ),
    ).toEqual(['Acme', 'Zenith']);
  });
});

describe('mineMarkedBrands', () => {
  it('reads "-branded" and trademark-marked names', () => {
    expect(mineMarkedBrands('Emberlight-branded Tabletop Fire Pits')).toEqual([
      { value: 'Emberlight', via: 'branded' },
    ]);
    expect(mineMarkedBrands('Ariens® DELUXE-series Snow Throwers')).toEqual([
      { value: 'Ariens', via: 'marked' },
    ]);
    expect(mineMarkedBrands('non-branded and unbranded covers')).toEqual([]);
  });
});

describe('mineModels on the phrasings of real CPSC notices', () => {
  const found = (text: string) => mineModels(text).map((m) => [m.value, m.kind]);

  it("reads the models in 'models FKL-BG, FKL-BR, L-5BG and L-5BR'", () => {
    expect(found('Bright Builder fort kits, models FKL-BG, FKL-BR, L-5BG and L-5BR. The green kits')).toEqual(
      [
        ['FKL-BG', 'unkeyed'],
        ['FKL-BR', 'unkeyed'],
        ['L-5BG', 'exact'],
        ['L-5BR', 'exact'],
      ],
    );
  });

  it('does not read "model year 2024" as a model', () => {
    expect(mineModels('This recall involves all model year 2024 Ski-Doo MXZ snowmobiles.')).toEqual([]);
    expect(mineModels('Model Year 2023-2024 RANGER XP Kinetic vehicles')).toEqual([]);
  });

  it('does not read a model name as a model number', () => {
    expect(mineModels('The model name “RTSL-24” and lot codes are printed on a label.')).toEqual([]);
    expect(mineModels('The model names PAC1000 (Blackfire) and KTB1000 can be found on the label')).toEqual(
      [],
    );
  });

  it('reads "model numbers affected by this recall are" and the list after it', () => {
    expect(
      exactModels('The model numbers affected by this recall are 2292112, 2280182 and 2280199 with serials'),
    ).toEqual(['2292112', '2280182', '2280199']);
  });

  it('reads the list after a clause that ends in a colon', () => {
    expect(
      exactModels(
        'The following model numbers are included in this recall and can be found on the product packaging: 530-0024, 530-0034, 530-0039.',
      ),
    ).toEqual(['530-0024', '530-0034', '530-0039']);
  });

  it('reads short numeric models after a model label as unkeyed, never as keys', () => {
    expect(found('sold with model number 83-662 on the product packaging')).toEqual([['83-662', 'unkeyed']]);
    expect(found('“Model no. 688-59” is printed on the packaging.')).toEqual([['688-59', 'unkeyed']]);
    expect(found('“Model No.: 338” is printed on a label')).toEqual([['338', 'unkeyed']]);
    expect(found('(model numbers 7007 and 7057)')).toEqual([
      ['7007', 'unkeyed'],
      ['7057', 'unkeyed'],
    ]);
    expect(found('This recall involves Bambu Lab model A1 3D printers.')).toEqual([['A1', 'unkeyed']]);
  });

  it('keeps quantities, sizes and years out of a model list', () => {
    expect(mineModels('The model is 12 inches long and 500 units were sold.')).toEqual([]);
    expect(found('model number 2292112, and 500 units were sold')).toEqual([['2292112', 'exact']]);
    expect(mineModels('models 2023 and 2024 of the bike')).toEqual([]);
  });

  it('reads SKU labels and a SKU glued to the next word by a flattened table', () => {
    expect(exactModels('Everyday (SKU: BHSTL24) Christmas (SKU: XSTL24)')).toEqual(['BHSTL24', 'XSTL24']);
    expect(exactModels('with SKU Number as 1DFL42LLA.')).toEqual(['1DFL42LLA']);
  });

  it('reads the model a parenthesis adds and a code named before the word "model"', () => {
    expect(exactModels('with model numbers 93550 (KY-318B), 96775 (KY-318A)')).toEqual([
      'KY-318B',
      'KY-318A',
    ]);
    expect(exactModels('The 10-quart DUAF-10 model is about 17 inches long')).toEqual(['DUAF-10']);
  });

  it('reads mixed-case and dash-joined models after a model label', () => {
    expect(exactModels('Lexmark printers, models MS725dvn and MX725adve, used to print')).toEqual([
      'MS725dvn',
      'MX725adve',
    ]);
    expect(exactModels('between 30 and 48 inches (model Door-Gen1-123)')).toEqual(['Door-Gen1-123']);
    expect(exactModels('rated at 2000-Watt model output')).toEqual([]);
  });

  it('reads the model column of a table whose cells are glued together', () => {
    const text =
      'The baby loungers were sold in the following styles and models:StyleModel NumberGray DinosaurBLG26BEBlue CarBLG23BDGreen LineBLG04BD';
    expect(exactModels(text)).toEqual(['BLG26BE', 'BLG23BD', 'BLG04BD']);
  });

  it('cuts the serial glued to a model off by the shape of the range end', () => {
    const text =
      'Model NumberSerial Number RangeFCRE3052BWVF34618193 thru VF34618322FCRE305CBWVF34601466 thru VF34601608';
    expect(exactModels(text)).toEqual(['FCRE3052BW', 'FCRE305CBW']);
  });

  it('takes no lone value, size-glued cell or date pair from a glued table', () => {
    expect(
      exactModels('Style and ColorModel SKU NumberMeasurementsValensia PlatinumAW4229 inches x 8.5 inches'),
    ).toEqual([]);
    expect(mineModels('Model NumberDates202408 and 202501Blue')).toEqual([]);
  });

  it('reads no further than the cap on a huge field, and stays fast on hostile text', () => {
    const huge = `${'model number '.repeat(5000)}ZZ9999`;
    const started = performance.now();
    expect(exactModels(huge)).toEqual([]);
    expect(mineModels(`Model${'A1-'.repeat(20000)}`).length).toBeLessThan(5);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
