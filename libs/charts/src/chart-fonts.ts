import { fonts } from '@embedpdf/fonts-sc';
import { dirname, join } from 'node:path';

/**
 * The font files the rasteriser reads: Noto Sans Hans (Simplified Chinese and Latin) as shipped
 * by the @embedpdf/fonts-sc package, so a chart renders the same on any machine, without system
 * fonts. OpenType (.otf), which resvg reads (it cannot read woff2). The package exports only its
 * index (dist/index.cjs); the fonts sit in fonts/ beside dist/.
 */
export function chartFontFiles(): string[] {
  const root = dirname(dirname(require.resolve('@embedpdf/fonts-sc')));
  return fonts.filter((f) => f.weight === 400 || f.weight === 700).map((f) => join(root, 'fonts', f.file));
}
