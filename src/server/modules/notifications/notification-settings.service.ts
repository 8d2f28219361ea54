import { createHash, randomBytes } from 'node:crypto';
import type {
  MailLanguage,
  NotificationSettings,
  NotificationSettingsInput,
} from '../../../contracts/api/notifications.ts';
import type { Principal } from '../../platform/auth/access.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { findSettings, setConfirmToken, updateSettings, upsertSettings } from './notifications.repository.ts';
import { EMAIL_MAX_ATTEMPTS, NOTIFICATION_EMAIL_QUEUE } from './notify.ts';

const CONFIRMATION_TTL_MS = 48 * 3_600_000;

const EMAIL_REQUIRED: Record<Locale, string> = {
  'zh-CN': '开启邮件通知前请填写邮箱地址',
  en: 'Enter an e-mail address to turn e-mail notifications on',
};

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The caller's own e-mail settings; defaults (no address, e-mail off) before the first save. */
export async function getNotificationSettings(
  db: Db,
  principal: Principal,
  options: { mailConfigured: boolean; locale: Locale },
): Promise<NotificationSettings> {
  const row = await findSettings(db, principal.userId);
  return {
    email: row?.email ?? null,
    emailConfirmed: Boolean(row?.email && row.emailConfirmedAt),
    emailEnabled: row?.emailEnabled === 1,
    language: row?.language ?? options.locale,
    mailConfigured: options.mailConfigured,
  };
}

/**
 * Saves the caller's own e-mail settings (audited, without the address). A new address is
 * unconfirmed until the link mailed to it is opened; saving an unconfirmed address again mails a
 * new link (at most one queued at a time).
 */
export async function saveNotificationSettings(
  db: Db,
  jobs: JobRunner,
  principal: Principal,
  input: NotificationSettingsInput,
  context: { requestId: string; locale: Locale; mailConfigured: boolean },
): Promise<NotificationSettings> {
  const email = input.email?.trim() || null;
  if (input.emailEnabled && !email) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: '/email', message: EMAIL_REQUIRED[context.locale] },
    ]);
  }
  await db.transaction().execute(async (trx) => {
    const existing = await findSettings(trx, principal.userId);
    const isEmailChanged = (existing?.email?.toLowerCase() ?? null) !== (email?.toLowerCase() ?? null);
    const keepsConfirmation = !isEmailChanged && existing !== undefined;
    const now = nowIso();
    await upsertSettings(trx, {
      userId: principal.userId,
      email,
      emailEnabled: input.emailEnabled ? 1 : 0,
      emailConfirmedAt: keepsConfirmation ? existing.emailConfirmedAt : null,
      confirmTokenHash: keepsConfirmation ? existing.confirmTokenHash : null,
      confirmTokenExpiresAt: keepsConfirmation ? existing.confirmTokenExpiresAt : null,
      language: input.language,
      updatedAt: now,
    });
    const needsConfirmation = email !== null && !(keepsConfirmation && existing.emailConfirmedAt);
    if (needsConfirmation) {
      await jobs.enqueue(
        NOTIFICATION_EMAIL_QUEUE,
        { type: 'confirm-email', userId: principal.userId },
        { maxAttempts: EMAIL_MAX_ATTEMPTS, dedupeKey: `confirm-email:${principal.userId}` },
        trx,
      );
    }
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'notifications.settings.update',
      objectType: 'user',
      objectId: principal.userId,
      subjectPersonId: principal.personId,
      requestId: context.requestId,
      details: {
        hasEmail: email !== null,
        isEmailChanged,
        emailEnabled: input.emailEnabled,
        language: input.language,
      },
    });
  });
  return getNotificationSettings(db, principal, context);
}

/** Confirms the caller's own address with the token from the confirmation e-mail. */
export async function confirmNotificationEmail(
  db: Db,
  principal: Principal,
  token: string,
  requestId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findSettings(trx, principal.userId);
    const now = nowIso();
    const isValid =
      row?.email &&
      row.confirmTokenHash !== null &&
      row.confirmTokenHash === hashToken(token) &&
      row.confirmTokenExpiresAt !== null &&
      row.confirmTokenExpiresAt > now;
    if (!isValid) throw new AppError('NOTIFICATION_CONFIRMATION_INVALID');
    await updateSettings(trx, principal.userId, {
      emailConfirmedAt: now,
      confirmTokenHash: null,
      confirmTokenExpiresAt: null,
      updatedAt: now,
    });
    await appendAudit(trx, {
      actor: { userId: principal.userId, name: principal.displayName },
      action: 'notifications.email.confirm',
      objectType: 'user',
      objectId: principal.userId,
      subjectPersonId: principal.personId,
      requestId,
    });
  });
}

/**
 * For the confirmation e-mail job: a fresh token for the user's unconfirmed address (its hash
 * replaces any earlier one). Undefined when there is nothing to confirm any more.
 */
export async function issueConfirmationToken(
  db: Db,
  userId: string,
): Promise<{ token: string; email: string; language: MailLanguage } | undefined> {
  const row = await findSettings(db, userId);
  if (!row?.email || row.emailConfirmedAt) return undefined;
  const token = randomBytes(32).toString('base64url');
  const isStored = await setConfirmToken(db, userId, row.email, {
    hash: hashToken(token),
    expiresAt: new Date(Date.now() + CONFIRMATION_TTL_MS).toISOString(),
  });
  return isStored ? { token, email: row.email, language: row.language } : undefined;
}
