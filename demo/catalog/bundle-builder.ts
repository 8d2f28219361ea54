// Builds a bundle (一件事) whose merged form is derived from its members' forms.
import type {
  BundleDefinition,
  BundleFieldMapping,
  FormUi,
  ServiceDefinition,
} from '../../src/contracts/catalog.ts';

export interface BundleSpec extends Omit<BundleDefinition, 'memberCodes' | 'form' | 'mapping'> {
  members: ServiceDefinition[];
  /**
   * Merged fields that fill member fields of another name: merged field → [service code, member field].
   * Member fields not listed here are merged by their own name.
   */
  links?: Record<string, [string, string][]>;
  /** Titles for merged fields whose member titles do not fit the bundle: field → [zh, en]. */
  titles?: Record<string, [string, string]>;
}

function signature(schema: unknown): string {
  const s = schema as Record<string, unknown>;
  return JSON.stringify([s.type, s.format, s.enum, s.pattern, s.const]);
}

/**
 * Builds a bundle whose merged form asks each piece of information once: member fields of the
 * same name (or linked by `links`) become one merged field, and the mapping lists every member
 * field each merged field fills. Throws when two merged member fields disagree on their type.
 */
export function defineBundle(spec: BundleSpec): BundleDefinition {
  const { members, links = {}, titles = {}, ...rest } = spec;
  const linked = new Map<string, string>();
  for (const [merged, targets] of Object.entries(links)) {
    for (const [code, memberField] of targets) linked.set(`${code}#${memberField}`, merged);
  }
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  const ui: FormUi = { order: [] };
  const mapping = new Map<string, BundleFieldMapping>();
  const used = new Set<string>();

  for (const member of members) {
    const schema = member.form.schema as { properties: Record<string, unknown>; required?: string[] };
    for (const memberField of member.form.ui.order) {
      const key = `${member.code}#${memberField}`;
      const merged = linked.get(key) ?? memberField;
      used.add(key);
      const memberSchema = schema.properties[memberField];
      if (merged in properties) {
        if (signature(properties[merged]) !== signature(memberSchema)) {
          throw new Error(`${spec.code}: ${member.code}.${memberField} does not fit merged field ${merged}`);
        }
      } else {
        properties[merged] = memberSchema;
        ui.order.push(merged);
        const widget = member.form.ui.widgets?.[memberField];
        if (widget) (ui.widgets ??= {})[merged] = widget;
        const helpZh = member.form.ui.helpZh?.[memberField];
        if (helpZh) (ui.helpZh ??= {})[merged] = helpZh;
        const helpEn = member.form.ui.helpEn?.[memberField];
        if (helpEn) (ui.helpEn ??= {})[merged] = helpEn;
        // A linked field is someone else's (a baby's name filling a cardholder field): keep the
        // member's help but not its prefill from the applicant's own record.
        const prefill = merged === memberField ? member.form.ui.prefill?.[memberField] : undefined;
        if (prefill) (ui.prefill ??= {})[merged] = prefill;
        mapping.set(merged, { field: merged, targets: [] });
      }
      if (schema.required?.includes(memberField)) required.add(merged);
      mapping.get(merged)!.targets.push({ serviceCode: member.code, field: memberField });
    }
  }
  for (const key of linked.keys()) {
    if (!used.has(key)) throw new Error(`${spec.code}: link to unknown member field ${key}`);
  }
  for (const [name, [titleZh, titleEn]] of Object.entries(titles)) {
    if (!(name in properties)) throw new Error(`${spec.code}: title for unknown field ${name}`);
    properties[name] = { ...(properties[name] as object), title: titleZh, 'x-title-en': titleEn };
  }
  return {
    ...rest,
    memberCodes: members.map((s) => s.code),
    form: {
      schema: {
        type: 'object',
        properties,
        required: ui.order.filter((name) => required.has(name)),
        additionalProperties: false,
      },
      ui,
    },
    mapping: [...mapping.values()],
  };
}

/** Looks a service up by code among the given services; throws when it is missing. */
export function serviceFinder(services: ServiceDefinition[]): (code: string) => ServiceDefinition {
  const byCode = new Map(services.map((s) => [s.code, s]));
  return (code) => {
    const found = byCode.get(code);
    if (!found) throw new Error(`no demo service ${code}`);
    return found;
  };
}
