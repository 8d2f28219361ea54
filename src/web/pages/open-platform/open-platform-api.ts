// Typed calls of the open platform's pages (partner apps, review, the authorization page).
import type {
  Interaction,
  OpenApp,
  OpenAppInput,
  OpenAppReview,
  OpenAppSecret,
} from '../../../contracts/api/open-platform.ts';
import { api } from '../../api/client.ts';

export type { Interaction, OpenApp, OpenAppInput, OpenAppSecret };

import type zhCatalogue from '../../i18n/open-platform.zh-CN.json';

export type ScopeKey = keyof (typeof zhCatalogue)['openPlatform']['scopes'];

/** i18n key of a scope (`applications.read` → `applications_read`). */
export const scopeKey = (scope: string): ScopeKey => scope.replace(/\./g, '_') as ScopeKey;

export const getInteraction = (uid: string) =>
  api.get<Interaction>(`/api/v1/open-platform/interactions/${encodeURIComponent(uid)}`);
export const decideInteraction = (uid: string, decision: 'allow' | 'deny') =>
  api.post<{ redirectTo: string }>(`/api/v1/open-platform/interactions/${encodeURIComponent(uid)}/decision`, {
    decision,
  });

export const listMyApps = () => api.get<{ items: OpenApp[] }>('/api/v1/open-platform/apps');
export const registerApp = (input: OpenAppInput) => api.post<OpenApp>('/api/v1/open-platform/apps', input);
export const rotateSecret = (id: string) =>
  api.post<OpenAppSecret>(`/api/v1/open-platform/apps/${encodeURIComponent(id)}/secret`);

export const listAppsForReview = (status: string) =>
  api.get<{ items: OpenApp[] }>(`/api/v1/admin/open-platform/apps${status ? `?status=${status}` : ''}`);
export const reviewApp = (id: string, review: OpenAppReview) =>
  api.post<OpenApp>(`/api/v1/admin/open-platform/apps/${encodeURIComponent(id)}/review`, review);
export const rotateSigningKey = () =>
  api.post<{ keyId: string; retiredKeyIds: string[] }>('/api/v1/admin/open-platform/signing-keys/rotate');
