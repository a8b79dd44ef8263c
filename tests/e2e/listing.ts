/** A minimal Amazon product page printing one UPC in its details table, for tests about the index. */
export const amazonListing = (
  asin: string,
  upc: string,
): string => `<!doctype html><html><body><div id="dp-container">
  <input type="hidden" id="ASIN" name="ASIN" value="${asin}">
  <span id="productTitle">A listing</span>
  <div id="prodDetails"><table id="productDetails_techSpec_section_1" class="a-keyvalue prodDetTable">
  <tr><th class="a-color-secondary a-size-base prodDetSectionEntry">UPC</th>
  <td class="a-size-base prodDetAttrValue">&lrm;${upc}</td></tr></table></div></div></body></html>`;
