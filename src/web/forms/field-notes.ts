// What the renderer tells rjsf's templates and widgets through `formContext`: the notes that
// go with each field, so that the template that shows them and the input that points at them
// (aria-describedby) agree on their ids.
import type { FormLanguage } from './form-ui.ts';

export interface FieldNotes {
  /** The ui hint (helpZh/helpEn). */
  help?: string;
  /** "来自 公安户籍", or in a preview "将由 公安户籍 自动填写". */
  prefill?: string;
  /** The prefilled value cannot be changed. */
  isLocked?: boolean;
  /** A supplement asks to change this field; the reviewer's reason. */
  fix?: string;
}

export interface RendererContext {
  language: FormLanguage;
  /** Notes per field element id. */
  notes: Record<string, FieldNotes>;
}

export const noteIds = (id: string) => ({
  help: `${id}-hint`,
  fix: `${id}-fix`,
  prefill: `${id}-prefill`,
  error: `${id}-error`,
});

/** The ids an input (or a radio group) is described by: hint, reviewer's note, source, error. */
export function describedBy(
  id: string,
  notes: FieldNotes | undefined,
  hasError: boolean,
): string | undefined {
  const ids = noteIds(id);
  const list = [
    notes?.help ? ids.help : null,
    notes?.fix ? ids.fix : null,
    notes?.prefill ? ids.prefill : null,
    hasError ? ids.error : null,
  ].filter((value): value is string => value !== null);
  return list.length > 0 ? list.join(' ') : undefined;
}
