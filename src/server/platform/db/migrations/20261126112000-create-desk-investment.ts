import { sql, type Kysely } from 'kysely';
import { checkIn } from '../check-in.ts';

const LAND_USES = ['industrial', 'research', 'commercial', 'warehouse', 'mixed'];
const FIT_OUTS = ['bare', 'basic', 'full'];
const STAGES = ['lead', 'talks', 'signed', 'landed', 'operating'];

// The enterprise desk's investment pipeline (前置招商): zones, parcels, prospects with their
// requirements and stage history, and the fixed-asset investment districts report per month.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('desk_zones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('desk_zones_code_uq', ['code'])
    .addForeignKeyConstraint('desk_zones_district_fk', ['district_code'], 'districts', ['code'])
    .execute();

  await db.schema
    .createTable('desk_parcels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('zone_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('area_sqm', 'integer', (c) => c.notNull())
    .addColumn('land_use', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('max_floor_area_sqm', 'integer', (c) => c.notNull())
    .addColumn('power_capacity_kva', 'integer', (c) => c.notNull())
    .addColumn('fit_out', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('desk_parcels_code_uq', ['zone_id', 'code'])
    .addForeignKeyConstraint('desk_parcels_zone_fk', ['zone_id'], 'desk_zones', ['id'])
    .addCheckConstraint('desk_parcels_land_use_ck', checkIn('land_use', LAND_USES))
    .addCheckConstraint('desk_parcels_status_ck', checkIn('status', ['available', 'reserved', 'signed']))
    .addCheckConstraint('desk_parcels_fit_out_ck', checkIn('fit_out', FIT_OUTS))
    .execute();

  await db.schema
    .createTable('desk_prospects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('origin_country', 'text', (c) => c.notNull())
    .addColumn('is_foreign', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('need_floor_area_sqm', 'integer')
    .addColumn('need_power_kva', 'integer')
    .addColumn('need_fit_out', 'text')
    .addColumn('need_land_use', 'text')
    .addColumn('special_needs', 'text')
    .addColumn('planned_investment_fen', 'bigint')
    .addColumn('contract_amount_fen', 'bigint')
    .addColumn('signed_on', 'text')
    .addColumn('parcel_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('desk_prospects_district_fk', ['district_code'], 'districts', ['code'])
    .addForeignKeyConstraint('desk_prospects_parcel_fk', ['parcel_id'], 'desk_parcels', ['id'])
    .addCheckConstraint('desk_prospects_stage_ck', checkIn('stage', STAGES))
    .addCheckConstraint('desk_prospects_fit_out_ck', checkIn('need_fit_out', FIT_OUTS))
    .addCheckConstraint('desk_prospects_land_use_ck', checkIn('need_land_use', LAND_USES))
    .execute();
  await db.schema
    .createIndex('desk_prospects_district_idx')
    .on('desk_prospects')
    .columns(['district_code', 'stage'])
    .execute();

  await db.schema
    .createTable('desk_prospect_stages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('prospect_id', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by_user_id', 'text')
    .addColumn('note', 'text')
    .addForeignKeyConstraint('desk_prospect_stages_prospect_fk', ['prospect_id'], 'desk_prospects', ['id'])
    .addCheckConstraint('desk_prospect_stages_to_ck', checkIn('to_stage', STAGES))
    .execute();
  await db.schema
    .createIndex('desk_prospect_stages_prospect_idx')
    .on('desk_prospect_stages')
    .column('prospect_id')
    .execute();

  await db.schema
    .createTable('desk_fixed_asset_investment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_user_id', 'text')
    .addUniqueConstraint('desk_fixed_asset_investment_uq', ['district_code', 'month'])
    .addForeignKeyConstraint('desk_fixed_asset_investment_district_fk', ['district_code'], 'districts', [
      'code',
    ])
    .addCheckConstraint('desk_fixed_asset_investment_amount_ck', sqlNonNegative('amount_fen'))
    .execute();
}

function sqlNonNegative(column: string) {
  return sql`${sql.ref(column)} >= 0`;
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('desk_fixed_asset_investment').execute();
  await db.schema.dropTable('desk_prospect_stages').execute();
  await db.schema.dropTable('desk_prospects').execute();
  await db.schema.dropTable('desk_parcels').execute();
  await db.schema.dropTable('desk_zones').execute();
}
