import { Type } from 'typebox';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const EnterpriseIdParams = Type.Object({ enterpriseId: Type.String({ minLength: 1, maxLength: 64 }) });

/** The service manager as the enterprise sees them: who, where, how to reach them, their head. */
export const ManagerContactSchema = Type.Object({
  managerUserId: Type.String(),
  managerName: Type.String(),
  officeId: Type.String(),
  officeNameZh: Type.String(),
  officeNameEn: Type.String(),
  phone: Type.String(),
  email: NullableString,
  officeAddress: NullableString,
  assignedAt: Type.String(),
  headName: NullableString,
});

export const ManagerAnswerSchema = Type.Object({ manager: Type.Union([ManagerContactSchema, Type.Null()]) });

export const AssignBody = Type.Object(
  {
    managerUserId: Type.String({ minLength: 1, maxLength: 64 }),
    headUserId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
    phone: Type.String({ pattern: '^[0-9+][0-9 ()+-]{4,31}$' }),
    email: Type.Optional(
      Type.Union([Type.String({ maxLength: 200, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' }), Type.Null()]),
    ),
    officeAddress: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
  },
  { additionalProperties: false },
);
