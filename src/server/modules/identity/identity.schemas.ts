import { Type } from 'typebox';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const RegisterBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }),
    password: Type.String({ minLength: 10, maxLength: 256 }),
    name: Type.String({ minLength: 2, maxLength: 40 }),
    idNumber: Type.String({ format: 'cn-id-number' }),
    phone: Type.String({ format: 'cn-mobile' }),
  },
  { additionalProperties: false },
);

const EnterpriseRoleSchema = Type.Union([Type.Literal('legal_rep'), Type.Literal('agent')]);
const StaffRoleSchema = Type.Union([
  Type.Literal('window_clerk'),
  Type.Literal('reviewer'),
  Type.Literal('approver'),
  Type.Literal('office_admin'),
  Type.Literal('service_manager'),
  Type.Literal('operator'),
]);

export const MeSchema = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    kind: Type.Union([Type.Literal('resident'), Type.Literal('staff'), Type.Literal('admin')]),
    displayName: Type.String(),
  }),
  person: Type.Union([
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      idNumberMasked: Type.String(),
      phoneMasked: NullableString,
      districtCode: NullableString,
      districtName: NullableString,
      districtNameEn: NullableString,
      streetName: NullableString,
      streetNameEn: NullableString,
      address: NullableString,
      verifiedAt: NullableString,
    }),
    Type.Null(),
  ]),
  enterprises: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      uscc: Type.String(),
      role: EnterpriseRoleSchema,
      expiresAt: NullableString,
    }),
  ),
  staff: Type.Array(
    Type.Object({
      officeId: Type.String(),
      officeName: Type.String(),
      officeNameEn: Type.String(),
      departmentCode: Type.String(),
      departmentName: Type.String(),
      departmentNameEn: Type.String(),
      districtName: NullableString,
      districtNameEn: NullableString,
      streetName: NullableString,
      streetNameEn: NullableString,
      role: StaffRoleSchema,
    }),
  ),
  isAdmin: Type.Boolean(),
  csrfToken: Type.String(),
});

export const SessionsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      createdAt: Type.String(),
      lastSeenAt: Type.String(),
      expiresAt: Type.String(),
      userAgent: NullableString,
      ip: NullableString,
      isCurrent: Type.Boolean(),
    }),
  ),
});

export const DataAccessSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.String(),
      actorName: NullableString,
      officeName: NullableString,
      officeNameEn: NullableString,
      action: Type.String(),
      purpose: NullableString,
      fields: Type.Array(Type.String()),
    }),
  ),
  total: Type.Integer(),
});

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const EnterpriseSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  uscc: Type.String(),
  districtCode: NullableString,
  address: NullableString,
  myRole: EnterpriseRoleSchema,
});

export const MembersSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      linkId: Type.String(),
      personName: Type.String(),
      idNumberMasked: Type.String(),
      role: EnterpriseRoleSchema,
      validFrom: Type.String(),
      expiresAt: NullableString,
      isActive: Type.Boolean(),
    }),
  ),
});

export const GrantAgentBody = Type.Object(
  {
    idNumber: Type.String({ format: 'cn-id-number' }),
    name: Type.String({ minLength: 2, maxLength: 40 }),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const PersonSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
  phone: NullableString,
  districtCode: NullableString,
  streetCode: NullableString,
  address: NullableString,
  verifiedAt: NullableString,
});

export const ErrorSchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
    requestId: Type.Optional(Type.String()),
  }),
});
