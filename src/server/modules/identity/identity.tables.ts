export type UserKind = 'resident' | 'staff' | 'admin';
export type StaffRole =
  'window_clerk' | 'reviewer' | 'approver' | 'office_admin' | 'service_manager' | 'operator';
export type EnterpriseRole = 'legal_rep' | 'agent';

export interface PersonTable {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
  districtCode: string | null;
  streetCode: string | null;
  address: string | null;
  verifiedAt: string | null;
  createdAt: string;
}

export interface EnterpriseTable {
  id: string;
  name: string;
  uscc: string;
  legalRepPersonId: string | null;
  districtCode: string | null;
  streetCode: string | null;
  address: string | null;
  createdAt: string;
}

export interface EnterpriseLinkTable {
  id: string;
  enterpriseId: string;
  personId: string;
  role: EnterpriseRole;
  validFrom: string;
  expiresAt: string | null;
  grantedByUserId: string | null;
  revokedAt: string | null;
  createdAt: string;
}

export interface UserTable {
  id: string;
  username: string;
  passwordHash: string;
  kind: UserKind;
  personId: string | null;
  displayName: string;
  failedLoginCount: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  disabledAt: string | null;
  createdAt: string;
}

export interface StaffRoleTable {
  id: string;
  userId: string;
  officeId: string;
  role: StaffRole;
  createdAt: string;
}

export interface SessionTable {
  id: string;
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  userAgent: string | null;
  ip: string | null;
}
