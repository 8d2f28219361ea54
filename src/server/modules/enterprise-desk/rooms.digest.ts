// The daily room digest: every day at 18:00 Shanghai time a durable job queues one job per room
// member (dedupe key: member and day); each member's job writes the member's digest row for the
// day (unique per member and day) and, when something moved today or a task is due tomorrow,
// one notification through notify() in the same transaction. A rerun, a retried job or a second
// process finds the row and sends nothing.
import { uuidv7 } from 'uuidv7';
import { shanghaiDate } from '../../platform/calendar/working-days.ts';
import { nowIso, type Db } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { userDisplayNames } from '../identity/applicants.service.ts';
import { notify } from '../notifications/notify.ts';

export const ROOM_DIGEST_DAY_QUEUE = 'desk.rooms.digest-day';
export const ROOM_DIGEST_MEMBER_QUEUE = 'desk.rooms.digest-member';
const DAY_MS = 86_400_000;
// 18:00 in Shanghai is 10:00 UTC the same day.
const DIGEST_UTC_HOUR = 10;
const MAX_LINES = 30;

/** The next Shanghai date after `date` (YYYY-MM-DD). */
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Queues the digest run at the next 18:00 Shanghai time after `after` (once per day). */
export async function scheduleRoomDigest(jobs: JobRunner, after = new Date()): Promise<string> {
  const day = Math.floor(after.getTime() / DAY_MS) * DAY_MS;
  let runAt = new Date(day + DIGEST_UTC_HOUR * 3_600_000);
  if (runAt.getTime() <= after.getTime()) runAt = new Date(runAt.getTime() + DAY_MS);
  const date = shanghaiDate(runAt);
  return jobs.enqueue(
    ROOM_DIGEST_DAY_QUEUE,
    { date, runAt: runAt.toISOString() },
    { runAt, dedupeKey: `${ROOM_DIGEST_DAY_QUEUE}:${date}` },
  );
}

/** Queues one digest job per active room member for the Shanghai day `date`; returns how many. */
export async function queueMemberDigests(db: Db, jobs: JobRunner, date: string): Promise<number> {
  const members = await db
    .selectFrom('deskRoomMembers')
    .select('userId')
    .distinct()
    .where('removedAt', 'is', null)
    .execute();
  for (const { userId } of members) {
    await jobs.enqueue(
      ROOM_DIGEST_MEMBER_QUEUE,
      { userId, date },
      { dedupeKey: `${ROOM_DIGEST_MEMBER_QUEUE}:${userId}:${date}` },
    );
  }
  return members.length;
}

export type DigestOutcome = 'sent' | 'nothing' | 'already';

/**
 * One member's digest of one Shanghai day: what moved today in their rooms and which open
 * tasks are due tomorrow. Sent at most once per member and day.
 */
export async function sendMemberDigest(
  db: Db,
  jobs: JobRunner,
  userId: string,
  date: string,
): Promise<DigestOutcome> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('deskRoomDigests')
      .select('id')
      .where('userId', '=', userId)
      .where('digestDate', '=', date)
      .executeTakeFirst();
    if (existing) return 'already';
    const rooms = await trx
      .selectFrom('deskRooms as r')
      .innerJoin('deskRoomMembers as m', 'm.roomId', 'r.id')
      .select(['r.id', 'r.title'])
      .where('m.userId', '=', userId)
      .where('m.removedAt', 'is', null)
      .orderBy('r.title')
      .execute();
    const roomIds = rooms.map((room) => room.id);
    const dayStart = new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
    const dayEnd = new Date(Date.parse(dayStart) + DAY_MS).toISOString();
    const moved = roomIds.length
      ? await trx
          .selectFrom('deskRoomActivity')
          .select(['roomId', 'kind'])
          .where('roomId', 'in', roomIds)
          .where('createdAt', '>=', dayStart)
          .where('createdAt', '<', dayEnd)
          .execute()
      : [];
    const due = roomIds.length
      ? await trx
          .selectFrom('deskRoomTasks')
          .select(['roomId', 'title', 'ownerUserId'])
          .where('roomId', 'in', roomIds)
          .where('dueDate', '=', nextDate(date))
          .where('status', '!=', 'done')
          .orderBy('title')
          .execute()
      : [];
    const digestId = uuidv7();
    const inserted = await trx
      .insertInto('deskRoomDigests')
      .values({
        id: digestId,
        userId,
        digestDate: date,
        movedCount: moved.length,
        dueCount: due.length,
        notified: 0,
        createdAt: nowIso(),
      })
      .onConflict((oc) => oc.columns(['userId', 'digestDate']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return 'already';
    if (moved.length === 0 && due.length === 0) return 'nothing';

    const titleOf = new Map(rooms.map((room) => [room.id, room.title]));
    const owners = await userDisplayNames(
      trx,
      due.map((task) => task.ownerUserId),
    );
    const movedByRoom = new Map<string, number>();
    for (const item of moved) movedByRoom.set(item.roomId, (movedByRoom.get(item.roomId) ?? 0) + 1);
    const zh: string[] = [];
    const en: string[] = [];
    if (movedByRoom.size > 0) {
      zh.push('今日动态：');
      en.push('What moved today:');
      for (const [roomId, count] of movedByRoom) {
        zh.push(`· 「${titleOf.get(roomId)}」${count} 项更新`);
        en.push(`· “${titleOf.get(roomId)}”: ${count} update${count === 1 ? '' : 's'}`);
      }
    }
    if (due.length > 0) {
      zh.push('明日到期任务：');
      en.push('Due tomorrow:');
      for (const task of due) {
        const owner = owners.get(task.ownerUserId) ?? '';
        zh.push(`· 「${titleOf.get(task.roomId)}」${task.title}（负责人：${owner}）`);
        en.push(`· “${titleOf.get(task.roomId)}”: ${task.title} (owner: ${owner})`);
      }
    }
    const clip = (lines: string[]) => lines.slice(0, MAX_LINES).join('\n').slice(0, 3900);
    const singleRoom = new Set([...movedByRoom.keys(), ...due.map((task) => task.roomId)]);
    await notify(trx, jobs, {
      recipients: { userIds: [userId] },
      kind: 'desk.room.digest',
      title: { zh: `协调群每日摘要（${date}）`, en: `Coordination rooms: daily digest (${date})` },
      body: { zh: clip(zh), en: clip(en) },
      link: singleRoom.size === 1 ? `/desk/rooms/${[...singleRoom][0]}` : '/desk/rooms',
      object: { type: 'desk_room_digest', id: digestId },
    });
    await trx.updateTable('deskRoomDigests').set({ notified: 1 }).where('id', '=', digestId).execute();
    return 'sent';
  });
}

/** Registers the daily run and the per-member digest (called from job-handlers.ts). */
export function registerRoomDigestJobs(deps: AppDeps): void {
  deps.jobs.register(ROOM_DIGEST_DAY_QUEUE, async (payload, context) => {
    const job = (payload ?? {}) as { date?: string; runAt?: string };
    const date = job.date ?? shanghaiDate(deps.clock.now());
    await queueMemberDigests(context.db, deps.jobs, date);
    const slot = Date.parse(job.runAt ?? '');
    await scheduleRoomDigest(deps.jobs, new Date(Math.max(Date.now(), slot || 0)));
  });
  deps.jobs.register(ROOM_DIGEST_MEMBER_QUEUE, async (payload, context) => {
    const job = payload as { userId: string; date: string };
    await sendMemberDigest(context.db, deps.jobs, job.userId, job.date);
  });
}
