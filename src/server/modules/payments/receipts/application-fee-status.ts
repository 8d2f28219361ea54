// What the staff working an application see of its fee (办事费用): the amount, whether the
// applicant has paid it (and when, by which order), or that it is still unpaid. Staff see it for
// the applications their offices may open (received them or hold a task), as on the workbench.
import type { Principal } from '../../../platform/auth/access.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import type { ApplicationFeeStatus } from '../../../../contracts/api/payment-receipts.ts';
import { findApplication, staffOfficesFor } from '../../applications/application-access.ts';
import { listApplicationFees } from '../../applications/application-fees.ts';

export async function applicationFeeForStaff(
  db: Db,
  principal: Principal,
  applicationId: string,
): Promise<ApplicationFeeStatus> {
  const application = await findApplication(db, applicationId);
  if (!application || (await staffOfficesFor(db, principal, application)).length === 0)
    throw new AppError('APPLICATION_NOT_FOUND');
  const payable = await db
    .selectFrom('payables as p')
    .leftJoin('paymentOrders as o', 'o.id', 'p.paidOrderId')
    .select([
      'p.amountFen',
      'p.status',
      'p.paidAt',
      'p.refundedFen',
      'p.inFlightOrderId',
      'o.merchantOrderNo',
    ])
    .where('p.kind', '=', 'service_fee')
    .where('p.externalRef', '=', applicationId)
    .executeTakeFirst();
  if (payable)
    return {
      feeFen: payable.amountFen,
      status: payable.status,
      isBeingPaid: payable.inFlightOrderId !== null,
      paidAt: payable.paidAt,
      orderNo: payable.merchantOrderNo ?? null,
      refundedFen: payable.refundedFen,
    };
  // The payable appears when the applicant first looks at what is due; until then the fee is
  // the service's as filed.
  const applicant = application.applicantEnterpriseId
    ? { enterpriseId: application.applicantEnterpriseId }
    : { personId: application.applicantPersonId! };
  const fee = (await listApplicationFees(db, applicant)).find((item) => item.applicationId === applicationId);
  return fee
    ? {
        feeFen: fee.feeFen,
        status: 'unpaid',
        isBeingPaid: false,
        paidAt: null,
        orderNo: null,
        refundedFen: 0,
      }
    : { feeFen: 0, status: 'none', isBeingPaid: false, paidAt: null, orderNo: null, refundedFen: 0 };
}
