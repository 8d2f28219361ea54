// How each register's record reads on its self-service page.
import { useTranslation } from 'react-i18next';
import {
  formatFen,
  type HousingFundData,
  type MedicalInsuranceData,
  type RegisterSlug,
  type SocialInsuranceData,
  type UtilitiesData,
  type VehiclesData,
} from '../../api/data-endpoints.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { FinePayButton, useTrafficFines } from '../payments/FinePayButton.tsx';

function useMoney() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  return (fen: number | null | undefined) =>
    fen === null || fen === undefined ? t('common.none') : t('data.query.yuan', { amount: formatFen(fen, language) });
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function RegisterView({ slug, data }: { slug: RegisterSlug; data: Record<string, unknown> }) {
  switch (slug) {
    case 'social-insurance':
      return <SocialInsuranceView data={data as unknown as SocialInsuranceData} />;
    case 'housing-fund':
      return <HousingFundView data={data as unknown as HousingFundData} />;
    case 'medical-insurance':
      return <MedicalView data={data as unknown as MedicalInsuranceData} />;
    case 'vehicles':
      return <VehiclesView data={data as unknown as VehiclesData} />;
    case 'utilities':
      return <UtilitiesView data={data as unknown as UtilitiesData} />;
  }
}

function SocialInsuranceView({ data }: { data: SocialInsuranceData }) {
  const { t } = useTranslation();
  const money = useMoney();
  const rows = data.contributions ?? [];
  return (
    <>
      <dl className="facts">
        <Fact label={t('data.social.status')}>{t(`data.social.statuses.${data.status}`)}</Fact>
        {data.employerName && <Fact label={t('data.social.employer')}>{data.employerName}</Fact>}
        {data.status !== 'not_insured' && (
          <>
            <Fact label={t('data.social.base')}>{money(data.contributionBaseFen)}</Fact>
            <Fact label={t('data.social.first')}>{data.firstInsuredMonth}</Fact>
            <Fact label={t('data.social.months')}>
              {t('data.social.monthsValue', { months: data.contributionMonths, years: data.contributionYears })}
            </Fact>
          </>
        )}
        {data.monthlyPensionFen != null && <Fact label={t('data.social.pension')}>{money(data.monthlyPensionFen)}</Fact>}
      </dl>
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('data.social.tableCaption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('data.social.month')}</th>
                <th scope="col" className="money">{t('data.social.base')}</th>
                <th scope="col" className="money">{t('data.social.pensionPersonal')}</th>
                <th scope="col" className="money">{t('data.social.medicalPersonal')}</th>
                <th scope="col" className="money">{t('data.social.unemploymentPersonal')}</th>
                <th scope="col" className="money">{t('data.social.employerPart')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.month}>
                  <th scope="row">{row.month}</th>
                  <td className="money">{money(row.baseFen)}</td>
                  <td className="money">{money(row.pensionPersonalFen)}</td>
                  <td className="money">{money(row.medicalPersonalFen)}</td>
                  <td className="money">{money(row.unemploymentPersonalFen)}</td>
                  <td className="money">{money(row.employerFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function HousingFundView({ data }: { data: HousingFundData }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const rows = data.movements ?? [];
  return (
    <>
      <dl className="facts">
        <Fact label={t('data.fund.status')}>{t(`data.fund.statuses.${data.status}`)}</Fact>
        {data.accountNumber && <Fact label={t('data.fund.account')}>{data.accountNumber}</Fact>}
        {data.employerName && <Fact label={t('data.fund.employer')}>{data.employerName}</Fact>}
        <Fact label={t('data.fund.balance')}>{money(data.balanceFen)}</Fact>
        <Fact label={t('data.fund.monthly')}>{money(data.monthlyDepositFen)}</Fact>
      </dl>
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('data.fund.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('data.fund.date')}</th>
                <th scope="col">{t('data.fund.kind')}</th>
                <th scope="col" className="money">{t('data.fund.amount')}</th>
                <th scope="col" className="money">{t('data.fund.balanceAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${row.date}-${index}`}>
                  <th scope="row">{row.date}</th>
                  <td>{language === 'en' ? row.noteEn : row.noteZh}</td>
                  <td className="money">
                    {row.kind === 'withdrawal' ? '−' : '+'}
                    {money(row.amountFen)}
                  </td>
                  <td className="money">{money(row.balanceAfterFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function MedicalView({ data }: { data: MedicalInsuranceData }) {
  const { t } = useTranslation();
  const money = useMoney();
  const rows = data.settlements ?? [];
  return (
    <>
      <dl className="facts">
        <Fact label={t('data.medical.status')}>{t(`data.medical.statuses.${data.status}`)}</Fact>
        {data.category && <Fact label={t('data.medical.category')}>{t(`data.medical.categories.${data.category}`)}</Fact>}
        <Fact label={t('data.medical.balance')}>{money(data.personalAccountBalanceFen)}</Fact>
        {data.designatedHospital && <Fact label={t('data.medical.hospital')}>{data.designatedHospital}</Fact>}
      </dl>
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t('data.medical.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('data.medical.date')}</th>
                <th scope="col">{t('data.medical.place')}</th>
                <th scope="col">{t('data.medical.kind')}</th>
                <th scope="col" className="money">{t('data.medical.total')}</th>
                <th scope="col" className="money">{t('data.medical.fund')}</th>
                <th scope="col" className="money">{t('data.medical.account')}</th>
                <th scope="col" className="money">{t('data.medical.self')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${row.date}-${index}`}>
                  <th scope="row">{row.date}</th>
                  <td>{row.hospitalName}</td>
                  <td>{t(`data.medical.kinds.${row.kind}`)}</td>
                  <td className="money">{money(row.totalFen)}</td>
                  <td className="money">{money(row.fundPaidFen)}</td>
                  <td className="money">{money(row.accountPaidFen)}</td>
                  <td className="money">{money(row.selfPaidFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function VehiclesView({ data }: { data: VehiclesData }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const licence = data.drivingLicence;
  const violations = data.violations ?? [];
  const hasFineDue = violations.some((v) => v.status === 'processed_unpaid');
  const fines = useTrafficFines(hasFineDue);
  return (
    <>
      <dl className="facts">
        <Fact label={t('data.vehicles.licence')}>
          {licence
            ? t('data.vehicles.licenceValue', {
                class: licence.class,
                validUntil: formatDate(licence.validUntil, language),
                points: licence.pointsLeft,
              })
            : t('data.vehicles.noLicence')}
        </Fact>
        <Fact label={t('data.vehicles.vehiclesTitle')}>
          {(data.vehicles ?? []).length === 0
            ? t('data.vehicles.noVehicles')
            : (data.vehicles ?? []).map((v) => (
                <p key={v.plateNumber}>
                  {t('data.vehicles.vehicleValue', {
                    plate: v.plateNumber,
                    model: v.brandModelZh,
                    registered: formatDate(v.registeredOn, language),
                    inspection: formatDate(v.inspectionDueOn, language),
                  })}
                </p>
              ))}
        </Fact>
      </dl>
      {violations.length === 0 ? (
        <p className="empty">{t('data.vehicles.noViolations')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="data-table">
              <caption>{t('data.vehicles.violationsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('data.vehicles.time')}</th>
                  <th scope="col">{t('data.vehicles.place')}</th>
                  <th scope="col">{t('data.vehicles.offence')}</th>
                  <th scope="col">{t('data.vehicles.plate')}</th>
                  <th scope="col">{t('data.vehicles.points')}</th>
                  <th scope="col" className="money">{t('data.vehicles.fine')}</th>
                  <th scope="col">{t('data.vehicles.status')}</th>
                  {hasFineDue && <th scope="col">{t('payments.fines.pay')}</th>}
                </tr>
              </thead>
              <tbody>
                {violations.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">{formatDateTime(v.occurredAt, language)}</th>
                    <td>{v.locationZh}</td>
                    <td>{language === 'en' ? v.descriptionEn : v.descriptionZh}</td>
                    <td>{v.plateNumber}</td>
                    <td>{v.points}</td>
                    <td className="money">{money(v.fineFen)}</td>
                    <td>{t(`data.vehicles.statuses.${v.status}`)}</td>
                    {hasFineDue && (
                      <td>
                        {v.status === 'processed_unpaid' && (
                          <FinePayButton
                            payable={fines.get(v.id)}
                            label={t('payments.fines.payNamed', {
                              plate: v.plateNumber,
                              time: formatDateTime(v.occurredAt, language),
                              amount: money(v.fineFen),
                            })}
                          />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {violations.some((v) => v.status !== 'paid') && <p className="notice">{t('data.vehicles.paymentNote')}</p>}
        </>
      )}
    </>
  );
}

function UtilitiesView({ data }: { data: UtilitiesData }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const accounts = data.accounts ?? [];
  if (accounts.length === 0) return <p className="empty">{t('data.query.none')}</p>;
  return (
    <ul className="item-list">
      {accounts.map((account) => (
        <li className="item" key={account.kind}>
          <h2 className="item__title">{t(`data.utilities.kinds.${account.kind}`)}</h2>
          <dl className="facts facts--compact">
            <Fact label={t('data.utilities.account')}>{account.accountNumber}</Fact>
            <Fact label={t('data.utilities.provider')}>{language === 'en' ? account.providerEn : account.providerZh}</Fact>
            <Fact label={t('data.utilities.address')}>{account.address}</Fact>
            <Fact label={t('data.utilities.lastBill', { month: account.lastBillMonth })}>{money(account.lastBillFen)}</Fact>
            <Fact label={t('data.utilities.due')}>{account.dueFen > 0 ? money(account.dueFen) : t('data.utilities.paid')}</Fact>
          </dl>
        </li>
      ))}
    </ul>
  );
}
