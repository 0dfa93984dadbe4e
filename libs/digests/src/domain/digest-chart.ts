import { PNG } from 'pngjs';

export interface Bar {
  value: number;
  /** "#RRGGBB" */
  color: string;
}

export interface ChartSize {
  width: number;
  height: number;
}

/** Drawn at twice the size it is shown at, so it stays sharp on high-density screens. */
export const CHART_SIZE: ChartSize = { width: 560, height: 240 };

const BACKGROUND = [255, 255, 255];
const AXIS = [189, 195, 199];
const GRID = [236, 240, 241];
const MARGIN = 16;

function rgb(hex: string): number[] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function fill(png: PNG, x0: number, y0: number, x1: number, y1: number, color: readonly number[]): void {
  for (let y = Math.max(0, y0); y < Math.min(png.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(png.width, x1); x++) {
      const i = (png.width * y + x) << 2;
      png.data[i] = color[0];
      png.data[i + 1] = color[1];
      png.data[i + 2] = color[2];
      png.data[i + 3] = 255;
    }
  }
}

/**
 * A bar chart as PNG bytes: one bar per value in its colour on a light grid, tallest bar at
 * full height. No text is drawn (no fonts needed): the HTML legend beside it names the bars
 * and gives the numbers.
 */
export function renderBarChart(bars: readonly Bar[], size: ChartSize = CHART_SIZE): Buffer {
  const png = new PNG({ width: size.width, height: size.height });
  fill(png, 0, 0, size.width, size.height, BACKGROUND);
  const plotTop = MARGIN;
  const baseline = size.height - MARGIN;
  const plotHeight = baseline - plotTop;
  for (let g = 0; g < 4; g++) {
    const y = plotTop + Math.round((plotHeight * g) / 4);
    fill(png, MARGIN, y, size.width - MARGIN, y + 1, GRID);
  }
  const max = Math.max(0, ...bars.map((b) => b.value));
  const slot = (size.width - 2 * MARGIN) / Math.max(1, bars.length);
  const barWidth = Math.max(2, Math.floor(slot * 0.6));
  bars.forEach((bar, i) => {
    const height = max > 0 ? Math.round((plotHeight * bar.value) / max) : 0;
    // A zero still shows as a sliver, so that the legend's colours all appear.
    const shown = bar.value > 0 ? Math.max(2, height) : 1;
    const x = Math.round(MARGIN + i * slot + (slot - barWidth) / 2);
    fill(png, x, baseline - shown, x + barWidth, baseline, rgb(bar.color));
  });
  fill(png, MARGIN, baseline, size.width - MARGIN, baseline + 2, AXIS);
  // Flat colours compress to a few KB unfiltered; pngjs's adaptive filtering and colour-type
  // conversion would cost a hundred times more for nothing.
  return PNG.sync.write(png, { filterType: 0 });
}
