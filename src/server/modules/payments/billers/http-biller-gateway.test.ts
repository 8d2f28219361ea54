// The demo billers' protocol through the BillerGateway adapter, against the real server in its own
// process: the accounts the utilities register shows exist at the biller, bills, idempotent
// payment pushes that refuse a wrong amount or an unknown bill, confirmations, and failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBillers, type SpawnedBillers } from '../../../../../demo/billers/spawn.ts';
import { demoPopulation } from '../../../../../demo/population.ts';
import { utilitiesOf } from '../../../../../demo/registers/utilities.ts';
import { shanghaiDate } from '../../../../../demo/payment-provider/protocol.ts';
import { BillerRejectedError, BillerUnavailableError } from '../ports.ts';
import { HttpBillerGateway } from './http-biller-gateway.ts';

const { records, idNumbers } = demoPopulation();
const zhangsan = records.find((r) => r.idNumber === idNumbers.zhangsan)!;
const accounts = utilitiesOf(zhangsan.idNumber, zhangsan.address);
const water = accounts.find((a) => a.kind === 'water')!;

let billers: SpawnedBillers;
let gateway: HttpBillerGateway;

beforeAll(async () => {
  billers = await spawnBillers();
  gateway = new HttpBillerGateway({
    baseUrl: billers.url,
    apiKey: billers.apiKey,
    timeoutMs: 1000,
    retries: 1,
  });
});
afterAll(() => billers.stop());

describe('demo billers', () => {
  it('knows every account the utilities register shows, checked by account number and address', async () => {
    for (const account of accounts) {
      expect(
        await gateway.checkAccount(account.kind, account.accountNumber, ` ${zhangsan.address} `),
      ).toEqual({
        ok: true,
        holderMasked: '张*',
        address: zhangsan.address,
      });
    }
    const other = records[20]!;
    for (const account of utilitiesOf(other.idNumber, other.address)) {
      expect(await gateway.checkAccount(account.kind, account.accountNumber, other.address)).toMatchObject({
        ok: true,
      });
    }
    expect(await gateway.checkAccount('water', water.accountNumber, '上海市黄浦区某路1号')).toEqual({
      ok: false,
      reason: 'address_mismatch',
    });
    expect(await gateway.checkAccount('gas', water.accountNumber, zhangsan.address)).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('issues the register’s latest bill (unpaid when the register shows it due) and five earlier ones', async () => {
    const bills = await gateway.fetchBills('water', water.accountNumber);
    expect(bills).toHaveLength(6);
    expect(bills[0]).toMatchObject({
      month: water.lastBillMonth,
      amountFen: water.lastBillFen,
      status: water.dueFen > 0 ? 'unpaid' : 'paid',
      billNo: `W${water.accountNumber}${water.lastBillMonth.replace('-', '')}`,
    });
    expect(bills.slice(1).every((b) => b.status === 'paid')).toBe(true);
    expect(bills.map((b) => b.month)).toEqual([...bills.map((b) => b.month)].sort().reverse());
    await expect(gateway.fetchBills('water', '1999999999')).rejects.toMatchObject({
      reason: 'ACCOUNT_NOT_FOUND',
    });
  });

  it('takes a payment once per paymentRef, refuses a wrong amount, an unknown bill and a second payment', async () => {
    const electricity = accounts.find((a) => a.kind === 'electricity')!;
    expect(electricity.dueFen).toBeGreaterThan(0);
    const [bill] = await gateway.fetchBills('electricity', electricity.accountNumber);
    const push = {
      billNo: bill!.billNo,
      accountNumber: electricity.accountNumber,
      amountFen: bill!.amountFen,
    };
    await expect(
      gateway.pushPayment('electricity', { ...push, amountFen: 1, paymentRef: 'P-1' }),
    ).rejects.toMatchObject({
      reason: 'AMOUNT_MISMATCH',
    });
    await expect(
      gateway.pushPayment('electricity', { ...push, billNo: 'E000', paymentRef: 'P-1' }),
    ).rejects.toBeInstanceOf(BillerRejectedError);
    const first = await gateway.pushPayment('electricity', { ...push, paymentRef: 'P-1' });
    expect(await gateway.pushPayment('electricity', { ...push, paymentRef: 'P-1' })).toEqual(first);
    await expect(gateway.pushPayment('electricity', { ...push, paymentRef: 'P-2' })).rejects.toMatchObject({
      reason: 'BILL_ALREADY_PAID',
    });
    expect((await gateway.fetchBills('electricity', electricity.accountNumber))[0]!.status).toBe('paid');
    const today = shanghaiDate(new Date().toISOString());
    expect(await gateway.confirmations('electricity', today)).toEqual([
      expect.objectContaining({
        billNo: bill!.billNo,
        paymentRef: 'P-1',
        amountFen: bill!.amountFen,
        ...first,
      }),
    ]);
    expect(await gateway.confirmations('water', today)).toEqual([]);
    expect(await gateway.confirmations('electricity', '2001-01-01')).toEqual([]);
  });

  it('fails on demand: unavailable, not rejected; a wrong key is refused', async () => {
    await billers.control({ errorRate: 1 });
    await expect(gateway.fetchBills('water', water.accountNumber)).rejects.toBeInstanceOf(
      BillerUnavailableError,
    );
    await expect(
      gateway.pushPayment('water', {
        billNo: 'x',
        accountNumber: water.accountNumber,
        amountFen: 1,
        paymentRef: 'x',
      }),
    ).rejects.toBeInstanceOf(BillerUnavailableError);
    await billers.control({ errorRate: 0, latencyMinMs: 800, latencyMaxMs: 800 });
    const quick = new HttpBillerGateway({
      baseUrl: billers.url,
      apiKey: billers.apiKey,
      timeoutMs: 100,
      retries: 0,
    });
    await expect(quick.fetchBills('water', water.accountNumber)).rejects.toBeInstanceOf(
      BillerUnavailableError,
    );
    await billers.control({ latencyMinMs: 0, latencyMaxMs: 0 });
    const wrong = new HttpBillerGateway({
      baseUrl: billers.url,
      apiKey: 'wrong',
      timeoutMs: 1000,
      retries: 0,
    });
    await expect(wrong.fetchBills('water', water.accountNumber)).rejects.toMatchObject({
      reason: 'INVALID_API_KEY',
    });
  });
});
