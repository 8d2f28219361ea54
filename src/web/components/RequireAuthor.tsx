import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../api/types.ts';
import { canAuthor, isPlatformAdmin } from '../lib/authoring.ts';
import { PageHeading } from './PageHeading.tsx';
import { RequireSession } from './RequireSession.tsx';

/** Renders its children for catalogue authors (or, with `platformAdminOnly`, platform admins). */
export function RequireAuthor({
  children,
  platformAdminOnly = false,
}: {
  children: (me: Me) => ReactNode;
  platformAdminOnly?: boolean;
}) {
  return (
    <RequireSession>
      {(me) => ((platformAdminOnly ? isPlatformAdmin(me) : canAuthor(me)) ? children(me) : <NotAllowed />)}
    </RequireSession>
  );
}

function NotAllowed() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeading>{t('admin.forbidden.title')}</PageHeading>
      <p className="lead">{t('admin.forbidden.body')}</p>
    </div>
  );
}
