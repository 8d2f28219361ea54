import { auditAppendBench } from './audit-append.bench.ts';

export interface Bench {
  summary: string;
  run(): Promise<void>;
}

export const benches: Record<string, Bench> = {
  'audit-append': auditAppendBench,
};
