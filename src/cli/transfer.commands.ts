import { exportServices, importServices } from './catalog.commands.ts';
import { exportFacilities, importFacilities } from './facilities.commands.ts';
import { UsageError, type Command } from './command.ts';

export const importCommand: Command = {
  summary: 'Import data from a file (import services FILE, import facilities FILE)',
  usage: [
    'Usage: tongban import services FILE [--publish] [--format json|csv]',
    '       tongban import facilities FILE',
    '',
    'Imports services and bundles. JSON carries the full model ({"services": [...], "bundles": [...]});',
    'CSV carries the flat fields of existing services (code,name_zh,name_en,kind,subject,department,…).',
    "Each entry is checked like an author's edit and imported all or nothing: a refused entry is",
    'reported with its position and reason and changes nothing; the good ones still import.',
    'Entries become drafts, or are published at once with --publish. Exits 1 when any entry was refused.',
    '',
    'facilities: the CSV of CONTRACT.md (code,name,name_type,tier,district,street,address,lat,lng,',
    'built_year,renovated_year,operator_model,operator_name,services,opening_hours), streamed in',
    'transactions of 1000 rows. district and street may be codes (310109, 310109004) or Chinese names',
    '(虹口区, 嘉兴路街道). A bad row is reported with its line number and reason and imports nothing;',
    'the good rows still import. Re-importing a code updates that facility. Exits 1 when a row was refused.',
  ].join('\n'),
  options: { publish: { type: 'boolean' }, format: { type: 'string' } },
  async run(input) {
    const [what, file] = input.positionals;
    if (what === 'services') return importServices(input, file);
    if (what === 'facilities') return importFacilities(input, file);
    throw new UsageError(
      what
        ? `cannot import "${what}"; try: services, facilities`
        : 'say what to import: services or facilities',
    );
  },
};

export const exportCommand: Command = {
  summary: 'Export data to a file (export services FILE, export facilities FILE)',
  usage: [
    'Usage: tongban export services FILE [--format json|csv]',
    '       tongban export facilities FILE',
    '',
    'Writes every service and bundle (the latest version: draft if any, else published). JSON is the',
    'full model and can be imported again; CSV has the flat fields of services.',
    '',
    'facilities: every facility in code order as the CSV `import facilities` reads (district and street',
    'as codes); importing the file again changes nothing.',
  ].join('\n'),
  options: { format: { type: 'string' } },
  async run(input) {
    const [what, file] = input.positionals;
    if (what === 'services') return exportServices(input, file);
    if (what === 'facilities') return exportFacilities(input, file);
    throw new UsageError(
      what
        ? `cannot export "${what}"; try: services, facilities`
        : 'say what to export: services or facilities',
    );
  },
};
