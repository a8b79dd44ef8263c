/**
 * What a CPSC heading says besides the product: who recalls it, who sold it, who imported it. Headings
 * read "<Firm> Recalls <product> Due to …", "<Product> Recalled by <Firm> Due to …" or "<Product>
 * Recalled Due to …", with tails such as "; Sold Exclusively at Lowe's", "; Sold on Amazon by X" or
 * "; Imported by Y". The brand reader (notice-brands.ts) takes the product phrase from here, and the
 * matcher the retailers and the seller, which are never brands.
 */

/** What a heading says besides the product: who recalls it, who sold it. */
export interface NoticeHeading {
  /** The recalling firms: "Enerco" in "Enerco Recalls …", "TTI Floor Care" in "… Recalled by TTI Floor Care". */
  recallers: string[];
  /** The product phrase: "DEWALT 70,000 BTU Outdoor … Heaters". */
  product: string | null;
  /** "Sold on Amazon by DualOranges Store": the marketplace seller. */
  seller: string | null;
  /** "Sold Exclusively at Lowe's", "Sold at ALDI", "Sold on Shein": the retailers. */
  retailers: string[];
  /** "Imported by Tomauri", "Manufactured by Masco Canada", "Distributed by Air Vent". */
  firms: string[];
}

/** Notice text with CPSC's escaped ampersands restored and its whitespace collapsed. */
export const cleanNoticeText = (s: string): string => s.replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

/** Reads a CPSC heading (or API Title) into its recallers, product phrase, seller and retailers. */
export function readHeading(title: string): NoticeHeading {
  const segments = cleanNoticeText(title).split(/\s*;\s*/);
  let main = segments.shift() ?? '';
  let seller: string | null = null;
  const retailers: string[] = [];
  const firms: string[] = [];
  for (const segment of segments) {
    const sold = /^Sold\s+(?:Exclusively\s+)?(?:on|at|through|via|by|in)\s+(.+)$/i.exec(segment);
    if (sold?.[1]) {
      const by = /^(.+?)\s+by\s+(.+)$/i.exec(sold[1]);
      if (by?.[1] && by[2]) {
        retailers.push(by[1].trim());
        seller = by[2].trim();
      } else {
        retailers.push(...sold[1].split(/,\s*(?:and\s+)?|\s+and\s+/).map((s) => s.trim()));
      }
      continue;
    }
    const firm =
      /^(?:Imported|Manufactured|Distributed|Made)\s+(?:by|for)\s+(.+?)(?:\s+and\s+Sold\b.*)?$/i.exec(
        segment,
      );
    if (firm?.[1]) firms.push(firm[1].trim());
  }
  main = main
    .replace(/\s*\((?:Recall Alert|Updated?)\)\s*/gi, ' ')
    .replace(/\s+(?:Due\s+to|Because\s+of|Because|After|Following)\b.*$/i, '')
    .trim();

  const recallers: string[] = [];
  let product: string | null = null;
  const recalls =
    /^(?:CPSC,?\s+(?:and\s+)?)?(.+?)\s+(Recalls|Recall|Expands\s+Recall\s+of|Re-?[Aa]nnounces\s+Recall\s+of|Announces\s+Recall\s+of)\s+(.+)$/.exec(
      main,
    );
  const recalled = /^(.+?)\s+Recalled(?:\s+by\s+(.+))?$/.exec(main);
  const expanded = /^(.+?)\s+Recall\s+(?:Expan\w*|Announced|Reannounced|Updated)\b/.exec(main);
  if (
    recalls?.[1] &&
    recalls[3] &&
    !/\bRecall(?:ed)?\b/.test(recalls[1]) &&
    !/^(?:Expan|Announced|Reannounced|Updated)/.test(recalls[3])
  ) {
    // "X and Y Recall …" names two firms; a single "X Recalls" subject stays whole ("Bed Bath & Beyond").
    const plural = recalls[2] === 'Recall';
    recallers.push(...(plural ? recalls[1].split(/,\s*(?:and\s+)?|\s+and\s+/) : [recalls[1]]));
    product = recalls[3];
  } else if (recalled?.[1]) {
    product = recalled[1];
    if (recalled[2]) recallers.push(recalled[2]);
  } else if (expanded?.[1]) {
    product = expanded[1];
  }
  return {
    recallers: recallers.map((r) => r.trim()).filter((r) => r.length > 0),
    product: product?.trim() || null,
    seller,
    retailers: retailers.filter((r) => r.length > 0),
    firms,
  };
}
