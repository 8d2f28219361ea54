import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIdForPath } from './problems.ts';
import type { Problem } from './problems.ts';

interface Props {
  problems: Problem[];
  isChecking: boolean;
  failure: string | null;
}

/** The live check's findings, each linked to its field; "no problems" when there are none. */
export function ProblemsPanel({ problems, isChecking, failure }: Props) {
  const { t } = useTranslation();

  function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: 'center' });
  }

  const state = failure ? 'failed' : problems.length > 0 ? 'problems' : isChecking ? 'checking' : 'clean';
  return (
    <section
      className={`problems problems--${state}`}
      aria-labelledby="problems-title"
      aria-busy={isChecking}
      data-testid="problems"
    >
      <h2 className="problems__title" id="problems-title">
        {t('admin.editor.problems.title')}
      </h2>
      <p className="problems__summary" role="status">
        {failure
          ? t('admin.editor.problems.failed', { message: failure })
          : problems.length > 0
            ? t('admin.editor.problems.count', { count: problems.length })
            : isChecking
              ? t('admin.editor.problems.checking')
              : t('admin.editor.problems.none')}
      </p>
      {problems.length > 0 && (
        <ul className="problems__list">
          {problems.map((problem) => {
            const fieldId = fieldIdForPath(problem.path);
            return (
              <li key={`${problem.path}:${problem.message}`}>
                <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
                  <span className="problems__path mono">{problem.path || '/'}</span> {problem.message}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
