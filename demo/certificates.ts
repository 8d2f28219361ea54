// Certificates the demo people and enterprises already hold, so their wallets are not empty and
// later applications can take them from the wallet (免于提交). Invented, like all demo data.
import type { Db } from '../src/server/platform/db/database.ts';
import type { CertificateSigner } from '../src/server/modules/certificates/certificate-signing.ts';
import {
  seedCertificates,
  type CertificateGrant,
} from '../src/server/modules/certificates/certificates-seed.ts';
import { findOfficeByCode } from '../src/server/modules/reference/reference.service.ts';
import { DEMO_SERVICES } from './catalog/index.ts';

function service(code: string) {
  const found = DEMO_SERVICES.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`demo service ${code} is missing`);
  return found;
}

async function officeId(db: Db, code: string): Promise<string> {
  const office = await findOfficeByCode(db, code);
  if (!office) throw new Error(`demo office ${code} is missing`);
  return office.id;
}

/**
 * The canteen enterprise's business licence and food business licence (虹口区市场监管局), and
 * 张三's driving licence (虹口 traffic police). Idempotent.
 */
export async function seedDemoCertificates(
  db: Db,
  signer: CertificateSigner,
  demo: { canteenUscc: string },
): Promise<number> {
  const canteen = await db
    .selectFrom('enterprises')
    .select(['id', 'name', 'address'])
    .where('uscc', '=', demo.canteenUscc)
    .executeTakeFirst();
  const zhangsan = await db
    .selectFrom('users as u')
    .innerJoin('people as p', 'p.id', 'u.personId')
    .select(['p.id', 'p.name', 'p.idNumber', 'p.address'])
    .where('u.username', '=', 'demo-resident')
    .executeTakeFirst();
  if (!canteen || !zhangsan) return 0;
  const samr = await officeId(db, 'samr-310109');
  const grants: CertificateGrant[] = [
    {
      holder: { enterpriseId: canteen.id },
      service: service('SAMR-0001'),
      issuingOfficeId: samr,
      issuedAt: new Date('2025-03-18T02:30:00Z'),
      data: {
        enterpriseName: canteen.name,
        uscc: demo.canteenUscc,
        companyType: 'llc',
        registeredCapital: 200,
        businessScope: '餐饮服务；餐饮管理；食品销售（仅销售预包装食品）',
        enterpriseAddress: canteen.address,
        legalRepresentative: '王芳',
      },
      labels: { uscc: { zh: '统一社会信用代码', en: 'Unified social credit code' } },
    },
    {
      holder: { enterpriseId: canteen.id },
      service: service('SAMR-0010'),
      issuingOfficeId: samr,
      issuedAt: new Date('2025-04-02T06:00:00Z'),
      data: {
        enterpriseName: canteen.name,
        legalRepresentative: '王芳',
        businessAddress: canteen.address,
        operationType: 'restaurant',
        operatingArea: 180,
        foodSafetyManager: '赵敏',
      },
    },
    {
      holder: { personId: zhangsan.id },
      service: service('PSBT-0003'),
      issuingOfficeId: await officeId(db, 'police-traffic-310109'),
      issuedAt: new Date('2024-06-12T01:15:00Z'),
      data: {
        applicantName: zhangsan.name,
        idNumber: zhangsan.idNumber,
        licenceFileNumber: '310109004512',
        vehicleClass: 'C1',
      },
      labels: { vehicleClass: { zh: '准驾车型', en: 'Vehicle class' } },
    },
  ];
  return seedCertificates(db, signer, grants);
}
