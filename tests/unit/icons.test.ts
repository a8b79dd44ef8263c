import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ICONS = path.resolve(import.meta.dirname, '../../public/icon');

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian). */
function pngSize(file: string): { width: number; height: number; png: boolean } {
  const bytes = readFileSync(file);
  const png =
    bytes.subarray(1, 4).toString('latin1') === 'PNG' && bytes.subarray(12, 16).toString() === 'IHDR';
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), png };
}

describe('the extension icons', () => {
  it('come in every size the stores and toolbars ask for', () => {
    const sizes = readdirSync(ICONS).map((f) => Number(f.replace(/\.png$/, '')));
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 32, 48, 96, 128]);
  });

  it.each([16, 32, 48, 96, 128])(
    'has a %i px square PNG (WXT names the manifest icons after the file)',
    (size) => {
      expect(pngSize(path.join(ICONS, `${size}.png`))).toEqual({ width: size, height: size, png: true });
    },
  );
});
