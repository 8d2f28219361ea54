// The durable jobs of the desk's rooms and projects: the daily room digest per member and the
// daily check for late project milestones.
import type { AppDeps } from '../../platform/deps.ts';
import { registerLateMilestoneJobs } from './projects.lateness.ts';
import { registerRoomDigestJobs } from './rooms.digest.ts';

/** Registers the room digest and late-milestone handlers (called from job-handlers.ts). */
export function registerDeskRoomsJobs(deps: AppDeps): void {
  registerRoomDigestJobs(deps);
  registerLateMilestoneJobs(deps);
}
