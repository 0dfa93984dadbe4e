import { PNG } from 'pngjs';
import { CHART_SIZE, renderBarChartSvg } from './bar-chart';
import { svgToPng } from './rasterise';

const BARS = [
  { label: '媒体', value: 2, color: '#E4572E' },
  { label: '金融', value: 4, color: '#2E86AB' },
];

/** Pixels darker than light grey in a band of rows: text and bars, not the background or grid. */
function darkPixels(png: PNG, fromY: number, toY: number, fromX = 0, toX = png.width): number {
  let n = 0;
  for (let y = fromY; y < toY; y++) {
    for (let x = fromX; x < toX; x++) {
      const i = (png.width * y + x) << 2;
      if (png.data[i] + png.data[i + 1] + png.data[i + 2] < 3 * 160) n++;
    }
  }
  return n;
}

describe('the bar chart', () => {
  it('is an SVG by ECharts carrying the Chinese labels, the values and the bar colours', async () => {
    const svg = await renderBarChartSvg(BARS, { title: '本周新提交工单' });
    expect(svg).toMatch(/^<svg [^>]*width="560" height="240"/);
    for (const text of ['媒体', '金融', '本周新提交工单', '>4<', '#2E86AB']) expect(svg).toContain(text);
  });

  it('rasterises to a PNG of the chart size whose label band has the glyphs drawn in the shipped font', async () => {
    const png = PNG.sync.read(await svgToPng(await renderBarChartSvg(BARS)));
    expect([png.width, png.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    // The category labels sit in the bottom 30 px under each bar's slot: ink under each, none between.
    const labelBand = [CHART_SIZE.height - 30, CHART_SIZE.height - 4] as const;
    const plotLeft = 40;
    const slot = (CHART_SIZE.width - plotLeft - 16) / 2;
    expect(darkPixels(png, ...labelBand, plotLeft + slot * 0.5 - 20, plotLeft + slot * 0.5 + 20)).toBeGreaterThan(40);
    expect(darkPixels(png, ...labelBand, plotLeft + slot * 1.5 - 20, plotLeft + slot * 1.5 + 20)).toBeGreaterThan(40);
    expect(darkPixels(png, ...labelBand, plotLeft + slot - 30, plotLeft + slot + 30)).toBe(0);
  });

  it('draws an empty chart at another size without failing', async () => {
    const png = PNG.sync.read(await svgToPng(await renderBarChartSvg([{ label: '培训', value: 0, color: '#76B041' }], { size: { width: 200, height: 100 } })));
    expect([png.width, png.height]).toEqual([200, 100]);
  });
});
