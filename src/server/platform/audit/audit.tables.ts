export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  actorOfficeId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  subjectPersonId: string | null;
  subjectEnterpriseId: string | null;
  /** JSON array of field names read or written. */
  fields: string | null;
  purpose: string | null;
  requestId: string | null;
  /** JSON object with anything else worth keeping. */
  details: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  lastSeq: number;
  lastHash: string;
}
