/**
 * Renders the extension icon (scripts/assets/icon.svg) to the PNG sizes the manifests use, into
 * public/icon/<size>.png, where WXT finds them. Chromium draws the SVG, so the icons need no image
 * library; run it after changing the SVG: `npm run build:icons`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from './lib/browser';

const ROOT = path.resolve(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 96, 128];

const svg = readFileSync(path.join(ROOT, 'scripts/assets/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium() });
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  await page.screenshot({ path: path.join(ROOT, `public/icon/${size}.png`), omitBackground: true });
}
await browser.close();
console.log(`icons: ${SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
