import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types.ts';
import {
  actOnTask,
  assignTask,
  claimTask,
  listAssignees,
  type Assignee,
  type StaffApplication,
  type TaskAction,
  type TaskSummary,
  type TimeState,
} from '../../api/workbench-endpoints.ts';
import { SelectField, TextAreaField } from '../../components/ChoiceFields.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormDialog } from './FormDialog.tsx';
import { SupplementBuilder, type FieldChoice } from './SupplementBuilder.tsx';
import { TimeLeftBadge, useWorkbenchWords } from './WorkbenchFrame.tsx';
import { actionsFor, canAssign, canWork, rolesIn } from './workbench-rules.ts';

export interface TaskTime {
  timeState: TimeState | null;
  workingDaysLeft: number | null;
  escalated: boolean;
}

/** Runs one change; resolves true when it went through (the page shows the outcome and reloads). */
export type RunChange = (change: () => Promise<unknown>, successText: string) => Promise<boolean>;

interface Props {
  me: Me;
  application: StaffApplication;
  times: ReadonlyMap<string, TaskTime>;
  fields: FieldChoice[];
  materials: string[];
  run: RunChange;
}

type SimpleAction = Extract<TaskAction, 'accept' | 'pass' | 'approve' | 'complete'>;
type Open =
  | { kind: 'confirm'; task: TaskSummary; action: SimpleAction }
  | { kind: 'refuse'; task: TaskSummary }
  | { kind: 'assign'; task: TaskSummary }
  | null;

/** The open steps of the application, with the actions that fit each for the signed-in officer. */
export function TaskPanel({ me, application, times, fields, materials, run }: Props) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  const [open, setOpen] = useState<Open>(null);
  const [builderFor, setBuilderFor] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const openTasks = application.tasks.filter((task) => task.status === 'open');
  const receiptNo = application.receiptNo;

  async function change(operation: () => Promise<unknown>, successText: string) {
    setIsBusy(true);
    const isDone = await run(operation, successText);
    setIsBusy(false);
    setOpen(null);
    return isDone;
  }

  const act = (task: TaskSummary, action: TaskAction, extra: Record<string, unknown> = {}) =>
    change(
      () => actOnTask(task.id, { action, stateVersion: application.stateVersion, ...extra }),
      t(`workbench.tasks.done.${action}`, { receiptNo }),
    );

  return (
    <section className="panel task-panel" aria-labelledby="tasks-title">
      <h2 className="panel__title" id="tasks-title">
        {t('workbench.tasks.title')}
      </h2>
      {openTasks.length === 0 && <p className="empty">{t('workbench.tasks.none')}</p>}
      {openTasks.map((task) => {
        const step = words.pick(task);
        const isMine = task.assignee?.userId === me.user.id;
        const mayWork = canWork(me, task);
        const mayAssign =
          canAssign(me, task) &&
          (!task.assignee || isMine || rolesIn(me, task.office.id).includes('office_admin'));
        const isTakenByOther = task.assignee !== null && !isMine;
        const actions = mayWork && !isTakenByOther ? actionsFor(task) : [];
        const time = times.get(task.id);
        const isApprover = rolesIn(me, task.office.id).includes('approver');
        return (
          <article key={task.id} className="task-card" aria-labelledby={`task-${task.id}`}>
            <h3 className="task-card__title" id={`task-${task.id}`}>
              {step}
              <span className="task-card__kind">
                {t('workbench.tasks.role', { role: words.role(task.role) })}
              </span>
            </h3>
            <dl className="facts facts--compact">
              <div className="facts__row">
                <dt>{t('workbench.queue.columns.office')}</dt>
                <dd>{words.pick(task.office)}</dd>
              </div>
              <div className="facts__row">
                <dt>{t('workbench.tasks.assignee')}</dt>
                <dd>
                  {task.assignee
                    ? isMine
                      ? t('workbench.tasks.you', { name: task.assignee.name })
                      : task.assignee.name
                    : t('workbench.tasks.nobody')}
                </dd>
              </div>
              <div className="facts__row">
                <dt>{t('workbench.tasks.due')}</dt>
                <dd>
                  {words.date(task.dueDate)}{' '}
                  {time ? (
                    <TimeLeftBadge timeState={time.timeState} workingDaysLeft={time.workingDaysLeft} />
                  ) : (
                    task.awaitingSupplement && <TimeLeftBadge timeState="paused" workingDaysLeft={null} />
                  )}
                  {time?.escalated && (
                    <span className="data-table__sub">{t('workbench.time.escalated')}</span>
                  )}
                </dd>
              </div>
            </dl>
            {task.awaitingSupplement && (
              <p className="notice notice--warning">{t('workbench.tasks.awaiting')}</p>
            )}
            {!mayWork && !mayAssign && (
              <p className="task-card__note">
                {rolesIn(me, task.office.id).length === 0
                  ? t('workbench.tasks.otherOffice', { office: words.pick(task.office) })
                  : t('workbench.tasks.notYourPost', { role: words.role(task.role) })}
              </p>
            )}
            {mayWork && isTakenByOther && task.assignee && (
              <p className="task-card__note">{t('workbench.tasks.notYours', { name: task.assignee.name })}</p>
            )}
            {(actions.length > 0 || mayAssign) && (
              <div
                className="task-card__actions"
                role="group"
                aria-label={t('workbench.tasks.actionsLabel', { step })}
              >
                {mayWork && !task.assignee && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={isBusy}
                    onClick={() =>
                      void change(() => claimTask(task.id), t('workbench.tasks.done.claim', { step }))
                    }
                  >
                    {t('workbench.tasks.claim')}
                  </button>
                )}
                {actions.map((action) => (
                  <ActionButton
                    key={action}
                    task={task}
                    action={action}
                    isBusy={isBusy}
                    isPressed={builderFor === task.id}
                    onClick={() => {
                      if (action === 'refuse') setOpen({ kind: 'refuse', task });
                      else if (action === 'request_supplement')
                        setBuilderFor((current) => (current === task.id ? null : task.id));
                      else setOpen({ kind: 'confirm', task, action });
                    }}
                  />
                ))}
                {mayAssign && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={isBusy}
                    onClick={() => setOpen({ kind: 'assign', task })}
                  >
                    {isMine || !task.assignee ? t('workbench.tasks.handOver') : t('workbench.tasks.assign')}
                  </button>
                )}
              </div>
            )}
            {builderFor === task.id && actions.includes('request_supplement') && (
              <SupplementBuilder
                fields={fields}
                materials={materials}
                isSecondRequest={application.supplements.length > 0}
                isApprover={isApprover}
                isBusy={isBusy}
                onCancel={() => setBuilderFor(null)}
                onSend={(items, overrideReason) =>
                  void act(task, 'request_supplement', {
                    items,
                    ...(overrideReason ? { overrideReason } : {}),
                  }).then((isDone) => {
                    if (isDone) setBuilderFor(null);
                  })
                }
              />
            )}
          </article>
        );
      })}
      <ConfirmDialog
        isOpen={open?.kind === 'confirm'}
        title={open?.kind === 'confirm' ? t(`workbench.tasks.actions.${open.action}`) : ''}
        body={open?.kind === 'confirm' ? t(`workbench.tasks.confirm.${open.action}`, { receiptNo }) : ''}
        confirmLabel={open?.kind === 'confirm' ? t(`workbench.tasks.actions.${open.action}`) : ''}
        onConfirm={() => {
          if (open?.kind === 'confirm') void act(open.task, open.action);
        }}
        onCancel={() => setOpen(null)}
      />
      <RefuseDialog
        task={open?.kind === 'refuse' ? open.task : null}
        isBusy={isBusy}
        onCancel={() => setOpen(null)}
        onRefuse={(task, reason) => void act(task, 'refuse', { reason })}
      />
      <AssignDialog
        task={open?.kind === 'assign' ? open.task : null}
        isBusy={isBusy}
        onCancel={() => setOpen(null)}
        onAssign={(task, assignee, note) =>
          void change(
            () => assignTask(task.id, { userId: assignee.userId, ...(note ? { note } : {}) }),
            t('workbench.tasks.done.assign', { step: words.pick(task), name: assignee.displayName }),
          )
        }
      />
    </section>
  );
}

function ActionButton({
  task,
  action,
  isBusy,
  isPressed,
  onClick,
}: {
  task: TaskSummary;
  action: TaskAction;
  isBusy: boolean;
  isPressed: boolean;
  onClick(): void;
}) {
  const { t } = useTranslation();
  const label =
    action === 'refuse'
      ? task.kind === 'acceptance'
        ? t('workbench.tasks.actions.refuseAcceptance')
        : t('workbench.tasks.actions.refuseDecision')
      : t(`workbench.tasks.actions.${action}`);
  const style =
    action === 'refuse'
      ? 'button button--danger-outline'
      : action === 'request_supplement'
        ? 'button button--secondary'
        : 'button button--primary';
  return (
    <button
      type="button"
      className={style}
      disabled={isBusy}
      aria-expanded={action === 'request_supplement' ? isPressed : undefined}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

function RefuseDialog({
  task,
  isBusy,
  onCancel,
  onRefuse,
}: {
  task: TaskSummary | null;
  isBusy: boolean;
  onCancel(): void;
  onRefuse(task: TaskSummary, reason: string): void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const title =
    task?.kind === 'acceptance' ? t('workbench.refuse.titleAcceptance') : t('workbench.refuse.titleDecision');
  return (
    <FormDialog
      id="refuse-dialog"
      isOpen={task !== null}
      title={title}
      submitLabel={title}
      isDanger
      isBusy={isBusy}
      onCancel={() => {
        setError(undefined);
        onCancel();
      }}
      onSubmit={() => {
        const text = reason.trim();
        if (text.length < 2 || text.length > 1000) {
          setError(t('workbench.refuse.reasonError'));
          document.getElementById('refuse-reason')?.focus();
          return;
        }
        setError(undefined);
        setReason('');
        if (task) onRefuse(task, text);
      }}
    >
      <p>{t('workbench.refuse.intro')}</p>
      <TextAreaField
        id="refuse-reason"
        label={t('workbench.refuse.reason')}
        hint={t('workbench.refuse.reasonHint')}
        value={reason}
        rows={4}
        error={error}
        onChange={setReason}
      />
    </FormDialog>
  );
}

function AssignDialog({
  task,
  isBusy,
  onCancel,
  onAssign,
}: {
  task: TaskSummary | null;
  isBusy: boolean;
  onCancel(): void;
  onAssign(task: TaskSummary, assignee: Assignee, note: string): void;
}) {
  const { t } = useTranslation();
  const words = useWorkbenchWords();
  const [colleagues, setColleagues] = useState<Assignee[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [userId, setUserId] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ userId?: string; note?: string }>({});
  const taskId = task?.id ?? null;
  const currentAssignee = task?.assignee?.userId ?? null;

  // Load the colleagues each time the dialog opens for a task.
  useEffect(() => {
    setColleagues(null);
    setLoadError(null);
    setUserId('');
    setNote('');
    setErrors({});
    if (!taskId) return;
    let isCurrent = true;
    listAssignees(taskId).then(
      (result) => {
        if (isCurrent) setColleagues(result.items.filter((c) => c.userId !== currentAssignee));
      },
      (error: unknown) => {
        if (isCurrent) setLoadError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [taskId, currentAssignee]);

  return (
    <FormDialog
      id="assign-dialog"
      isOpen={task !== null}
      title={task ? t('workbench.assign.title', { step: words.pick(task) }) : ''}
      submitLabel={t('workbench.assign.submit')}
      isBusy={isBusy || colleagues === null}
      onCancel={onCancel}
      onSubmit={() => {
        const chosen = colleagues?.find((c) => c.userId === userId);
        const problems: { userId?: string; note?: string } = {};
        if (!chosen) problems.userId = t('workbench.assign.colleagueError');
        if (note.trim().length > 500) problems.note = t('workbench.assign.noteError');
        setErrors(problems);
        if (problems.userId || problems.note || !chosen || !task) {
          document.getElementById(problems.userId ? 'assign-colleague' : 'assign-note')?.focus();
          return;
        }
        onAssign(task, chosen, note.trim());
      }}
    >
      {loadError && (
        <p className="notice notice--error" role="alert">
          {loadError}
        </p>
      )}
      {!loadError && colleagues === null && <p className="status-message">{t('workbench.assign.loading')}</p>}
      {colleagues?.length === 0 && (
        <p className="notice notice--warning">{t('workbench.assign.noColleagues')}</p>
      )}
      {colleagues && colleagues.length > 0 && (
        <>
          <SelectField
            id="assign-colleague"
            label={t('workbench.assign.colleague')}
            value={userId}
            error={errors.userId}
            options={[
              { value: '', label: t('workbench.assign.chooseColleague') },
              ...colleagues.map((c) => ({ value: c.userId, label: c.displayName })),
            ]}
            onChange={setUserId}
          />
          <TextAreaField
            id="assign-note"
            label={t('workbench.assign.note')}
            hint={t('workbench.assign.noteHint')}
            value={note}
            rows={3}
            error={errors.note}
            onChange={setNote}
          />
        </>
      )}
    </FormDialog>
  );
}
