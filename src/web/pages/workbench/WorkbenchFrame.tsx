// What every workbench page shares: the casework check, the workbench's own navigation, the
// time-left badge, and names, dates and labels in the page's language.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import type { TimeState } from '../../api/workbench-endpoints.ts';
import type { Me } from '../../api/types.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { hasCasework, isWindowClerk, timeBadge } from './workbench-rules.ts';
import '../../styles/workbench.css';

/** Renders its children for staff with a casework post; others are told the workbench is not theirs. */
export function RequireCasework({
  children,
  clerkOnly = false,
}: {
  children: (me: Me) => ReactNode;
  clerkOnly?: boolean;
}) {
  return (
    <RequireSession>
      {(me) => ((clerkOnly ? isWindowClerk(me) : hasCasework(me)) ? children(me) : <NotForYou />)}
    </RequireSession>
  );
}

function NotForYou() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeading>{t('workbench.forbidden.title')}</PageHeading>
      <p className="lead">{t('workbench.forbidden.body')}</p>
    </div>
  );
}

/** The workbench's own links: the queue and, for window clerks, the counter. */
export function WorkbenchNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <nav className="workbench-nav" aria-label={t('workbench.subnavLabel')}>
      <ul className="workbench-nav__list">
        <li>
          <NavLink to="/workbench" end className="workbench-nav__link">
            {t('workbench.subnav.queue')}
          </NavLink>
        </li>
        {isWindowClerk(me) && (
          <li>
            <NavLink to="/workbench/counter" className="workbench-nav__link">
              {t('workbench.subnav.counter')}
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** Green ok, amber due soon, red overdue, grey paused: and always the words, not the colour alone. */
export function TimeLeftBadge({
  timeState,
  workingDaysLeft,
}: {
  timeState: TimeState | null;
  workingDaysLeft: number | null;
}) {
  const { t } = useTranslation();
  const badge = timeBadge(timeState, workingDaysLeft);
  return (
    <span className={`time-badge time-badge--${badge.tone}`}>
      <span className="time-badge__mark" aria-hidden="true" />
      {t(`workbench.time.${badge.labelKey}`, { count: badge.count })}
    </span>
  );
}

const STEP_KINDS = ['acceptance', 'review', 'decision', 'completion'] as const;
const ROLES = ['window_clerk', 'reviewer', 'approver', 'office_admin'] as const;
const CHANNELS = ['online', 'counter', 'open_api', 'terminal'] as const;

export function oneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** Names, dates and labels of the workbench in the page's language. */
export function useWorkbenchWords() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const isEnglish = language === 'en';
  const pick = (named: { nameZh: string; nameEn: string }) =>
    isEnglish && named.nameEn ? named.nameEn : named.nameZh;
  return {
    language,
    isEnglish,
    pick,
    /** A Shanghai calendar date (YYYY-MM-DD), shown as it is. */
    date: (value: string) => formatDate(`${value}T12:00:00+08:00`, language),
    dateTime: (iso: string) => formatDateTime(iso, language),
    step: (kind: string) => (oneOf(STEP_KINDS, kind) ? t(`workbench.steps.${kind}`) : kind),
    role: (role: string) => (oneOf(ROLES, role) ? t(`workbench.roles.${role}`) : role),
    channel: (channel: string) => (oneOf(CHANNELS, channel) ? t(`workbench.channels.${channel}`) : channel),
  };
}
