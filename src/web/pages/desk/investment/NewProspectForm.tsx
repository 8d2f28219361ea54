import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { TextField } from '../../../components/TextField.tsx';
import { createProspect, type FitOut, type LandUse } from './investment-api.ts';

const LAND_USES: LandUse[] = ['industrial', 'research', 'commercial', 'warehouse', 'mixed'];
const FIT_OUTS: FitOut[] = ['bare', 'basic', 'full'];
const whole = (text: string): number | null => (/^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null);

/** A new prospect (a lead) with the requirements known before signing. */
export function NewProspectForm({ district, onCreated }: { district: string; onCreated(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [industry, setIndustry] = useState('');
  const [origin, setOrigin] = useState('CN');
  const [floor, setFloor] = useState('');
  const [power, setPower] = useState('');
  const [landUse, setLandUse] = useState('');
  const [fitOut, setFitOut] = useState('');
  const [special, setSpecial] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    try {
      await createProspect(district, {
        name: name.trim(),
        industry: industry.trim(),
        originCountry: origin.trim().toUpperCase(),
        plannedInvestmentFen: null,
        needFloorAreaSqm: whole(floor),
        needPowerKva: whole(power),
        needLandUse: (landUse || null) as LandUse | null,
        needFitOut: (fitOut || null) as FitOut | null,
        specialNeeds: special.trim() || null,
      });
      setMessage({ ok: true, text: t('deskInvest.newProspect.created', { name }) });
      setName('');
      setIndustry('');
      onCreated();
    } catch (error) {
      setMessage({ ok: false, text: error instanceof ApiError ? error.message : String(error) });
    }
  };

  return (
    <details className="panel">
      <summary>{t('deskInvest.newProspect.title')}</summary>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="prospect-name"
          label={t('deskInvest.newProspect.name')}
          value={name}
          onChange={setName}
        />
        <TextField
          id="prospect-industry"
          label={t('deskInvest.newProspect.industry')}
          value={industry}
          onChange={setIndustry}
        />
        <TextField
          id="prospect-origin"
          label={t('deskInvest.newProspect.origin')}
          hint={t('deskInvest.newProspect.originHint')}
          value={origin}
          onChange={setOrigin}
          isShort
          maxLength={2}
        />
        <TextField
          id="prospect-floor"
          label={t('deskInvest.newProspect.floor')}
          value={floor}
          onChange={setFloor}
          isShort
          inputMode="numeric"
        />
        <TextField
          id="prospect-power"
          label={t('deskInvest.newProspect.power')}
          value={power}
          onChange={setPower}
          isShort
          inputMode="numeric"
        />
        <Select
          id="prospect-land-use"
          label={t('deskInvest.newProspect.landUse')}
          value={landUse}
          onChange={setLandUse}
          options={LAND_USES.map((v) => [v, t(`deskInvest.landUse.${v}`)])}
        />
        <Select
          id="prospect-fit-out"
          label={t('deskInvest.newProspect.fitOut')}
          value={fitOut}
          onChange={setFitOut}
          options={FIT_OUTS.map((v) => [v, t(`deskInvest.fitOut.${v}`)])}
        />
        <TextField
          id="prospect-special"
          label={t('deskInvest.newProspect.special')}
          value={special}
          onChange={setSpecial}
        />
        <button type="submit" className="button">
          {t('deskInvest.newProspect.submit')}
        </button>
        <div aria-live="polite">
          {message && (
            <p
              className={message.ok ? 'notice notice--success' : 'notice notice--error'}
              role={message.ok ? 'status' : 'alert'}
            >
              {message.text}
            </p>
          )}
        </div>
      </form>
    </details>
  );
}

function Select({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  options: [string, string][];
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="field__select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('deskInvest.newProspect.unknown')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
