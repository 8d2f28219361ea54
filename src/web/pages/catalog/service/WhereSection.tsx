import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, HandlingScope } from '../../../../contracts/catalog.ts';
import type { CompetentOffice } from '../../../api/catalog-types.ts';
import { useDistricts } from '../../../lib/districts.ts';
import { localName } from '../../../lib/local-name.ts';
import { formatOpeningHours, type DayCode } from '../../../lib/opening-hours-format.ts';
import { useSession } from '../../../session/session-context.tsx';

interface Props {
  channels: Channel[];
  /** Bundles have no scope of their own: each member keeps its own. */
  scope: HandlingScope | null;
  provinces: string[];
  offices: CompetentOffice[];
  /** A draft shown to its author: offices are assigned when it is published. */
  isDraft: boolean;
}

/**
 * How and where to apply: the channels, where it can be handled (本区/全市/跨省通办), and the
 * competent office for the district the user picks (their own district when signed in).
 */
export function WhereSection({ channels, scope, provinces, offices, isDraft }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const session = useSession();
  const districts = useDistricts();
  const homeDistrict = session.state.status === 'signedIn' ? session.state.me.person?.districtCode : null;
  const [chosenDistrict, setChosenDistrict] = useState<string | null>(null);
  const districtCode = chosenDistrict ?? homeDistrict ?? '';
  const office = offices.find((o) => o.districtCode === districtCode);
  const districtList = districts.status === 'ready' ? districts.districts : [];
  const district = districtList.find((d) => d.code === districtCode);
  const hasCounter = channels.includes('counter');

  return (
    <section className="service-section" aria-labelledby="where-title">
      <h2 id="where-title">{t('service.where.title')}</h2>
      <ul className="channel-list">
        {channels.map((channel) => (
          <li key={channel} className="channel">
            <h3 className="channel__name">{t(`catalog.channels.${channel}`)}</h3>
            <p>{t(`service.where.channelHow.${channel}`)}</p>
          </li>
        ))}
      </ul>
      {scope && (
        <p className="service-where__scope">
          <strong>{t(`catalog.scopes.${scope}`)}</strong>
          {t('common.colon')}
          {t(`service.where.scopeHow.${scope}`)}
          {scope === 'cross_province' && provinces.length > 0 && (
            <> {t('service.where.provinces', { provinces: provinces.join(t('common.listSeparator')) })}</>
          )}
        </p>
      )}

      {hasCounter && (
        <div className="office-finder">
          <h3>{t('service.where.officeTitle')}</h3>
          {isDraft ? (
            <p>{t('service.where.officeAfterPublish')}</p>
          ) : offices.length === 0 ? (
            <p>{t('service.where.noOffices')}</p>
          ) : (
            <>
              <div className="field">
                <label className="field__label" htmlFor="office-district">
                  {t('service.where.districtLabel')}
                </label>
                {homeDistrict && (
                  <p className="field__hint" id="office-district-hint">
                    {t('service.where.districtHint')}
                  </p>
                )}
                <select
                  className="field__input field__select"
                  id="office-district"
                  value={districtCode}
                  aria-describedby={homeDistrict ? 'office-district-hint' : undefined}
                  onChange={(event) => setChosenDistrict(event.target.value)}
                >
                  <option value="">{t('service.where.chooseDistrict')}</option>
                  {districtList.map((d) => (
                    <option key={d.code} value={d.code}>
                      {localName(d, language)}
                    </option>
                  ))}
                </select>
              </div>
              <div role="status" aria-live="polite">
                {office && (
                  <>
                    <p className="office">
                      {t('service.where.officeFor', {
                        district: district ? localName(district, language) : office.districtName,
                      })}
                      <strong className="office__name">
                        {language === 'en' ? office.officeNameEn : office.officeName}
                      </strong>
                    </p>
                    <OfficeContact office={office} />
                  </>
                )}
                {districtCode && !office && <p>{t('service.where.noOfficeInDistrict')}</p>}
              </div>
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** Address, phone and opening hours of the chosen counter, so a resident knows where and when to go. */
function OfficeContact({ office }: { office: CompetentOffice }) {
  const { t } = useTranslation();
  if (!office.address && !office.phone && !office.openingHours) {
    return <p className="office-contact__unknown">{t('service.where.contactUnknown')}</p>;
  }
  const hours =
    office.openingHours &&
    (formatOpeningHours(office.openingHours, {
      day: (code: DayCode) => t(`service.where.days.${code}`),
      dayRange: (from, to) => t('service.where.hoursRange', { from, to }),
      listSeparator: t('common.listSeparator'),
      closed: t('service.where.closed'),
    }) ?? [office.openingHours]);
  return (
    <dl className="office-contact">
      {office.address && (
        <div className="office-contact__row">
          <dt>{t('service.where.address')}</dt>
          {/* Addresses are kept in Chinese, as on the signs and in map apps. */}
          <dd lang="zh-CN">{office.address}</dd>
        </div>
      )}
      {office.phone && (
        <div className="office-contact__row">
          <dt>{t('service.where.phone')}</dt>
          <dd>
            <a href={`tel:${office.phone.replace(/[^\d+]/g, '')}`}>{office.phone}</a>
          </dd>
        </div>
      )}
      {hours && (
        <div className="office-contact__row">
          <dt>{t('service.where.hours')}</dt>
          <dd>
            <ul className="office-contact__hours">
              {hours.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}
