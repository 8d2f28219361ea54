import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BundleMember, BundleSavings } from '../../../api/catalog-types.ts';
import { pickName } from '../../../lib/local-name.ts';

const SAVINGS_ROWS = ['applications', 'materials', 'fields', 'trips', 'days'] as const;

/** The services a bundle (一件事) files in one go, each linked to its own page. */
export function BundleMembers({ members }: { members: BundleMember[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  return (
    <section className="service-section" aria-labelledby="members-title">
      <h2 id="members-title">{t('service.bundle.membersTitle')}</h2>
      <p>{t('service.bundle.membersIntro', { count: members.length })}</p>
      <ol className="member-list">
        {members.map((member) => (
          <li key={member.id} className="member">
            <Link to={`/services/${encodeURIComponent(member.code)}`}>
              {pickName(language, member.nameZh, member.nameEn)}
            </Link>
            {member.departmentName && <span className="member__department">{member.departmentName}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** "分别办理 vs 一件事": what applying once saves, computed by the server from the members. */
export function BundleSavingsPanel({ savings }: { savings: BundleSavings }) {
  const { t } = useTranslation();
  return (
    <section className="service-section savings" aria-labelledby="savings-title">
      <h2 id="savings-title">{t('service.savings.title')}</h2>
      <p>{t('service.savings.intro')}</p>
      <div className="savings__table-wrap" role="region" aria-labelledby="savings-title" tabIndex={0}>
        <table className="savings__table">
          <caption className="visually-hidden">{t('service.savings.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('service.savings.what')}</th>
              <th scope="col">{t('service.savings.separately')}</th>
              <th scope="col">{t('service.savings.bundle')}</th>
              <th scope="col">{t('service.savings.saved')}</th>
            </tr>
          </thead>
          <tbody>
            {SAVINGS_ROWS.map((row) => {
              const { separately, bundle } = savings[row];
              const saved = separately - bundle;
              return (
                <tr key={row}>
                  <th scope="row">{t(`service.savings.rows.${row}`)}</th>
                  <td>{t(`service.savings.units.${row}`, { count: separately })}</td>
                  <td className="savings__bundle">{t(`service.savings.units.${row}`, { count: bundle })}</td>
                  <td className={saved > 0 ? 'savings__saved' : undefined}>
                    {saved > 0
                      ? t('service.savings.less', {
                          amount: t(`service.savings.units.${row}`, { count: saved }),
                        })
                      : t('service.savings.same')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="savings__note">{t('service.savings.daysNote')}</p>
    </section>
  );
}
