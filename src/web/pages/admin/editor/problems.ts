// Where each problem of the definition is shown: the id of the editor field a JSON pointer
// (from the server's live check, or from the browser's own) is about.

/** The editor element for a definition path, e.g. "/materials/0/nameZh" → "material-0-nameZh". */
export function fieldIdForPath(path: string): string {
  const [first = '', second, third, fourth] = path.split('/').slice(1);
  switch (first) {
    case 'materials':
      if (second === undefined) return 'materials-add';
      if (third === 'heldByGovernment') return `material-${second}-held-${fourth ?? 'source'}`;
      return `material-${second}-${third ?? 'nameZh'}`;
    case 'form':
      return second === 'ui' ? 'formUi' : 'formSchema';
    case 'feeFen':
      return 'feeYuan';
    case '':
      return 'code';
    default:
      return first;
  }
}

export interface Problem {
  path: string;
  message: string;
}

/** One message per field: the browser's own finding first (it is the more specific). */
export function messagesByField(problems: Problem[]): Map<string, string> {
  const byField = new Map<string, string>();
  for (const problem of problems) {
    const key = fieldIdForPath(problem.path);
    if (!byField.has(key)) byField.set(key, problem.message);
  }
  return byField;
}
