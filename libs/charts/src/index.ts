export * from './bar-chart';
export * from './chart-fonts';
export * from './rasterise';
