import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { listDepartments, listDistricts, listOffices } from '../reference/reference.service.ts';
import { computeBundleSavings } from './bundle-savings.ts';
import { findEntryByCode, findEntryById, listPublished } from './catalog.repository.ts';
import { presentDetail, presentListItem, type DepartmentNames, type OfficeRef } from './catalog.presenter.ts';
import type { CatalogListener } from './catalog-authoring.service.ts';
import { CatalogSearchIndex } from './search/search-index.ts';
import { SEED_SYNONYMS } from './search/synonym-seeds.ts';
import type { SearchDocument, SearchFilters, SynonymEntry } from './search/search-types.ts';
import { bundleSearchDocument, serviceSearchDocument } from './search/search-documents.ts';

type Published = Awaited<ReturnType<typeof listPublished>>[number];

interface Entry {
  row: Published;
  definition: ServiceDefinition | BundleDefinition;
}

/** A published entry as applications need it: the version to file under, and its members. */
export interface PublishedEntry {
  id: string;
  code: string;
  entryType: 'service' | 'bundle';
  departmentCode: string | null;
  versionId: string;
  version: number;
  definition: ServiceDefinition | BundleDefinition;
  /** For a bundle: its member services (id, code, definition), in the bundle's order. */
  members: { id: string; code: string; versionId: string; definition: ServiceDefinition }[];
}

export interface CatalogueQuery {
  q?: string;
  department?: string;
  district?: string;
  subject?: 'resident' | 'enterprise' | 'both';
  topic?: string;
  kind?: string;
  channel?: string;
  limit: number;
  offset: number;
}

/**
 * The published catalogue as the front door sees it: an in-memory search index over every
 * published service and bundle, kept in step with publishing (listener) and with other processes
 * (a cheap change check before use, at most every few seconds).
 */
export class Catalogue {
  private index = new CatalogSearchIndex();
  private entries = new Map<string, Entry>();
  private departments = new Map<string, DepartmentNames>();
  private stamp = '';
  private checkedAt = 0;

  constructor(
    private readonly db: Db,
    private readonly options: { recheckMs?: number } = {},
  ) {}

  /** Rebuilds the index from the database. */
  async load(): Promise<void> {
    const [rows, departments, synonyms, stamp] = await Promise.all([
      listPublished(this.db),
      listDepartments(this.db),
      this.loadSynonyms(),
      this.changeStamp(),
    ]);
    this.departments = new Map(departments.map((d) => [d.code, { nameZh: d.nameZh, nameEn: d.nameEn }]));
    const offices = await this.db.selectFrom('catalogOffices').select(['entryId', 'districtCode']).execute();
    const districtsByEntry = new Map<string, string[]>();
    for (const office of offices)
      districtsByEntry.set(office.entryId, [
        ...(districtsByEntry.get(office.entryId) ?? []),
        office.districtCode,
      ]);
    const entries = new Map<string, Entry>();
    const docs: SearchDocument[] = [];
    for (const row of rows) {
      const definition = JSON.parse(row.definition) as ServiceDefinition | BundleDefinition;
      entries.set(row.id, { row, definition });
    }
    for (const entry of entries.values())
      docs.push(this.toDocument(entry, entries, districtsByEntry.get(entry.row.id)));
    this.entries = entries;
    this.index = CatalogSearchIndex.build(docs, { synonyms });
    this.stamp = stamp;
    this.checkedAt = Date.now();
  }

  /**
   * Keeps the index in step with publishing in this process: the one entry is replaced or
   * removed (under a millisecond), instead of rebuilding the whole index.
   */
  readonly listener: CatalogListener = async ({ entryId, action }) => {
    const row = (await listPublished(this.db, entryId))[0];
    if (action === 'retired' || !row) {
      this.entries.delete(entryId);
      this.index.remove(entryId);
    } else {
      const entry = { row, definition: JSON.parse(row.definition) as ServiceDefinition | BundleDefinition };
      this.entries.set(entryId, entry);
      const offices = await this.db
        .selectFrom('catalogOffices')
        .select('districtCode')
        .where('entryId', '=', entryId)
        .execute();
      this.index.replace(
        this.toDocument(
          entry,
          this.entries,
          offices.map((o) => o.districtCode),
        ),
      );
    }
    this.stamp = await this.changeStamp();
  };

  /** Applies the current synonym list without re-indexing anything. */
  async reloadSynonyms(): Promise<void> {
    this.index.setSynonyms(await this.loadSynonyms());
    this.stamp = await this.changeStamp();
  }

  /** Reloads when another process changed the catalogue or the synonyms. */
  async ensureFresh(): Promise<void> {
    if (Date.now() - this.checkedAt < (this.options.recheckMs ?? 5000)) return;
    this.checkedAt = Date.now();
    if ((await this.changeStamp()) !== this.stamp) await this.load();
  }

  async search(query: CatalogueQuery, locale: Locale) {
    await this.ensureFresh();
    const filters: SearchFilters = {};
    if (query.department) filters.departmentCode = query.department;
    if (query.district) filters.district = query.district;
    if (query.subject) filters.subject = query.subject;
    if (query.topic) filters.topic = query.topic as SearchFilters['topic'] & string;
    if (query.kind) filters.kind = query.kind as SearchFilters['kind'] & string;
    if (query.channel) filters.channel = query.channel as SearchFilters['channel'] & string;
    const result = this.index.search(query.q ?? '', { filters, limit: query.limit, offset: query.offset });
    return {
      total: result.total,
      facets: result.facets,
      items: result.items.flatMap((hit) => {
        const entry = this.entries.get(hit.id);
        if (!entry) return [];
        const department = this.departmentOf(entry);
        return [
          {
            ...presentListItem(
              this.meta(entry),
              entry.definition,
              department,
              locale,
              this.memberDefinitions(entry),
            ),
            score: hit.score,
          },
        ];
      }),
    };
  }

  async suggest(prefix: string, limit: number, locale: Locale) {
    await this.ensureFresh();
    return this.index.suggest(prefix, limit).flatMap((suggestion) => {
      const entry = this.entries.get(suggestion.id);
      if (!entry) return [];
      return [
        {
          text: suggestion.text,
          id: suggestion.id,
          type: suggestion.kind,
          name: locale === 'en' ? entry.definition.nameEn : entry.definition.nameZh,
        },
      ];
    });
  }

  /** A published entry by id or code, with offices, members and bundle savings; undefined if none. */
  async detail(idOrCode: string, locale: Locale) {
    await this.ensureFresh();
    const row = (await findEntryById(this.db, idOrCode)) ?? (await findEntryByCode(this.db, idOrCode));
    const entry = row ? this.entries.get(row.id) : undefined;
    if (!entry) return undefined;
    const offices = await this.competentOffices(entry.row.id);
    let members: {
      id: string;
      code: string;
      nameZh: string;
      nameEn: string;
      departmentName: string | null;
    }[] = [];
    let savings = null;
    if (entry.row.entryType === 'bundle') {
      const bundle = entry.definition as BundleDefinition;
      const memberEntries = bundle.memberCodes.flatMap((code) => {
        const found = [...this.entries.values()].find((e) => e.row.code === code);
        return found ? [found] : [];
      });
      members = memberEntries.map((member) => {
        const department = this.departmentOf(member);
        return {
          id: member.row.id,
          code: member.row.code,
          nameZh: member.definition.nameZh,
          nameEn: member.definition.nameEn,
          departmentName: department ? (locale === 'en' ? department.nameEn : department.nameZh) : null,
        };
      });
      savings = computeBundleSavings(
        bundle,
        memberEntries.map((m) => m.definition as ServiceDefinition),
      );
    }
    return presentDetail(this.meta(entry), entry.definition, {
      department: this.departmentOf(entry),
      offices,
      members,
      memberDefinitions: this.memberDefinitions(entry),
      savings,
      locale,
    });
  }

  /** The published entry by id or code, with its members (for filing applications). */
  async publishedEntry(idOrCode: string): Promise<PublishedEntry | undefined> {
    await this.ensureFresh();
    const entry =
      this.entries.get(idOrCode) ?? [...this.entries.values()].find((e) => e.row.code === idOrCode);
    if (!entry) return undefined;
    const members =
      entry.row.entryType === 'bundle'
        ? (entry.definition as BundleDefinition).memberCodes.flatMap((code) => {
            const member = [...this.entries.values()].find((e) => e.row.code === code);
            return member
              ? [
                  {
                    id: member.row.id,
                    code: member.row.code,
                    versionId: member.row.versionId,
                    definition: member.definition as ServiceDefinition,
                  },
                ]
              : [];
          })
        : [];
    return {
      id: entry.row.id,
      code: entry.row.code,
      entryType: entry.row.entryType,
      departmentCode: entry.row.departmentCode,
      versionId: entry.row.versionId,
      version: entry.row.version,
      definition: entry.definition,
      members,
    };
  }

  /** The published member services of a bundle (none for a service). */
  private memberDefinitions(entry: Entry): ServiceDefinition[] {
    if (entry.row.entryType !== 'bundle') return [];
    const byCode = new Map([...this.entries.values()].map((e) => [e.row.code, e]));
    return (entry.definition as BundleDefinition).memberCodes.flatMap((code) => {
      const member = byCode.get(code);
      return member ? [member.definition as ServiceDefinition] : [];
    });
  }

  private meta(entry: Entry) {
    return {
      id: entry.row.id,
      code: entry.row.code,
      entryType: entry.row.entryType,
      version: entry.row.version,
      versionId: entry.row.versionId,
      effectiveFrom: entry.row.effectiveFrom,
    };
  }

  private departmentOf(entry: Entry): DepartmentNames | undefined {
    return entry.row.departmentCode ? this.departments.get(entry.row.departmentCode) : undefined;
  }

  private async competentOffices(entryId: string): Promise<OfficeRef[]> {
    const rows = await this.db
      .selectFrom('catalogOffices')
      .select(['districtCode', 'officeId'])
      .where('entryId', '=', entryId)
      .execute();
    if (rows.length === 0) return [];
    const [offices, districts] = await Promise.all([
      listOffices(this.db, { ids: [...new Set(rows.map((r) => r.officeId))] }),
      listDistricts(this.db),
    ]);
    return districts.flatMap((district) => {
      const row = rows.find((r) => r.districtCode === district.code);
      const office = row && offices.find((o) => o.id === row.officeId);
      return office
        ? [
            {
              districtCode: district.code,
              districtName: district.nameZh,
              districtNameEn: district.nameEn,
              officeId: office.id,
              officeName: office.nameZh,
              officeNameEn: office.nameEn,
              address: office.address,
              phone: office.phone,
              openingHours: office.openingHours,
            },
          ]
        : [];
    });
  }

  private toDocument(entry: Entry, all: Map<string, Entry>, districts: string[] | undefined): SearchDocument {
    const { row, definition } = entry;
    if (row.entryType === 'bundle') {
      const bundle = definition as BundleDefinition;
      const members = bundle.memberCodes.flatMap((code) =>
        [...all.values()].filter((e) => e.row.code === code).map((e) => e.definition as ServiceDefinition),
      );
      return bundleSearchDocument(bundle, { id: row.id, members, popularity: row.popularity });
    }
    const service = definition as ServiceDefinition;
    const department = this.departmentOf(entry);
    return serviceSearchDocument(service, {
      id: row.id,
      departmentNameZh: department?.nameZh ?? '',
      departmentNameEn: department?.nameEn ?? '',
      districts: service.handlingScope === 'district' && districts?.length ? districts : 'all',
      popularity: row.popularity,
    });
  }

  /** Every term: the shipped ones and the admins' (which override or, when empty, switch off a shipped one). */
  async synonymList(): Promise<{ term: string; expandsTo: string[]; isBuiltIn: boolean }[]> {
    const stored = await this.db
      .selectFrom('catalogSynonyms')
      .select(['term', 'expandsTo'])
      .orderBy('term')
      .execute();
    const builtIn = new Set(SEED_SYNONYMS.map((entry) => entry.term));
    const merged = new Map(SEED_SYNONYMS.map((entry) => [entry.term, [...entry.expandsTo]]));
    for (const row of stored) merged.set(row.term, JSON.parse(row.expandsTo) as string[]);
    return [...merged].map(([term, expandsTo]) => ({ term, expandsTo, isBuiltIn: builtIn.has(term) }));
  }

  private async loadSynonyms(): Promise<SynonymEntry[]> {
    return (await this.synonymList()).filter((entry) => entry.expandsTo.length > 0);
  }

  private async changeStamp(): Promise<string> {
    const [entries, synonyms] = await Promise.all([
      this.db
        .selectFrom('catalogEntries')
        .select((eb) => [eb.fn.max('updatedAt').as('at'), eb.fn.countAll<number>().as('n')])
        .executeTakeFirst(),
      this.db
        .selectFrom('catalogSynonyms')
        .select((eb) => [eb.fn.max('updatedAt').as('at'), eb.fn.countAll<number>().as('n')])
        .executeTakeFirst(),
    ]);
    return `${String(entries?.at)}|${String(entries?.n)}|${String(synonyms?.at)}|${String(synonyms?.n)}`;
  }
}
