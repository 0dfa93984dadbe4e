import { CHART_FONT_FAMILY } from './bar-chart';
import { chartFontFiles } from './chart-fonts';

let fontFiles: string[] | undefined;

/** An SVG as PNG bytes at its own size, with the shipped font only (mail clients do not show SVG). Loads resvg at first use. */
export async function svgToPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  fontFiles ??= chartFontFiles();
  const resvg = new Resvg(svg, {
    background: '#FFFFFF',
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
  });
  return resvg.render().asPng();
}
