/**
 * The API key of the demo department server, used by a demo city when TONGBAN_DEPARTMENT_API_KEY
 * is not set. DEMO ONLY: it is public (it is in this file); a real city sets its own key.
 */
export const DEMO_DEPARTMENT_API_KEY = 'demo-only-department-key';
