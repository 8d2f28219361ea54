import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { ServiceDefinition } from '../../../contracts/catalog.ts';
import { getService } from '../../api/catalog-endpoints.ts';
import type { ServiceDetail } from '../../api/catalog-types.ts';
import type { Me } from '../../api/types.ts';
import { ChoiceGroup } from '../../components/ChoiceFields.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { RequireSession } from '../../components/RequireSession.tsx';
import { localName } from '../../lib/local-name.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { dataOf, useLatestResource } from '../../lib/use-latest-resource.ts';
import { applicantOptions, canApplyOnline, type ApplicantOption } from './apply-rules.ts';
import { ApplyForm } from './ApplyForm.tsx';
import { yuan } from '../payments/payment-words.ts';
import './applications.css';

/** `/services/:idOrCode/apply`: file an application for a service or bundle (网上申请). */
export function ApplyPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('applications.apply.documentTitle'));
  return <RequireSession>{(me) => <Apply me={me} />}</RequireSession>;
}

function Apply({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const { idOrCode = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useLatestResource(idOrCode, () => getService(idOrCode));
  const detail = dataOf(state);
  const isCurrent = detail !== null && (detail.id === idOrCode || detail.code === idOrCode);
  const name = detail && isCurrent ? localName(detail, language) : '';
  useDocumentTitle(name ? t('applications.apply.title', { name }) : t('applications.apply.documentTitle'));

  if (state.status === 'failed') {
    return (
      <div className="narrow">
        <PageHeading>{t('applications.apply.loadFailed')}</PageHeading>
        <p className="lead">{state.error.message}</p>
        <p>
          <Link to="/services">{t('service.notFound.search')}</Link>
        </p>
      </div>
    );
  }
  if (!detail || !isCurrent) {
    return (
      <p className="status-message" role="status">
        {t('common.loading')}
      </p>
    );
  }

  const breadcrumbs = (
    <nav className="breadcrumbs" aria-label={t('service.breadcrumbs')}>
      <ol>
        <li>
          <Link to="/services">{t('layout.nav.services')}</Link>
        </li>
        <li>
          <Link to={`/services/${detail.code}`}>{name}</Link>
        </li>
      </ol>
    </nav>
  );

  if (!canApplyOnline(detail)) {
    return (
      <>
        {breadcrumbs}
        <PageHeading>{t('applications.apply.title', { name })}</PageHeading>
        <p className="notice notice--warning">{t('applications.apply.notOnline')}</p>
        <p>
          <Link to={`/services/${detail.code}`}>{t('applications.apply.backToGuide')}</Link>
        </p>
      </>
    );
  }

  const options = applicantOptions(
    me,
    detail.definition.subject,
    t('applications.apply.forSelf', { name: me.person?.name ?? me.user.displayName }),
    (enterprise) => t('applications.apply.forEnterprise', { name: enterprise }),
  );
  const requested = searchParams.get('for');
  const chosen = options.length === 1 ? options[0] : options.find((option) => option.value === requested);

  return (
    <>
      {breadcrumbs}
      <PageHeading>{t('applications.apply.title', { name })}</PageHeading>
      {options.length === 0 ? (
        <p className="notice notice--warning">
          {detail.definition.subject === 'enterprise'
            ? t('applications.apply.needsEnterprise')
            : t('applications.apply.needsPerson')}
        </p>
      ) : chosen ? (
        <>
          <p className="lead apply-for">
            {t('applications.apply.applyingAs', { who: chosen.label })}
            {options.length > 1 && (
              <>
                {' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setSearchParams({}, { replace: false })}
                >
                  {t('applications.apply.changeApplicant')}
                </button>
              </>
            )}
          </p>
          <GuideSummary service={detail} />
          <ApplyForm
            key={`${detail.id}:${chosen.value}`}
            service={detail}
            enterpriseId={chosen.value === 'self' ? undefined : chosen.value}
            me={me}
          />
        </>
      ) : (
        <ApplicantChoice
          options={options}
          initial={requested}
          onChoose={(value) => setSearchParams({ for: value })}
        />
      )}
    </>
  );
}

/** The guide in brief: its first paragraph, the promise, and the way to the full guide. */
function GuideSummary({ service }: { service: ServiceDetail }) {
  const { t, i18n } = useTranslation();
  const isEnglish = i18n.resolvedLanguage === 'en';
  const guide = isEnglish ? service.definition.guideEn : service.definition.guideZh;
  const firstParagraph = guide.split(/\n+/).find((line) => line.trim()) ?? '';
  return (
    <section className="apply-guide" aria-labelledby="apply-guide-title">
      <h2 className="apply-guide__title" id="apply-guide-title">
        {t('applications.apply.guideTitle')}
      </h2>
      <p>{firstParagraph}</p>
      {service.type === 'service' && (
        <p className="apply-guide__facts">
          {t('applications.apply.guideFacts', {
            days: service.definition.promisedTimeLimitDays,
            trips: service.definition.tripsNeeded,
          })}
        </p>
      )}
      {service.type === 'service' && (service.definition as ServiceDefinition).feeFen > 0 && (
        <p className="apply-guide__facts">
          {t('payments.fee.applyNote', { amount: yuan((service.definition as ServiceDefinition).feeFen) })}
        </p>
      )}
      <p>
        <Link to={`/services/${service.code}`}>{t('applications.apply.guideLink')}</Link>
      </p>
    </section>
  );
}

function ApplicantChoice({
  options,
  initial,
  onChoose,
}: {
  options: ApplicantOption[];
  initial: string | null;
  onChoose(value: string): void;
}) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string>(initial ?? '');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="form apply-choice"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!selected) {
          setError(t('applications.apply.chooseApplicantError'));
          document.getElementById(`applicant-${options[0]?.value ?? ''}`)?.focus();
          return;
        }
        onChoose(selected);
      }}
    >
      <ChoiceGroup
        id="applicant"
        type="radio"
        label={t('applications.apply.chooseApplicant')}
        hint={t('applications.apply.chooseApplicantHint')}
        options={options}
        selected={selected ? [selected] : []}
        onChange={(values) => {
          setSelected(values[0] ?? '');
          setError(undefined);
        }}
        error={error}
      />
      <button type="submit" className="button button--primary">
        {t('applications.apply.continue')}
      </button>
    </form>
  );
}
