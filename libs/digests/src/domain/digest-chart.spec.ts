import { PNG } from 'pngjs';
import { CHART_SIZE, renderBarChart } from './digest-chart';

function pixel(png: PNG, x: number, y: number): number[] {
  const i = (png.width * y + x) << 2;
  return [png.data[i], png.data[i + 1], png.data[i + 2]];
}

describe('the bar chart', () => {
  it('is a PNG of the chart size with the tallest bar in its colour reaching the top', () => {
    const png = PNG.sync.read(renderBarChart([{ value: 2, color: '#E4572E' }, { value: 4, color: '#2E86AB' }]));
    expect([png.width, png.height]).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
    const slot = (CHART_SIZE.width - 32) / 2;
    const secondBarX = Math.round(16 + slot * 1.5);
    expect(pixel(png, secondBarX, 20)).toEqual([0x2e, 0x86, 0xab]);
    const firstBarX = Math.round(16 + slot * 0.5);
    expect(pixel(png, firstBarX, 20)).toEqual([255, 255, 255]);
    expect(pixel(png, firstBarX, CHART_SIZE.height - 20)).toEqual([0xe4, 0x57, 0x2e]);
  });

  it('draws an empty week without failing', () => {
    const png = PNG.sync.read(renderBarChart([{ value: 0, color: '#E4572E' }], { width: 100, height: 50 }));
    expect([png.width, png.height]).toEqual([100, 50]);
  });
});
