import nodemailer from 'nodemailer';
import pino, { type Logger } from 'pino';
import type { AppConfig } from '../../platform/config.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobContext } from '../../platform/jobs/job-runner.ts';
import {
  absoluteLink,
  composeConfirmationMail,
  composeNotificationMail,
  type ComposedMail,
} from './notification-mail.ts';
import { findNotificationForMail, setEmailStatus } from './notifications.repository.ts';
import { issueConfirmationToken } from './notification-settings.service.ts';
import { EMAIL_MAX_ATTEMPTS, NOTIFICATION_EMAIL_QUEUE } from './notify.ts';

/** What a job of the e-mail queue carries: ids only, never the text or the address. */
export type EmailJobPayload =
  { type: 'notification'; notificationId: string } | { type: 'confirm-email'; userId: string };

interface Mailer {
  send(to: string, mail: ComposedMail): Promise<void>;
}

/** An SMTP mailer for the configured relay, or undefined when none is configured (the demo). */
function createMailer(config: AppConfig): Mailer | undefined {
  if (!config.smtpUrl || !config.mailFrom) return undefined;
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const from = config.mailFrom;
  return {
    async send(to, mail) {
      await transport.sendMail({
        from,
        to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
  };
}

/** The link a confirmation e-mail carries (the settings page confirms the token on open). */
export function confirmationUrl(publicUrl: string, token: string): string {
  return absoluteLink(publicUrl, `/me/notification-settings?confirm=${encodeURIComponent(token)}`);
}

async function sendNotificationMail(
  deps: AppDeps,
  mailer: Mailer | undefined,
  logger: Logger,
  notificationId: string,
  context: JobContext,
): Promise<void> {
  const { db } = deps.database;
  const row = await findNotificationForMail(db, notificationId);
  if (!row || row.emailStatus === 'sent') return;
  // Settings may have changed since the job was queued: no mail to a withdrawn address.
  if (!row.email || row.emailEnabled !== 1 || !row.emailConfirmedAt) {
    await setEmailStatus(db, row.id, 'none');
    return;
  }
  // No personal data in the log: ids and the kind only, never the text or the address.
  const logged = { notificationId: row.id, userId: row.userId, kind: row.kind, objectType: row.objectType };
  if (!mailer) {
    logger.info(logged, 'notification e-mail not sent: SMTP is not configured (TONGBAN_SMTP_URL)');
    await setEmailStatus(db, row.id, 'not_configured');
    return;
  }
  const mail = composeNotificationMail(row, row.language ?? 'zh-CN', deps.config.publicUrl);
  try {
    await mailer.send(row.email, mail);
  } catch (error) {
    if (context.attempt >= EMAIL_MAX_ATTEMPTS) {
      await setEmailStatus(db, row.id, 'failed');
      logger.error(
        { ...logged, attempt: context.attempt, err: error },
        'notification e-mail failed for good',
      );
    }
    throw error;
  }
  await setEmailStatus(db, row.id, 'sent');
  logger.info(logged, 'notification e-mail sent');
}

async function sendConfirmationMail(
  deps: AppDeps,
  mailer: Mailer | undefined,
  logger: Logger,
  userId: string,
  context: JobContext,
): Promise<void> {
  if (!mailer) {
    logger.info({ userId }, 'confirmation e-mail not sent: SMTP is not configured (TONGBAN_SMTP_URL)');
    return;
  }
  // A fresh token per attempt; only its hash is stored, and only the e-mail carries it.
  const issued = await issueConfirmationToken(deps.database.db, userId);
  if (!issued) return;
  try {
    await mailer.send(
      issued.email,
      composeConfirmationMail(issued.language, confirmationUrl(deps.config.publicUrl, issued.token)),
    );
  } catch (error) {
    if (context.attempt >= EMAIL_MAX_ATTEMPTS) {
      logger.error({ userId, attempt: context.attempt, err: error }, 'confirmation e-mail failed for good');
    }
    throw error;
  }
  logger.info({ userId }, 'confirmation e-mail sent');
}

/** Registers the e-mail queue's handler: SMTP when configured, otherwise a log line only. */
export function registerNotificationsJobs(deps: AppDeps): void {
  const logger = pino({ level: deps.config.logLevel }).child({ module: 'notifications' });
  const mailer = createMailer(deps.config);
  deps.jobs.register(NOTIFICATION_EMAIL_QUEUE, async (payload, context) => {
    const job = payload as EmailJobPayload;
    if (job.type === 'notification') {
      await sendNotificationMail(deps, mailer, logger, job.notificationId, context);
    } else if (job.type === 'confirm-email') {
      await sendConfirmationMail(deps, mailer, logger, job.userId, context);
    } else {
      logger.error({ jobId: context.jobId }, 'unknown e-mail job');
    }
  });
}
