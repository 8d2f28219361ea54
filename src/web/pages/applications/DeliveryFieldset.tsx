import { useTranslation } from 'react-i18next';
import type { Delivery, DeliveryMethod } from '../../api/applications-endpoints.ts';
import type { CompetentOffice } from '../../api/catalog-types.ts';
import { ChoiceGroup, SelectField } from '../../components/ChoiceFields.tsx';
import { TextField } from '../../components/TextField.tsx';
import { pickName } from '../../lib/local-name.ts';

interface Props {
  delivery: Delivery;
  onChange(delivery: Delivery): void;
  /** The offices that can hand the result over; the applicant's district first. */
  offices: CompetentOffice[];
  errors: { method?: string | undefined; officeId?: string | undefined; address?: string | undefined };
}

const METHODS: DeliveryMethod[] = ['online', 'mail', 'pickup'];

/** How the applicant receives the result: online certificate, by mail, or at an office. */
export function DeliveryFieldset({ delivery, onChange, offices, errors }: Props) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const officeLabel = (office: CompetentOffice) =>
    t('applications.delivery.officeOption', {
      district: pickName(language, office.districtName, office.districtNameEn),
      office: pickName(language, office.officeName, office.officeNameEn),
    });
  const chosenOffice = offices.find((office) => office.officeId === delivery.officeId);
  return (
    <div className="delivery">
      <ChoiceGroup
        id="delivery-method"
        type="radio"
        label={t('applications.delivery.label')}
        hint={t('applications.delivery.hint')}
        options={METHODS.map((method) => ({
          value: method,
          label: (
            <>
              <span className="choice__title">{t(`applications.delivery.methods.${method}`)}</span>
              <span className="choice__hint">{t(`applications.delivery.methodHints.${method}`)}</span>
            </>
          ),
        }))}
        selected={[delivery.method]}
        onChange={(values) => {
          const method = values[0] ?? 'online';
          onChange({
            method,
            ...(method === 'pickup' ? { officeId: delivery.officeId ?? offices[0]?.officeId } : {}),
            ...(method === 'mail' ? { address: delivery.address ?? '' } : {}),
          } as Delivery);
        }}
        error={errors.method}
      />
      {delivery.method === 'pickup' &&
        (offices.length === 0 ? (
          <p className="notice notice--warning">{t('applications.delivery.noOffices')}</p>
        ) : (
          <div className="delivery__detail">
            <SelectField
              id="delivery-officeId"
              label={t('applications.delivery.office')}
              value={delivery.officeId ?? ''}
              options={[
                ...(delivery.officeId ? [] : [{ value: '', label: t('applications.delivery.chooseOffice') }]),
                ...offices.map((office) => ({ value: office.officeId, label: officeLabel(office) })),
              ]}
              onChange={(officeId) =>
                onChange(officeId ? { method: 'pickup', officeId } : { method: 'pickup' })
              }
              error={errors.officeId}
            />
            {chosenOffice && (
              <p className="field__hint delivery__office-facts">
                {[
                  chosenOffice.address,
                  chosenOffice.phone && t('applications.delivery.phone', { phone: chosenOffice.phone }),
                  chosenOffice.openingHours &&
                    t('applications.delivery.hours', { hours: chosenOffice.openingHours }),
                ]
                  .filter(Boolean)
                  .join(t('applications.delivery.factSeparator'))}
              </p>
            )}
          </div>
        ))}
      {delivery.method === 'mail' && (
        <div className="delivery__detail">
          <TextField
            id="delivery-address"
            label={t('applications.delivery.address')}
            hint={t('applications.delivery.addressHint')}
            value={delivery.address ?? ''}
            maxLength={200}
            autoComplete="street-address"
            onChange={(address) => onChange({ method: 'mail', address })}
            error={errors.address}
          />
        </div>
      )}
    </div>
  );
}
