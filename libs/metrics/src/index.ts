export { Metrics, Sampler } from './metrics';
export { MetricsModule } from './metrics.module';
export { bearerMatches } from './metrics-token';
