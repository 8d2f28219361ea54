import { Suspense, lazy } from 'react';
import type { ComponentProps } from 'react';
import { LoadingStatus } from '../components/LoadingStatus.tsx';

// The form preview brings ajv and its formats: load them with the first form on screen, not
// with the home page.
const FormPreview = lazy(() =>
  import('./FormPreview.tsx').then((module) => ({ default: module.FormPreview })),
);

export function LazyFormPreview(props: ComponentProps<typeof FormPreview>) {
  return (
    <Suspense fallback={<LoadingStatus />}>
      <FormPreview {...props} />
    </Suspense>
  );
}
