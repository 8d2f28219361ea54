import type { ModuleErrorTable } from '../../platform/module-errors.ts';

/** The certificates module's error codes (documented in docs/errors/certificates.md). */
export const certificateErrors = {
  CERTIFICATE_NOT_FOUND: {
    status: 404,
    'zh-CN': '找不到该电子证照。',
    en: 'Certificate not found.',
  },
  CERTIFICATE_ALREADY_REVOKED: {
    status: 409,
    'zh-CN': '该电子证照已于 {{revokedAt}} 注销。',
    en: 'This certificate was already revoked on {{revokedAt}}.',
  },
} satisfies ModuleErrorTable;
