import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition, WorkflowStep } from '../../../contracts/workflow.ts';
import { bundleWorkflowErrors, workflowDefinitionErrors } from './workflow-validation.ts';
import { buildBundle, buildWorkflowService, pledgeWorkflow } from './workflow-test-factories.ts';

const form = buildWorkflowService().form.schema;

const step = (key: string, kind: WorkflowStep['kind'], timeShare: number, next?: WorkflowStep['next']) => ({
  key,
  kind,
  role:
    kind === 'decision'
      ? ('approver' as const)
      : kind === 'review'
        ? ('reviewer' as const)
        : ('window_clerk' as const),
  nameZh: key,
  nameEn: key,
  timeShare,
  ...(next ? { next } : {}),
});

function english(definition: WorkflowDefinition) {
  const problems = workflowDefinitionErrors(definition, form);
  for (const problem of problems) {
    expect(problem.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(problem.messageEn).not.toMatch(/[\u4e00-\u9fff]/);
  }
  return problems.map((p) => [p.path, p.messageEn]);
}

describe('workflow definition rules', () => {
  it('accept a sound workflow with a conditional pledge branch', () => {
    expect(workflowDefinitionErrors(pledgeWorkflow(), form)).toEqual([]);
  });

  it('name every broken reference, duplicate and condition', () => {
    const definition: WorkflowDefinition = {
      start: 'accept',
      steps: [
        step('accept', 'acceptance', 20, [
          {
            when: [
              { field: 'ghost', op: 'eq', value: 1 },
              { field: 'approach', op: 'eq' },
              { field: 'approach', op: 'in', value: 'pledge' },
              { field: 'urgent', op: 'gt', value: true },
              { field: 'urgent', op: 'truthy', value: true },
              { field: 'approach', op: 'in', value: ['pledge', 'promise'] },
              { field: 'site.street', op: 'eq', value: 'x' },
            ],
            goto: 'decide',
          },
          { goto: 'review' },
          { goto: 'nowhere' },
        ]),
        step('review', 'review', 40, [{ goto: 'decide' }]),
        step('review', 'review', 40, [{ goto: 'decide' }]),
        step('decide', 'decision', 30, [{ goto: 'again' }]),
        step('again', 'acceptance', 10),
      ],
    };
    expect(english(definition)).toEqual([
      ['/steps/2/key', 'The step key review is used twice'],
      ['/steps/0/next/0/when/0/field', "The condition's field ghost is not a field of the form"],
      ['/steps/0/next/0/when/1/value', 'The condition eq needs a value'],
      ['/steps/0/next/0/when/2/value', 'The value of an in condition must be a list'],
      [
        '/steps/0/next/0/when/3/value',
        'The value of a gt condition must be a number or a text (such as a date)',
      ],
      ['/steps/0/next/0/when/4/value', 'The condition truthy takes no value'],
      ['/steps/0/next/0/when/5/value', '"promise" is not one of the choices of field approach'],
      ['/steps/0/next/0/when/6/field', "The condition's field site.street is not a field of the form"],
      ['/steps/0/next/2', 'This transition comes after the unconditional default and can never be taken'],
      ['/steps/0/next/2/goto', 'The transition leads to nowhere, which is not a step'],
      ['/steps/4/kind', 'Only the start step may be an acceptance step, and again is not the start'],
    ]);
  });

  it('name an unknown start', () => {
    expect(english({ ...pledgeWorkflow(), start: 'begin' })).toEqual([
      ['/start', 'The start step begin does not exist'],
      ['/steps/0/kind', 'Only the start step may be an acceptance step, and accept is not the start'],
    ]);
  });

  it('refuse a start that is no acceptance, unreachable steps and cycles', () => {
    const definition: WorkflowDefinition = {
      start: 'review',
      steps: [
        step('review', 'review', 40, [{ goto: 'decide' }]),
        step('decide', 'decision', 60, [{ when: [{ field: 'urgent', op: 'falsy' }], goto: 'review' }]),
        step('orphan', 'completion', 0),
      ],
    };
    expect(english(definition)).toEqual([
      ['/start', 'The start step must be an acceptance step'],
      ['/steps/2', 'The step orphan cannot be reached from the start'],
      ['/steps/1/next/0/goto', 'The workflow loops (review → decide → review); a workflow must always end'],
    ]);
  });

  it('refuse paths without a decision, a completion before the decision, and shares that do not add up', () => {
    const definition: WorkflowDefinition = {
      start: 'accept',
      steps: [
        step('accept', 'acceptance', 30, [
          { when: [{ field: 'approach', op: 'eq', value: 'pledge' }], goto: 'deliver' },
          { when: [{ field: 'area', op: 'gte', value: 500 }], goto: 'inspect' },
        ]),
        step('inspect', 'review', 60, [{ goto: 'decide' }]),
        step('decide', 'decision', 30),
        step('deliver', 'completion', 10),
      ],
    };
    expect(english(definition)).toEqual([
      [
        '/steps/0/next',
        'This path ends without a decision: accept → end; add an unconditional default transition or a decision step',
      ],
      ['/steps/3/kind', 'The completion step deliver can be reached without a decision (accept → deliver)'],
      ['/steps', 'The time shares along the default path (accept → end) add up to 30%, not 100%'],
      ['/steps', 'The time shares along accept → inspect → decide → end add up to 120%, more than 100%'],
    ]);
    const zh = workflowDefinitionErrors(definition, form).map((p) => p.messageZh);
    expect(zh[0]).toBe('这条路径没有决定环节就结束了：accept → 结束；请加一条无条件的默认转移或决定环节');
    expect(zh[2]).toBe('默认路径（accept → 结束）的时限占比合计为 30%，应为 100%');
  });
});

describe('bundle rules', () => {
  it("refuse a bundle whose merged form does not fill a field a member's workflow reads", () => {
    const fire = buildWorkflowService({
      code: 'FIRE-T001',
      departmentCode: 'fire',
      workflow: pledgeWorkflow(),
    });
    const samr = buildWorkflowService();
    const members = new Map([
      [samr.code, samr],
      [fire.code, fire],
    ]);
    expect(bundleWorkflowErrors(buildBundle([samr, fire]), members)).toEqual([]);
    const unmapped = buildBundle([samr, fire], { mapping: [] });
    expect(bundleWorkflowErrors(unmapped, members).map((p) => [p.path, p.messageEn])).toEqual([
      [
        '/memberCodes/1',
        'The workflow of member FIRE-T001 reads the field approach, which the merged form does not fill',
      ],
    ]);
  });
});
