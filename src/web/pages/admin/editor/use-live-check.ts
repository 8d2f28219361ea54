import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { validateDefinition } from '../../../api/catalog-endpoints.ts';
import type { Definition, EntryType } from '../../../api/catalog-types.ts';
import type { Problem } from './problems.ts';

const CHECK_DELAY_MS = 400;

export interface LiveCheck {
  /** The problems the server found in the definition last checked. */
  problems: Problem[];
  /** True while the definition on screen has not been checked yet. */
  isChecking: boolean;
  /** Why the check itself failed (network, session), if it did. */
  failure: string | null;
  /** Shows problems the server reported on save, for the definition that was saved. */
  accept(problems: Problem[]): void;
}

/**
 * Checks the whole definition with the server (`POST /api/v1/admin/catalog/validate`) a
 * moment after typing stops; an answer overtaken by a newer edit is dropped.
 */
export function useLiveCheck(entryType: EntryType, definition: Definition): LiveCheck {
  const { t, i18n } = useTranslation();
  const json = JSON.stringify(definition);
  const [result, setResult] = useState<{ json: string; problems: Problem[]; failure: string | null } | null>(
    null,
  );
  const latest = useRef(0);
  const language = i18n.resolvedLanguage;

  useEffect(() => {
    const request = ++latest.current;
    const timer = window.setTimeout(() => {
      validateDefinition(entryType, JSON.parse(json) as Definition).then(
        (answer) => {
          if (request === latest.current) setResult({ json, problems: answer.errors, failure: null });
        },
        (error: unknown) => {
          if (request !== latest.current) return;
          const failure = error instanceof ApiError ? error.message : t('errors.unexpected');
          setResult({ json, problems: [], failure });
        },
      );
    }, CHECK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [entryType, json, language, t]);

  return {
    problems: result?.problems ?? [],
    isChecking: result?.json !== json,
    failure: result?.failure ?? null,
    accept: (problems) => {
      latest.current += 1;
      setResult({ json, problems, failure: null });
    },
  };
}
