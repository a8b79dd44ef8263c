/**
 * Identifiers mined from prose. Recall notices print most of what identifies a product in free text, not
 * in structured fields: CPSC fills `ProductUPCs` for ~5% of recalls and leaves `Products[].Model` empty,
 * while the Description and the image captions carry UPCs (`8-49398-06563-1`, `UPC 1 00001 00029 7`),
 * model numbers, flattened tables ("Model/Item # UPC Description Date Code TRX113 8-49398-06563-1 ..."),
 * lot and date codes, and the months a product was made or sold.
 *
 * Every miner is precise before it is greedy: a false model or GTIN key puts a recall warning on an
 * unrelated product, which costs more trust than a missed one. So a value is taken only with evidence:
 * a label word in front of it ("model number", "UPC code", "lot"), a valid GTIN check digit, or a table
 * header that says what the column holds. Each result carries the caller's `origin` and its offset, so a
 * mapper can record where in the notice it came from.
 */

/** Where a mined value was found. */
export interface MinedAt {
  /** The caller's name for the text, e.g. "Description" or "Images.Caption". */
  origin: string;
  /** Offset of the value in the text. */
  index: number;
}

export { type MinedBrand, mineBrandFromTitle, mineMarkedBrands, type TitleBrands } from './brand-mining';
export { type MinedDateRange, MONTHS, mineDateRanges } from './date-mining';
export { type MinedGtin, mineGtins } from './gtin-mining';
export { type MinedLot, mineLots } from './lot-mining';
export { type MinedModel, mineModels } from './model-mining';
