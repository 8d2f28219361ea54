import { Suspense, lazy } from 'react';
import type { ComponentProps } from 'react';
import { LoadingStatus } from '../components/LoadingStatus.tsx';

// rjsf, ajv and the formats come with the first form on screen, not with the home page.
const ServiceFormRenderer = lazy(() =>
  import('./ServiceFormRenderer.tsx').then((module) => ({ default: module.ServiceFormRenderer })),
);

/** The service form renderer (ServiceFormRenderer.tsx), loaded when first shown. */
export function LazyServiceForm(props: ComponentProps<typeof ServiceFormRenderer>) {
  return (
    <Suspense fallback={<LoadingStatus />}>
      <ServiceFormRenderer {...props} />
    </Suspense>
  );
}
