import { applicationsBench } from './applications.bench.ts';
import { auditAppendBench } from './audit-append.bench.ts';
import { catalogSearchBench } from './catalog-search.bench.ts';
import { catalogSearchHttpBench } from './catalog-search-http.bench.ts';
import { facilityEventsBench } from './facility-events.bench.ts';
import { paymentsBench } from './payments.bench.ts';
import { registerGatewayBench } from './register-gateway.bench.ts';

/** Options of `tongban bench NAME`; a bench that has no use for one ignores it. */
export interface BenchOptions {
  duration?: number;
  connections?: number;
  only?: 'sqlite' | 'postgres';
}

export interface Bench {
  summary: string;
  run(options: BenchOptions): Promise<void>;
}

export const benches: Record<string, Bench> = {
  applications: applicationsBench,
  'audit-append': auditAppendBench,
  'catalog-search': catalogSearchBench,
  'catalog-search-http': catalogSearchHttpBench,
  'facility-events': facilityEventsBench,
  payments: paymentsBench,
  'register-gateway': registerGatewayBench,
};
