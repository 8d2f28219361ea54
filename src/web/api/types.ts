// Shapes of the JSON the server returns (camelCase), as the web app uses them.

export type UserKind = 'resident' | 'staff' | 'admin';
export type EnterpriseRole = 'legal_rep' | 'agent';

export interface MeUser {
  id: string;
  username: string;
  kind: UserKind;
  displayName: string;
}

export interface MePerson {
  id: string;
  name: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  districtCode: string | null;
  districtName: string | null;
  districtNameEn: string | null;
  streetName: string | null;
  streetNameEn: string | null;
  address: string | null;
  verifiedAt: string | null;
}

export interface MeEnterprise {
  id: string;
  name: string;
  uscc: string;
  role: EnterpriseRole;
  expiresAt: string | null;
}

export interface MeStaffPost {
  officeId: string;
  officeName: string;
  officeNameEn: string;
  departmentCode: string;
  departmentName: string;
  departmentNameEn: string;
  districtName: string | null;
  districtNameEn: string | null;
  streetName: string | null;
  streetNameEn: string | null;
  role: string;
}

export interface Me {
  user: MeUser;
  person: MePerson | null;
  enterprises: MeEnterprise[];
  staff: MeStaffPost[];
  isAdmin: boolean;
  csrfToken: string;
}

export interface SessionItem {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
  isCurrent: boolean;
}

export interface SessionList {
  items: SessionItem[];
}

export interface DataAccessItem {
  id: string;
  at: string;
  actorName: string | null;
  officeName: string | null;
  officeNameEn: string | null;
  action: string;
  purpose: string | null;
  fields: string[];
}

export interface DataAccessList {
  items: DataAccessItem[];
  total: number;
}

export interface Street {
  code: string;
  nameZh: string;
  nameEn: string;
  kind: 'street' | 'town';
}

export interface District {
  code: string;
  nameZh: string;
  nameEn: string;
  streets: Street[];
}

export interface DistrictList {
  items: District[];
}

export interface RegistrationInput {
  username: string;
  password: string;
  name: string;
  idNumber: string;
  phone: string;
}

/** A validation problem the server reports: `path` is a JSON pointer into the request body. */
export interface ValidationDetail {
  path: string;
  message: string;
}
