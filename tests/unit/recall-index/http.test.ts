import { describe, expect, it } from 'vitest';
import { readBody, readText } from '../../../utils/recall-index/http';

/** Latin-1 bytes of `text` (every character below U+0100), as a legacy-encoded feed would send them. */
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('reading a feed response as text', () => {
  const rss = '<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Crème brûlée torch</title></rss>';

  it('reads an XML feed in the encoding its declaration names when the header names none', async () => {
    const res = new Response(latin1(rss), { headers: { 'content-type': 'application/rss+xml' } });
    expect(await readText(res)).toContain('Crème brûlée torch');
  });

  it('lets a charset in the Content-Type outrank the XML declaration', async () => {
    const utf8 = new TextEncoder().encode(rss);
    const res = new Response(utf8, { headers: { 'content-type': 'text/xml; charset=utf-8' } });
    expect(await readText(res)).toContain('Crème brûlée torch');
  });

  it('reads a body without any declaration as UTF-8', async () => {
    const res = new Response(new TextEncoder().encode('{"title":"Größe"}'));
    expect(await readText(res)).toBe('{"title":"Größe"}');
  });
});

describe('a download whose connection drops halfway', () => {
  it('fails with words that say it was cut off, not a bare "network error"', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"recalls":['));
        controller.error(new TypeError('network error'));
      },
    });
    await expect(readBody(new Response(body), 1024, 'shards/0.json.gz')).rejects.toThrow(
      'shards/0.json.gz: the connection was cut off before the download was complete',
    );
  });
});
