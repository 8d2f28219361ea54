import type { BundleFields, EditorFields, ServiceFields } from './editor-fields.ts';

/** What every editor section gets: the fields, a way to change some, and the message per field id. */
export interface SectionProps<F extends EditorFields = EditorFields> {
  fields: F;
  update(patch: Partial<F>): void;
  errorOf(fieldId: string): string | undefined;
}

export type ServiceSectionProps = SectionProps<ServiceFields>;
export type BundleSectionProps = SectionProps<BundleFields>;
