import { auditAppendBench } from './audit-append.bench.ts';
import { catalogSearchBench } from './catalog-search.bench.ts';
import { catalogSearchHttpBench } from './catalog-search-http.bench.ts';
import { facilityEventsBench } from './facility-events.bench.ts';

export interface Bench {
  summary: string;
  run(): Promise<void>;
}

export const benches: Record<string, Bench> = {
  'audit-append': auditAppendBench,
  'catalog-search': catalogSearchBench,
  'catalog-search-http': catalogSearchHttpBench,
  'facility-events': facilityEventsBench,
};
