// Typed calls for the catalogue routes: the public front door and authoring.
import { api } from './client.ts';
import type {
  AuthoringEntry,
  AuthoringListItem,
  Definition,
  DefinitionProblem,
  Department,
  EntryType,
  SavedDraft,
  ServiceDetail,
  ServiceSearchQuery,
  ServiceSearchResult,
  Suggestion,
  Synonym,
  TopicItem,
} from './catalog-types.ts';

const segment = encodeURIComponent;

function queryString(query: ServiceSearchQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const searchServices = (query: ServiceSearchQuery) =>
  api.get<ServiceSearchResult>(`/api/v1/services${queryString(query)}`);
export const suggestServices = (q: string, limit = 10) =>
  api.get<{ items: Suggestion[] }>(`/api/v1/services/suggest${queryString({ q, limit })}`);
export const getService = (idOrCode: string) =>
  api.get<ServiceDetail>(`/api/v1/services/${segment(idOrCode)}`);
export const listTopics = () => api.get<{ items: TopicItem[] }>('/api/v1/topics');
export const listDepartments = () => api.get<{ items: Department[] }>('/api/v1/reference/departments');

export const listAuthoring = () => api.get<{ items: AuthoringListItem[] }>('/api/v1/admin/catalog');
export const getAuthoringEntry = (id: string) =>
  api.get<AuthoringEntry>(`/api/v1/admin/catalog/${segment(id)}`);
export const validateDefinition = (entryType: EntryType, definition: Definition) =>
  api.post<{ errors: DefinitionProblem[] }>('/api/v1/admin/catalog/validate', { entryType, definition });
export const createDraft = (entryType: EntryType, definition: Definition) =>
  api.post<SavedDraft>('/api/v1/admin/catalog', { entryType, definition });
export const saveDraft = (id: string, definition: Definition) =>
  api.put<SavedDraft>(`/api/v1/admin/catalog/${segment(id)}/draft`, { definition });
export const publishEntry = (id: string) =>
  api.post<{ versionId: string; version: number }>(`/api/v1/admin/catalog/${segment(id)}/publish`, {});
export const retireEntry = (id: string) => api.post<void>(`/api/v1/admin/catalog/${segment(id)}/retire`);

export const setDepartment = (code: string, body: Omit<Department, 'code'>) =>
  api.put<void>(`/api/v1/admin/departments/${segment(code)}`, body);
export const setTopic = (code: string, body: { nameZh: string; nameEn: string; sortOrder: number }) =>
  api.put<void>(`/api/v1/admin/topics/${segment(code)}`, body);

export const listSynonyms = () => api.get<{ items: Synonym[] }>('/api/v1/admin/synonyms');
export const setSynonym = (term: string, expandsTo: string[]) =>
  api.put<void>(`/api/v1/admin/synonyms/${segment(term)}`, { expandsTo });
