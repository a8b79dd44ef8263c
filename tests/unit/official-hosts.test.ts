import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFeedFile } from '../../scripts/lib/feed-file';
import { findSharedData } from '../../scripts/lib/shared-data';
import { parseFeedDocument } from '../../utils/feeds';
import { isOfficialUrl, officialImage } from '../../utils/official-hosts';

const NOW = { now: new Date('2026-11-28T12:00:00Z') };

describe('the hosts each source publishes on', () => {
  it('accepts an https notice on the source’s own host', () => {
    expect(isOfficialUrl('cpsc', 'https://www.cpsc.gov/Recalls/2026/Goal-Zero-Recalls-YETI')).toBe(true);
  });

  it('refuses another host, plain http, another source’s host and a javascript: link', () => {
    expect(isOfficialUrl('cpsc', 'https://www.cpsc.gov.evil.example/Recalls/1')).toBe(false);
    expect(isOfficialUrl('cpsc', 'http://www.cpsc.gov/Recalls/1')).toBe(false);
    expect(isOfficialUrl('cpsc', 'https://www.gov.uk/product-safety-alerts-reports-recalls/x')).toBe(false);
    expect(isOfficialUrl('cpsc', 'javascript:alert(1)')).toBe(false);
    expect(isOfficialUrl('constructor', 'https://www.cpsc.gov/')).toBe(false);
  });

  it('picks the first image that is https on the source’s own host for a card', () => {
    const images = [
      { url: 'http://www.cpsc.gov/s3fs-public/a.jpg', caption: null },
      { url: 'https://images.example/b.jpg', caption: null },
      { url: 'https://www.cpsc.gov/s3fs-public/c.jpg', caption: 'Recalled stool' },
    ];
    expect(officialImage('cpsc', images)?.url).toBe('https://www.cpsc.gov/s3fs-public/c.jpg');
  });

  it('picks no image when none is on the source’s own host over https', () => {
    expect(
      officialImage('eu-safety-gate', [{ url: 'https://www.cpsc.gov/a.jpg', caption: null }]),
    ).toBeNull();
    expect(officialImage('eu-safety-gate', [])).toBeNull();
  });

  // The real saved responses, beside the repository: hand-made fixtures use invented hosts.
  const real = findSharedData();
  it.skipIf(!real)('holds every link and image the mappers produce from the real saved responses', () => {
    const seen = new Set<string>();
    for (const source of readdirSync(real as string)) {
      const dir = path.join(real as string, source, 'open-recall-format');
      if (!existsSync(dir)) continue;
      for (const file of readdirSync(dir)) {
        let result: ReturnType<typeof parseFeedDocument>;
        try {
          result = parseFeedDocument(readFeedFile(path.join(dir, file)), NOW);
        } catch {
          continue; // formats no mapper reads (NHTSA)
        }
        for (const r of result.recalls) {
          seen.add(r.source);
          for (const url of [r.url, ...r.images.map((i) => i.url)]) {
            if (url) expect(isOfficialUrl(r.source, url), `${source}/${file}: ${url}`).toBe(true);
          }
        }
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(5);
  });
});
