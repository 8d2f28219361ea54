import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  setCapacity,
  type CapacityUnit,
  type ServiceUtilisation,
} from '../../../api/facilities-endpoints.ts';

/** The weekly capacity of one service at one facility, editable in place. */
export function CapacityForm({
  facilityCode,
  service,
  onSaved,
}: {
  facilityCode: string;
  service: ServiceUtilisation;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState(String(service.weeklyCapacity));
  const [unit, setUnit] = useState<CapacityUnit>(service.unit ?? 'staff_hours');
  const [message, setMessage] = useState('');
  const id = `capacity-${facilityCode}-${service.serviceKey}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    const weeklyAmount = Number(amount);
    if (!Number.isInteger(weeklyAmount) || weeklyAmount < 0) return;
    try {
      await setCapacity(facilityCode, service.serviceKey, { unit, weeklyAmount });
      setMessage(t('facilityConsole.capacitySaved', { service: service.serviceName }));
      onSaved();
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <form className="capacity-form" onSubmit={(event) => void save(event)}>
      <label className="visually-hidden" htmlFor={id}>
        {t('facilityConsole.editCapacity', { service: service.serviceName })}
      </label>
      <input
        id={id}
        className="field__input field__input--short"
        type="number"
        min={0}
        max={10000}
        step={1}
        inputMode="numeric"
        value={amount}
        onChange={(event) => setAmount(event.target.value)}
      />
      <label className="visually-hidden" htmlFor={`${id}-unit`}>
        {t('facilityConsole.editUnit', { service: service.serviceName })}
      </label>
      <select
        id={`${id}-unit`}
        className="field__input field__select"
        value={unit}
        onChange={(event) => setUnit(event.target.value as CapacityUnit)}
      >
        <option value="staff_hours">{t('facilityConsole.unit.staff_hours')}</option>
        <option value="slots">{t('facilityConsole.unit.slots')}</option>
      </select>
      <button type="submit" className="button button--secondary">
        {t('facilityConsole.saveCapacity')}
      </button>
      <span role="status" className="visually-hidden">
        {message}
      </span>
    </form>
  );
}
