import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeForm } from './form-model.ts';
import type { FormData } from './form-ui.ts';
import { ServiceFormRenderer } from './ServiceFormRenderer.tsx';

interface Props {
  schema: Record<string, unknown>;
  ui: unknown;
  /** Prefixes every element id, so that a preview can share a page with other forms. */
  idPrefix: string;
  /** Check each field as it is filled in (the editor's live preview), not only when left. */
  isLive?: boolean;
}

/**
 * A service's application form as applicants will see it (the same renderer), to try out:
 * "检查填写" checks the answers with the server's rules; nothing is ever sent.
 */
export function FormPreview({ schema, ui, idPrefix, isLive = false }: Props) {
  const { t, i18n } = useTranslation();
  // Not isLanguage() from i18n/index.ts: importing that module here would pull the whole i18n
  // set-up into a chunk shared with the home page.
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const [formData, setFormData] = useState<FormData>({});
  const [isClean, setIsClean] = useState(false);
  const model = describeForm(schema, ui);

  if (model.fields.length === 0 && model.unsupported.length === 0) {
    return <p className="empty">{t('formPreview.noFields')}</p>;
  }
  return (
    <div className="form-preview">
      <div role="status" aria-live="polite">
        {isClean && <p className="notice notice--success">{t('formPreview.allGood')}</p>}
      </div>
      <ServiceFormRenderer
        form={{ schema, ui }}
        language={language}
        formData={formData}
        onChange={(next) => {
          setFormData(next);
          setIsClean(false);
        }}
        onSubmit={() => setIsClean(true)}
        idPrefix={idPrefix}
        isLive={isLive}
        submitLabel={t('formPreview.check')}
        submitVariant="secondary"
      >
        <p className="form-preview__note">{t('formPreview.nothingSent')}</p>
      </ServiceFormRenderer>
    </div>
  );
}
