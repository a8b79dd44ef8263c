import { describe, expect, test } from 'vitest';
import { decodeHtml, parseHtml } from '../../scripts/lib/html';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
};

/** 品牌 in GBK. */
const PINPAI_GBK = Uint8Array.from([0xc6, 0xb7, 0xc5, 0xc6]);
/** ブランド in Shift_JIS. */
const BURANDO_SJIS = Uint8Array.from([0x83, 0x75, 0x83, 0x89, 0x83, 0x93, 0x83, 0x68]);

describe('decodeHtml', () => {
  test('decodes a GBK page declared by <meta charset>', () => {
    const bytes = concat(
      ascii('<html><head><meta charset="gbk"></head><body><li>'),
      PINPAI_GBK,
      ascii(': X</li></body></html>'),
    );
    expect(decodeHtml(bytes)).toContain('<li>品牌: X</li>');
  });

  test('decodes a GB2312 page declared the old way, with http-equiv', () => {
    const bytes = concat(
      ascii('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>'),
      PINPAI_GBK,
      ascii('</body></html>'),
    );
    expect(decodeHtml(bytes)).toContain('<body>品牌</body>');
  });

  test('takes the charset from the Content-Type header before the meta tag', () => {
    const bytes = concat(ascii('<meta charset="utf-8"><p>'), BURANDO_SJIS, ascii('</p>'));
    expect(decodeHtml(bytes, 'text/html; charset=Shift_JIS')).toContain('<p>ブランド</p>');
  });

  test('lets a byte-order mark win over a contradicting header', () => {
    const utf8 = new TextEncoder().encode('<p>品牌</p>');
    const bytes = concat(Uint8Array.from([0xef, 0xbb, 0xbf]), utf8);
    expect(decodeHtml(bytes, 'text/html; charset=gbk')).toBe('<p>品牌</p>');
  });

  test('decodes a UTF-16LE page by its byte-order mark', () => {
    const text = '<p>品牌</p>';
    const body = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      body[i * 2] = text.charCodeAt(i) & 0xff;
      body[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    expect(decodeHtml(concat(Uint8Array.from([0xff, 0xfe]), body))).toBe(text);
  });

  test('falls back to UTF-8 without a declaration, and for an unknown charset label', () => {
    const utf8 = new TextEncoder().encode('<p>Größe</p>');
    expect(decodeHtml(utf8)).toBe('<p>Größe</p>');
    expect(decodeHtml(utf8, 'text/html; charset=x-not-a-charset')).toBe('<p>Größe</p>');
  });

  test('finds a meta charset after 100 KB of head scripts, as saved Tmall and JD pages have it', () => {
    const script = `<script>var s = "${'x'.repeat(100 * 1024)}";</script>`;
    const bytes = concat(
      ascii(`<!doctype html><html><head>${script}<meta charset="gbk"></head><body><li>`),
      PINPAI_GBK,
      ascii('</li></body></html>'),
    );
    expect(decodeHtml(bytes)).toContain('<li>品牌</li>');
  });

  test('ignores a meta charset once the head is over, past the first 1024 bytes', () => {
    const bytes = concat(
      ascii(`<html><head></head><body><div>${'x'.repeat(1100)}</div><meta charset="gbk"><p>`),
      PINPAI_GBK,
      ascii('</p></body></html>'),
    );
    expect(decodeHtml(bytes)).not.toContain('品牌');
  });

  test("does not take a charset from a comment, a script string or another tag's attribute", () => {
    const bytes = concat(
      ascii(
        '<html><head><!-- <meta charset="gbk"> --><script>document.write(\'<meta charset="gbk">\')</script>',
      ),
      ascii('<link rel="x" href="?charset=gbk"><meta name="description" content="charset=gbk"></head><p>'),
      new TextEncoder().encode('品牌'),
      ascii('</p>'),
    );
    expect(decodeHtml(bytes)).toContain('<p>品牌</p>');
  });

  test('needs http-equiv="Content-Type" to read a charset from a content attribute, in any attribute order', () => {
    const bytes = concat(
      ascii(
        '<html><head><META CONTENT="text/html; charset=\'Shift_JIS\'" HTTP-EQUIV="content-type"></head><p>',
      ),
      BURANDO_SJIS,
      ascii('</p>'),
    );
    expect(decodeHtml(bytes)).toContain('<p>ブランド</p>');
  });

  test('takes the first declaration of several, as a browser does', () => {
    const bytes = concat(
      ascii('<html><head><meta charset="gb2312"><meta charset="utf-8"></head><p>'),
      PINPAI_GBK,
      ascii('</p>'),
    );
    expect(decodeHtml(bytes)).toContain('<p>品牌</p>');
  });

  test('skips an unknown label and reads on to the next declaration', () => {
    const bytes = concat(
      ascii('<html><head><meta charset="x-not-a-charset"><meta charset="gbk"></head><p>'),
      PINPAI_GBK,
      ascii('</p>'),
    );
    expect(decodeHtml(bytes)).toContain('<p>品牌</p>');
  });

  test('reads UTF-8 bytes as UTF-8 although a stale meta says gbk (a page re-encoded when saved)', () => {
    const bytes = concat(
      ascii('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk" /></head><p>'),
      new TextEncoder().encode('良品铺子 手剥东北红松'),
      ascii('</p></html>'),
    );
    expect(decodeHtml(bytes)).toContain('<p>良品铺子 手剥东北红松</p>');
  });

  test('keeps the first meta of a saved JD page that declares UTF-8 before its stale gbk one', () => {
    const bytes = concat(
      ascii('<html><head>\n<meta http-equiv="Content-Type" content="text/html;charset=UTF-8">\n'),
      ascii('<meta http-equiv="Content-Type" content="text/html; charset=gbk" /></head><p>'),
      new TextEncoder().encode('品牌'),
      ascii('</p></html>'),
    );
    expect(decodeHtml(bytes)).toContain('<p>品牌</p>');
  });

  test('lets a byte-order mark win over a stale meta charset', () => {
    const bytes = concat(
      Uint8Array.from([0xef, 0xbb, 0xbf]),
      ascii('<html><head><meta charset="gbk"></head><p>'),
      new TextEncoder().encode('品牌'),
      ascii('</p>'),
    );
    expect(decodeHtml(bytes)).toContain('<p>品牌</p>');
  });

  test('reads a meta charset that declares UTF-16 on ASCII bytes as UTF-8', () => {
    const bytes = concat(
      ascii('<html><head><meta charset="utf-16"></head><p>'),
      new TextEncoder().encode('Größe'),
    );
    expect(decodeHtml(bytes)).toContain('<p>Größe');
  });
});

describe('parseHtml', () => {
  const html = `<!doctype html><html><head><title>T</title>
    <script type="application/ld+json">{"@type":"Product"}</script></head>
    <body><div id="x" style="display:none"><table><tr class="po-brand"><th>Brand</th><td>&lrm;Kettlebrook</td></tr></table></div>
    <input type="hidden" id="ASIN" name="ASIN" value="B0DEMO0001"><input type="hidden" id="ASIN" name="ASIN" value="B0DEMO0001">
    <div itemscope itemtype="https://schema.org/Product"><span itemprop="name">N</span></div></body></html>`;

  test('gives a document whose URL is the page URL', () => {
    const doc = parseHtml(html, 'https://www.amazon.com/dp/B0DEMO0001');
    expect(doc.URL).toBe('https://www.amazon.com/dp/B0DEMO0001');
  });

  test('supports the selectors and text access the extractors use', () => {
    const doc = parseHtml(html, 'https://shop.example/');
    expect(doc.querySelectorAll('script[type="application/ld+json" i]')).toHaveLength(1);
    expect(doc.querySelectorAll('input#ASIN')).toHaveLength(2);
    expect(doc.querySelector('#x tr.po-brand td')?.textContent).toBe('\u200eKettlebrook');
    expect(
      doc
        .querySelector('[itemscope][itemtype]')
        ?.querySelector('[itemprop]')
        ?.parentElement?.closest('[itemscope]'),
    ).toBe(doc.querySelector('[itemscope]'));
    expect(doc.querySelector('title')?.textContent).toBe('T');
  });

  test('wraps a fragment into a full document', () => {
    const doc = parseHtml('<p class="a">hi</p>', 'https://shop.example/');
    expect(doc.body.querySelector('p.a')?.textContent).toBe('hi');
  });
});
