// Small pieces the visits, rooms and projects pages share: a labelled input of any type and
// the error text of a failed call.
import type { InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';

/** A labelled input (date, datetime-local, number, text, file) with its hint and error. */
export function InputField(
  props: {
    id: string;
    label: string;
    hint?: string | undefined;
    error?: string | undefined;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>,
) {
  const { t } = useTranslation();
  const { id, label, hint, error, className, ...input } = props;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t('common.errorPrefix')}</span>
          {error}
        </p>
      )}
      <input
        id={id}
        name={id}
        className={className ?? 'field__input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
    </div>
  );
}

/** The message to show for a failed call. */
export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError && error.message ? error.message : fallback;
}

/** Links between the desk's visits, rooms and projects pages. */
export function DeskRoomsNav() {
  const { t } = useTranslation();
  const links = [
    ['/desk', t('deskRooms.nav.workspace')],
    ['/desk/visits', t('deskVisits.title')],
    ['/desk/rooms', t('deskRooms.title')],
    ['/desk/projects', t('deskProjects.title')],
  ] as const;
  return (
    <nav aria-label={t('deskRooms.nav.label')} className="desk-rooms-nav">
      <ul>
        {links.map(([to, label]) => (
          <li key={to}>
            <NavLink to={to} end>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
