/**
 * Screenshots a shopper attaches (the visible tab, their own photos) are downscaled before they go into
 * a report: a 4K or HiDPI capture is several megabytes, and forms and e-mail limit attachment sizes.
 * `fitWithin` is the arithmetic; `downscaleImage` draws in the report page (DOM canvas).
 */

/** Long side at most this many pixels. */
export const MAX_IMAGE_SIDE = 1600;

export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * An image (data URL or object URL) redrawn at most `max` pixels on its long side, as a JPEG data URL;
 * the image as it was when it is small enough already and is a JPEG.
 */
export async function downscaleImage(src: string, max = MAX_IMAGE_SIDE): Promise<string> {
  const img = new Image();
  img.src = src;
  await img.decode();
  const size = fitWithin(img.naturalWidth, img.naturalHeight, max);
  if (size.width === img.naturalWidth && src.startsWith('data:image/jpeg')) return src;
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return src;
  ctx.drawImage(img, 0, 0, size.width, size.height);
  return canvas.toDataURL('image/jpeg', 0.82);
}
