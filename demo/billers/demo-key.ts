/**
 * The API key of the demo billers server, used by a demo city when TONGBAN_BILLERS_API_KEY is not
 * set. DEMO ONLY: it is public (it is in this file); a real city sets the keys its utilities issue.
 */
export const DEMO_BILLERS_API_KEY = 'demo-only-billers-key';
