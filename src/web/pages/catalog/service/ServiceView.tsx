import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BundleDefinition, ServiceDefinition } from '../../../../contracts/catalog.ts';
import type { BundleMember, BundleSavings, CompetentOffice } from '../../../api/catalog-types.ts';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { LazyFormPreview } from '../../../forms/LazyFormPreview.tsx';
import { formatFee, formatTrips, formatWorkingDays } from '../../../lib/catalog-format.ts';
import { itemsOf, useTopics } from '../../../lib/catalog-reference.ts';
import { localName } from '../../../lib/local-name.ts';
import { BundleMembers, BundleSavingsPanel } from './BundleSection.tsx';
import { MaterialsSection } from './MaterialsSection.tsx';
import { WhereSection } from './WhereSection.tsx';

/** What the service page shows: a published entry from the API, or a draft its author previews. */
export type ServiceViewModel = {
  code: string;
  departmentName: string | null;
  competentOffices: CompetentOffice[];
  members: BundleMember[];
  savings: BundleSavings | null;
  isDraft: boolean;
} & ({ type: 'service'; definition: ServiceDefinition } | { type: 'bundle'; definition: BundleDefinition });

/** Paragraphs of a guide, as authored (blank lines or line breaks between them). */
function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** `actions`: shown under the page's key facts (the published page's "apply online"). */
export function ServiceView({ model, actions }: { model: ServiceViewModel; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const isEnglish = language === 'en';
  const topics = itemsOf(useTopics());
  const { definition } = model;
  const name = isEnglish ? definition.nameEn : definition.nameZh;
  const guide = isEnglish ? definition.guideEn : definition.guideZh;
  const service = model.type === 'service' ? model.definition : null;
  const conditions = service ? (isEnglish ? service.conditionsEn : service.conditionsZh) : [];
  const hasHeld = service?.materials.some((m) => m.heldByGovernment) ?? false;
  const contents: [string, string][] = [
    ['guide-title', t('service.guide.title')],
    ...(model.type === 'bundle'
      ? [['members-title', t('service.bundle.membersTitle')] as [string, string]]
      : []),
    ...(model.type === 'bundle' && model.savings
      ? [['savings-title', t('service.savings.title')] as [string, string]]
      : []),
    ...(conditions.length > 0
      ? [['conditions-title', t('service.conditions.title')] as [string, string]]
      : []),
    ...(service ? [['materials-title', t('service.materials.title')] as [string, string]] : []),
    ...(hasHeld ? [['held-title', t('service.held.title')] as [string, string]] : []),
    ['where-title', t('service.where.title')],
    ['form-title', t('formPreview.title')],
    ...(service ? [['basis-title', t('service.basis.title')] as [string, string]] : []),
  ];

  return (
    <article className="service-page">
      <header className="service-header">
        <p className="service-header__department">
          {model.type === 'bundle' ? t('catalog.multiDepartment') : (model.departmentName ?? '')}
        </p>
        <PageHeading>{name}</PageHeading>
        <p className="service-header__badges">
          {model.type === 'bundle' ? (
            <span className="badge badge--bundle">{t('catalog.bundleBadge')}</span>
          ) : (
            <span className="badge">{t(`catalog.kinds.${model.definition.kind}`)}</span>
          )}
          <span className="badge badge--plain">{t(`catalog.subjects.${definition.subject}`)}</span>
          <span className="service-header__code">{t('service.code', { code: model.code })}</span>
        </p>
      </header>

      {service && (
        <dl className="key-facts" aria-label={t('service.keyFacts')}>
          <div className="key-facts__item">
            <dt>{t('catalog.facts.promised')}</dt>
            <dd>{formatWorkingDays(service.promisedTimeLimitDays, t)}</dd>
          </div>
          <div className="key-facts__item">
            <dt>{t('catalog.facts.legal')}</dt>
            <dd>{formatWorkingDays(service.legalTimeLimitDays, t)}</dd>
          </div>
          <div className="key-facts__item">
            <dt>{t('catalog.facts.fee')}</dt>
            <dd>
              {formatFee(service.feeFen, language, t)}
              {service.feeNoteZh && (
                <span className="key-facts__note" lang="zh-CN">
                  {service.feeNoteZh}
                </span>
              )}
            </dd>
          </div>
          <div className="key-facts__item">
            <dt>{t('catalog.facts.trips')}</dt>
            <dd>{formatTrips(service.tripsNeeded, t)}</dd>
          </div>
        </dl>
      )}

      {actions}

      <div className="service-layout">
        <nav className="service-contents" aria-labelledby="contents-title">
          <h2 className="service-contents__title" id="contents-title">
            {t('service.contents')}
          </h2>
          <ul className="service-contents__list">
            {contents.map(([id, title]) => (
              <li key={id}>
                <a href={`#${id}`}>{title}</a>
              </li>
            ))}
          </ul>
        </nav>
        <div className="service-layout__main">
          <section className="service-section" aria-labelledby="guide-title">
            <h2 id="guide-title">{t('service.guide.title')}</h2>
            {paragraphs(guide).map((paragraph, index) => (
              <p key={index} className="service-guide">
                {paragraph}
              </p>
            ))}
            {/* Shown once the topic names are loaded, never as raw codes. */}
            {definition.topics.length > 0 && topics.length > 0 && (
              <p className="topic-tags">
                <span className="topic-tags__label">{t('service.guide.topics')}</span>
                {definition.topics.flatMap((code) => {
                  const topic = topics.find((item) => item.code === code);
                  return topic
                    ? [
                        <Link key={code} className="topic-tag" to={`/services?topic=${code}`}>
                          {localName(topic, language)}
                        </Link>,
                      ]
                    : [];
                })}
              </p>
            )}
          </section>

          {model.type === 'bundle' && <BundleMembers members={model.members} />}
          {model.type === 'bundle' && model.savings && <BundleSavingsPanel savings={model.savings} />}

          {conditions.length > 0 && (
            <section className="service-section" aria-labelledby="conditions-title">
              <h2 id="conditions-title">{t('service.conditions.title')}</h2>
              <ul className="condition-list">
                {conditions.map((condition, index) => (
                  <li key={index}>{condition}</li>
                ))}
              </ul>
            </section>
          )}

          {service && <MaterialsSection materials={service.materials} />}

          <WhereSection
            channels={service ? service.channels : ['online']}
            scope={service ? service.handlingScope : null}
            provinces={service?.provinces ?? []}
            offices={model.competentOffices}
            isDraft={model.isDraft}
          />

          <section className="service-section" aria-labelledby="form-title">
            <h2 id="form-title">{t('formPreview.title')}</h2>
            <p>{t('formPreview.intro')}</p>
            <LazyFormPreview
              schema={definition.form.schema}
              ui={definition.form.ui}
              idPrefix="form-preview"
            />
          </section>

          {service && (
            <section className="service-section" aria-labelledby="basis-title">
              <h2 id="basis-title">{t('service.basis.title')}</h2>
              {isEnglish && <p className="field__hint">{t('service.basis.chineseOnly')}</p>}
              <p lang="zh-CN">{service.legalBasisZh}</p>
            </section>
          )}
        </div>
      </div>
    </article>
  );
}
