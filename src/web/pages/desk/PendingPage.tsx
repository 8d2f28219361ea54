import { LoadingStatus } from '../../components/LoadingStatus.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { ResourceState } from '../../lib/use-api-resource.ts';

/**
 * What a desk page (or a part of one) shows until the data it loads (useApiResource) is there:
 * "Loading…", or the load error — under the page's heading when `title` is given. Use as
 * `if (state.status !== 'ready') return <PendingPage …/>`.
 */
export function PendingPage({
  state,
  title,
}: {
  state: Exclude<ResourceState<unknown>, { status: 'ready' }>;
  title?: string;
}) {
  if (state.status === 'loading') return <LoadingStatus />;
  return (
    <>
      {title !== undefined && <PageHeading>{title}</PageHeading>}
      <p className="notice notice--error" role="alert">
        {state.error.message}
      </p>
    </>
  );
}
