import type { ErrorObject } from 'ajv';
import type { BundleDefinition, ServiceDefinition } from '../../../contracts/catalog.ts';
import { createFormAjv } from '../../../contracts/form-ajv.ts';
import { translateValidation, type FieldError } from '../../platform/errors.ts';
import { validationMessage } from '../../platform/i18n/messages.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { BundleDefinitionSchema, ServiceDefinitionSchema } from './catalog.schemas.ts';
import { bundleWorkflowErrors, workflowDefinitionErrors } from '../workflow/workflow-validation.ts';

const modelAjv = createFormAjv();
const checkService = modelAjv.compile(ServiceDefinitionSchema);
const checkBundle = modelAjv.compile(BundleDefinitionSchema);
const formAjv = createFormAjv();

function checkForm(
  form: { schema: Record<string, unknown>; ui: { order: string[] } },
  locale: Locale,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!formAjv.validateSchema(form.schema)) {
    const reason = formAjv.errorsText(formAjv.errors as ErrorObject[]);
    return [
      { path: '/form/schema', message: validationMessage('catalog.formSchemaInvalid', locale, { reason }) },
    ];
  }
  try {
    formAjv.compile(form.schema);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      { path: '/form/schema', message: validationMessage('catalog.formSchemaInvalid', locale, { reason }) },
    ];
  }
  const properties = Object.keys((form.schema.properties as Record<string, unknown> | undefined) ?? {});
  form.ui.order.forEach((field, index) => {
    if (!properties.includes(field)) {
      errors.push({
        path: `/form/ui/order/${index}`,
        message: validationMessage('catalog.uiOrderUnknownField', locale, { field }),
      });
    }
  });
  return errors;
}

/** Shape and rules of a service definition; an empty list means it may be saved. */
export function validateServiceDefinition(input: unknown, locale: Locale): FieldError[] {
  if (!checkService(input)) return translateValidation(checkService.errors ?? [], locale);
  const service = input as ServiceDefinition;
  const errors = checkForm(service.form, locale);
  if (service.promisedTimeLimitDays > service.legalTimeLimitDays) {
    errors.push({
      path: '/promisedTimeLimitDays',
      message: validationMessage('catalog.promisedExceedsLegal', locale, {
        legal: service.legalTimeLimitDays,
      }),
    });
  }
  if (service.handlingScope === 'cross_province' && !service.provinces?.length) {
    errors.push({ path: '/provinces', message: validationMessage('catalog.provincesRequired', locale) });
  }
  if (service.workflow) {
    for (const problem of workflowDefinitionErrors(service.workflow, service.form.schema)) {
      errors.push({
        path: `/workflow${problem.path}`,
        message: locale === 'en' ? problem.messageEn : problem.messageZh,
      });
    }
  }
  return errors;
}

/** Shape and rules of a bundle; `members` are the published member definitions by code. */
export function validateBundleDefinition(
  input: unknown,
  members: Map<string, ServiceDefinition>,
  locale: Locale,
): FieldError[] {
  if (!checkBundle(input)) return translateValidation(checkBundle.errors ?? [], locale);
  const bundle = input as BundleDefinition;
  const errors = checkForm(bundle.form, locale);
  bundle.memberCodes.forEach((code, index) => {
    if (!members.has(code))
      errors.push({
        path: `/memberCodes/${index}`,
        message: validationMessage('catalog.unknownMember', locale, { code }),
      });
  });
  bundle.mapping.forEach((entry, i) => {
    entry.targets.forEach((target, j) => {
      const member = members.get(target.serviceCode);
      const fields = Object.keys(
        (member?.form.schema.properties as Record<string, unknown> | undefined) ?? {},
      );
      if (!member) {
        errors.push({
          path: `/mapping/${i}/targets/${j}/serviceCode`,
          message: validationMessage('catalog.unknownMember', locale, { code: target.serviceCode }),
        });
      } else if (!fields.includes(target.field)) {
        errors.push({
          path: `/mapping/${i}/targets/${j}/field`,
          message: validationMessage('catalog.unknownMemberField', locale, {
            code: target.serviceCode,
            field: target.field,
          }),
        });
      }
    });
  });
  for (const problem of bundleWorkflowErrors(bundle, members)) {
    errors.push({ path: problem.path, message: locale === 'en' ? problem.messageEn : problem.messageZh });
  }
  return errors;
}
