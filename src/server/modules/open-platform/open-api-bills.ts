// Bills for scope bills_payments: the resident's utility accounts (水电燃气) with what is due,
// read through the sharing gateway from the utilities register (an access record naming the app).
import type { AppDeps } from '../../platform/deps.ts';
import type { UtilityAccount } from '../../../contracts/registers.ts';
import { readRegisterScope, type OpenCaller } from './open-api-data.ts';

export interface OpenBill {
  kind: string;
  accountNumber: string;
  companyZh: string | null;
  dueFen: number;
}

export async function readBillsForApp(
  deps: AppDeps,
  caller: OpenCaller,
): Promise<{ items: OpenBill[]; totalDueFen: number }> {
  const { data } = await readRegisterScope(deps, caller, 'bills_payments');
  const accounts = (Array.isArray(data.accounts) ? data.accounts : []) as UtilityAccount[];
  const items = accounts.map((account) => ({
    kind: account.kind,
    accountNumber: account.accountNumber,
    companyZh: account.providerZh ?? null,
    dueFen: account.dueFen ?? 0,
  }));
  return { items, totalDueFen: items.reduce((sum, bill) => sum + bill.dueFen, 0) };
}
