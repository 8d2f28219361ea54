import type { ReactNode } from 'react';
import type { ResourceState } from '../lib/use-api-resource.ts';
import { LoadingStatus } from './LoadingStatus.tsx';

/**
 * What a component shows of what it loads (useApiResource): loading, the load error, or what
 * `children` makes of the data once it is there. `notFound`, when given, stands instead of the
 * error when the server says 404 (a page of something that does not exist).
 */
export function ResourceStatus<T>(props: {
  state: ResourceState<T>;
  notFound?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { state, notFound } = props;
  if (state.status === 'loading') return <LoadingStatus />;
  if (state.status === 'failed') {
    if (notFound !== undefined && state.error.status === 404) return notFound;
    return (
      <p className="notice notice--error" role="alert">
        {state.error.message}
      </p>
    );
  }
  return props.children(state.data);
}
