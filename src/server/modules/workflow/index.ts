// The workflow module's surface: definitions (defaults, validation), plans and the interpreter.
export { defaultWorkflow, workflowOf } from './default-workflow.ts';
export { conditionHolds, nextStepKey, valueAt } from './workflow-conditions.ts';
export {
  allocateWorkingDays,
  branchWorkingDays,
  buildPlan,
  planStep,
  promisedWorkingDays,
  PLAN_FORMAT_VERSION,
  WorkflowPlanError,
  type PlanBranch,
  type PlanEntry,
  type PlanStep,
  type SharedAcceptance,
  type WorkflowPlan,
} from './workflow-plan.ts';
export {
  allowedActions,
  applyAction,
  canWithdraw,
  isFinished,
  startWorkflow,
  WorkflowError,
  type ApplicationOutcome,
  type BranchState,
  type OpenTask,
  type Transition,
  type WorkflowAction,
  type WorkflowContext,
  type WorkflowEffect,
  type WorkflowErrorCode,
  type WorkflowState,
  type WorkflowStatus,
} from './workflow-interpreter.ts';
export {
  bundleWorkflowErrors,
  workflowDefinitionErrors,
  type WorkflowProblem,
} from './workflow-validation.ts';
