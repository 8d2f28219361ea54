// Typed calls for each API route the web app uses.
import { api } from './client.ts';
import type { DataAccessList, DistrictList, Me, RegistrationInput, SessionList } from './types.ts';

export const getMe = () => api.get<Me>('/api/v1/me');
export const login = (username: string, password: string) =>
  api.post<Me>('/api/v1/auth/login', { username, password });
export const logout = () => api.post<void>('/api/v1/auth/logout');
export const register = (input: RegistrationInput) => api.post<Me>('/api/v1/auth/register', input);
export const listSessions = () => api.get<SessionList>('/api/v1/me/sessions');
export const revokeSession = (id: string) => api.delete(`/api/v1/me/sessions/${encodeURIComponent(id)}`);
export const listDataAccess = () => api.get<DataAccessList>('/api/v1/me/data-access');
export const listDistricts = () => api.get<DistrictList>('/api/v1/reference/districts');
