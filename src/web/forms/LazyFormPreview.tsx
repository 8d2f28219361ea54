import { Suspense, lazy } from 'react';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

// The form preview brings ajv and its formats: load them with the first form on screen, not
// with the home page.
const FormPreview = lazy(() =>
  import('./FormPreview.tsx').then((module) => ({ default: module.FormPreview })),
);

export function LazyFormPreview(props: ComponentProps<typeof FormPreview>) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <p className="status-message" role="status">
          {t('common.loading')}
        </p>
      }
    >
      <FormPreview {...props} />
    </Suspense>
  );
}
