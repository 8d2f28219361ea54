import type { Db } from '../../platform/db/database.ts';
import type { SharingConsumerKind, SharingRuleTable } from './sharing.tables.ts';

/** Active rules of these consumers for this register, valid at `at`. */
export function findActiveRules(
  db: Db,
  query: { consumerKind: SharingConsumerKind; consumerRefs: string[]; register: string; at: string },
): Promise<SharingRuleTable[]> {
  return db
    .selectFrom('sharingRules')
    .selectAll()
    .where('status', '=', 'active')
    .where('consumerKind', '=', query.consumerKind)
    .where('consumerRef', 'in', query.consumerRefs)
    .where('register', '=', query.register)
    .where('validFrom', '<=', query.at)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', query.at)]))
    .execute();
}

/** Every active rule of one consumer (all registers), valid at `at`. */
export function findActiveRulesOf(
  db: Db,
  query: { consumerKind: SharingConsumerKind; consumerRef: string; at: string },
): Promise<SharingRuleTable[]> {
  return db
    .selectFrom('sharingRules')
    .selectAll()
    .where('status', '=', 'active')
    .where('consumerKind', '=', query.consumerKind)
    .where('consumerRef', '=', query.consumerRef)
    .where('validFrom', '<=', query.at)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', query.at)]))
    .execute();
}

export function findActiveConsents(
  db: Db,
  query: { personId: string; appId: string; register: string; at: string },
) {
  return db
    .selectFrom('sharingConsents')
    .selectAll()
    .where('personId', '=', query.personId)
    .where('appId', '=', query.appId)
    .where('register', '=', query.register)
    .where('revokedAt', 'is', null)
    .where('validFrom', '<=', query.at)
    .where('validTo', '>', query.at)
    .execute();
}

export const parseFields = (json: string): string[] => JSON.parse(json) as string[];
