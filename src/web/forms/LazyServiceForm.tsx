import { Suspense, lazy } from 'react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

// rjsf, ajv and the formats come with the first form on screen, not with the home page.
const ServiceFormRenderer = lazy(() =>
  import('./ServiceFormRenderer.tsx').then((module) => ({ default: module.ServiceFormRenderer })),
);

/** The service form renderer (ServiceFormRenderer.tsx), loaded when first shown. */
export function LazyServiceForm(props: ComponentProps<typeof ServiceFormRenderer>) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <p className="status-message" role="status">
          {t('common.loading')}
        </p>
      }
    >
      <ServiceFormRenderer {...props} />
    </Suspense>
  );
}
