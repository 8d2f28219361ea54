/**
 * Which service manager (店小二) looks after which enterprise. One active row per enterprise
 * (`endedAt` null); a reassignment ends the old row and adds a new one, so the history stays.
 */
export interface DeskAssignmentTable {
  id: string;
  enterpriseId: string;
  /** A staff user with the service_manager post at `officeId`. */
  managerUserId: string;
  /** The manager's office (e.g. 虹口区商务委): its office admins are the default head. */
  officeId: string;
  /** A designated head for escalation; null means the office admins of `officeId`. */
  headUserId: string | null;
  /** Copied from the enterprise at assignment, so the desk's figures group by place. */
  districtCode: string;
  streetCode: string | null;
  /** How the enterprise reaches its manager. */
  contactPhone: string;
  contactEmail: string | null;
  officeAddress: string | null;
  assignedAt: string;
  assignedByUserId: string | null;
  endedAt: string | null;
}
