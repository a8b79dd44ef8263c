/**
 * Grows a fixture page to a target size with the kind of bulk real product pages carry (recommendation
 * carousels with other products, inline scripts, review blocks), outside the product containers, so the
 * extractor has to ignore it rather than never see it.
 */
export function inflatePage(html: string, targetBytes: number): string {
  const chunks: string[] = [];
  let size = Buffer.byteLength(html);
  for (let i = 0; size < targetBytes; i++) {
    const asin = `B0FILL${String(i).padStart(4, '0')}`;
    const chunk = `<div class="a-carousel-card" data-asin="${asin}"><a href="/dp/${asin}"><span class="a-size-base">Filler product ${i} with a long descriptive title for padding</span></a><span class="a-price">$${(i % 90) + 9}.99</span><script type="text/javascript">window.__fill${i}={"asin":"${asin}","rank":${i},"upc":"0000000${String(i).padStart(5, '0')}"};</script><p class="review">Customer review ${i}: works as described, arrived on time, would buy again. Model FILL-${i}.</p></div>\n`;
    chunks.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  return html.replace('</body>', `<div id="rhf">${chunks.join('')}</div></body>`);
}
