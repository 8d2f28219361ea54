import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { listDistricts } from '../../../api/endpoints.ts';
import { SelectField } from '../../../components/ChoiceFields.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { InputField, errorText } from '../rooms/desk-rooms-parts.tsx';
import { visitsApi, type CapPeriod } from './visits-api.ts';

const loadCapsAndDistricts = async () => {
  const [caps, districts] = await Promise.all([visitsApi.caps(), listDistricts()]);
  return { caps: caps.items, districts: districts.items };
};

/** A district's cap on visits per enterprise per period (admins; office admins of the district). */
export function CapSettings() {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const [state, reload] = useApiResource(loadCapsAndDistricts);
  const [districtCode, setDistrictCode] = useState('310109');
  const [maxVisits, setMaxVisits] = useState('2');
  const [period, setPeriod] = useState<CapPeriod>('month');
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  async function save(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    setFailure('');
    try {
      await visitsApi.setCap(districtCode, { maxVisits: Number(maxVisits), period });
      setStatus(t('deskVisits.caps.saved'));
      reload();
    } catch (error) {
      setFailure(errorText(error, t('errors.unexpected')));
    }
  }

  return (
    <section aria-labelledby="caps-heading">
      <h2 id="caps-heading">{t('deskVisits.caps.title')}</h2>
      <ResourceStatus state={state}>
        {({ caps, districts }) => {
          const name = (code: string) => {
            const district = districts.find((d) => d.code === code);
            return district ? (isEnglish ? district.nameEn : district.nameZh) : code;
          };
          return (
            <>
              {caps.length === 0 ? (
                <p className="empty">{t('deskVisits.caps.none')}</p>
              ) : (
                <ul className="desk-list">
                  {caps.map((cap) => (
                    <li key={cap.districtCode}>
                      {t('deskVisits.caps.line', {
                        district: name(cap.districtCode),
                        max: cap.maxVisits,
                        period: t(`deskVisits.period.${cap.period}`),
                      })}
                    </li>
                  ))}
                </ul>
              )}
              <form className="form" onSubmit={(event) => void save(event)} noValidate>
                <SelectField
                  id="cap-district"
                  label={t('deskVisits.caps.district')}
                  value={districtCode}
                  options={districts.map((d) => ({ value: d.code, label: isEnglish ? d.nameEn : d.nameZh }))}
                  onChange={setDistrictCode}
                />
                <InputField
                  id="cap-max"
                  type="number"
                  min={1}
                  max={100}
                  className="field__input field__input--short"
                  label={t('deskVisits.caps.max')}
                  value={maxVisits}
                  onChange={(event) => setMaxVisits(event.target.value)}
                />
                <SelectField
                  id="cap-period"
                  label={t('deskVisits.caps.period')}
                  value={period}
                  options={(['month', 'quarter', 'year'] as const).map((p) => ({
                    value: p,
                    label: t(`deskVisits.period.${p}`),
                  }))}
                  onChange={(value) => setPeriod(value as CapPeriod)}
                />
                <div role="status" aria-live="polite">
                  {status && <p className="notice notice--success">{status}</p>}
                </div>
                {failure && (
                  <p className="notice notice--error" role="alert">
                    {failure}
                  </p>
                )}
                <button type="submit" className="button">
                  {t('deskVisits.caps.save')}
                </button>
              </form>
            </>
          );
        }}
      </ResourceStatus>
    </section>
  );
}
