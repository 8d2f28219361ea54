import { exportServices, importServices } from './catalog.commands.ts';
import { UsageError, type Command } from './command.ts';

export const importCommand: Command = {
  summary: 'Import data from a file (import services FILE)',
  usage: [
    'Usage: tongban import services FILE [--publish] [--format json|csv]',
    '',
    'Imports services and bundles. JSON carries the full model ({"services": [...], "bundles": [...]});',
    'CSV carries the flat fields of existing services (code,name_zh,name_en,kind,subject,department,…).',
    "Each entry is checked like an author's edit and imported all or nothing: a refused entry is",
    'reported with its position and reason and changes nothing; the good ones still import.',
    'Entries become drafts, or are published at once with --publish. Exits 1 when any entry was refused.',
  ].join('\n'),
  options: { publish: { type: 'boolean' }, format: { type: 'string' } },
  async run(input) {
    const [what, file] = input.positionals;
    if (what === 'services') return importServices(input, file);
    throw new UsageError(what ? `cannot import "${what}"; try: services` : 'say what to import: services');
  },
};

export const exportCommand: Command = {
  summary: 'Export data to a file (export services FILE)',
  usage: [
    'Usage: tongban export services FILE [--format json|csv]',
    '',
    'Writes every service and bundle (the latest version: draft if any, else published). JSON is the',
    'full model and can be imported again; CSV has the flat fields of services.',
  ].join('\n'),
  options: { format: { type: 'string' } },
  async run(input) {
    const [what, file] = input.positionals;
    if (what === 'services') return exportServices(input, file);
    throw new UsageError(what ? `cannot export "${what}"; try: services` : 'say what to export: services');
  },
};
