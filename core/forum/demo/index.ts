export { loadDemo, DemoRefused, DEMO_PASSWORD, type DemoOptions, type DemoSummary } from './load.ts';
