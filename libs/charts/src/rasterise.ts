import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT_FAMILY } from './bar-chart';
import { chartFontFiles } from './chart-fonts';

let fontFiles: string[] | undefined;

/** An SVG as PNG bytes at its own size, with the shipped font only (mail clients do not show SVG). */
export function svgToPng(svg: string): Buffer {
  fontFiles ??= chartFontFiles();
  const resvg = new Resvg(svg, {
    background: '#FFFFFF',
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
  });
  return resvg.render().asPng();
}
