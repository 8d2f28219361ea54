import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ChoiceFields.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { InputField, errorText } from './desk-rooms-parts.tsx';
import { TASK_STATUSES, roomsApi, type Room, type RoomTask, type TaskStatus } from './rooms-api.ts';

/** The room's tasks: owner, due date, status; members add them, owners move them on. */
export function RoomTasks({ room }: { room: Room }) {
  const { t } = useTranslation();
  const load = useCallback(() => roomsApi.tasks(room.id), [room.id]);
  const [state, reload] = useApiResource(load);
  const [title, setTitle] = useState('');
  const [ownerUserId, setOwnerUserId] = useState(room.myUserId);
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  const mayChange = (task: RoomTask) =>
    room.myRole === 'owner' || task.ownerUserId === room.myUserId || task.createdByUserId === room.myUserId;

  async function add(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    setFailure('');
    const found: Record<string, string> = {};
    if (!title.trim()) found.title = t('deskRooms.tasks.titleRequired');
    if (!dueDate) found.dueDate = t('deskRooms.tasks.dueRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await roomsApi.addTask(room.id, { title, ownerUserId, dueDate });
      setTitle('');
      setStatus(t('deskRooms.tasks.added'));
      reload();
    } catch (error) {
      setFailure(errorText(error, t('errors.unexpected')));
    }
  }

  async function move(task: RoomTask, next: TaskStatus) {
    setFailure('');
    try {
      await roomsApi.setTaskStatus(room.id, task.id, next);
      setStatus(
        t('deskRooms.tasks.moved', { title: task.title, status: t(`deskRooms.tasks.statuses.${next}`) }),
      );
      reload();
    } catch (error) {
      setFailure(errorText(error, t('errors.unexpected')));
    }
  }

  return (
    <section aria-labelledby="tasks-heading" className="panel desk-room-grid__wide">
      <h2 id="tasks-heading" className="panel__title">
        {t('deskRooms.tasks.title')}
      </h2>
      <ResourceStatus state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('deskRooms.tasks.none')}</p>
          ) : (
            <div className="desk-table__scroll">
              <table className="desk-table">
                <caption className="visually-hidden">{t('deskRooms.tasks.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('deskRooms.tasks.task')}</th>
                    <th scope="col">{t('deskRooms.tasks.owner')}</th>
                    <th scope="col">{t('deskRooms.tasks.due')}</th>
                    <th scope="col">{t('deskRooms.tasks.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((task) => (
                    <tr key={task.id}>
                      <td>{task.title}</td>
                      <td>{task.ownerName}</td>
                      <td>{task.dueDate}</td>
                      <td>
                        {mayChange(task) ? (
                          <SelectField
                            id={`task-status-${task.id}`}
                            label={t('deskRooms.tasks.statusOf', { title: task.title })}
                            value={task.status}
                            options={TASK_STATUSES.map((s) => ({
                              value: s,
                              label: t(`deskRooms.tasks.statuses.${s}`),
                            }))}
                            onChange={(next) => void move(task, next)}
                          />
                        ) : (
                          t(`deskRooms.tasks.statuses.${task.status}`)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceStatus>
      <div role="status" aria-live="polite">
        {status && <p className="notice notice--success">{status}</p>}
      </div>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      <form className="form" onSubmit={(event) => void add(event)} noValidate>
        <h3>{t('deskRooms.tasks.add')}</h3>
        <TextField
          id="task-title"
          label={t('deskRooms.tasks.task')}
          value={title}
          onChange={setTitle}
          error={errors.title}
        />
        <SelectField
          id="task-owner"
          label={t('deskRooms.tasks.owner')}
          value={ownerUserId}
          options={room.members.map((m) => ({
            value: m.userId,
            label: `${m.displayName} · ${m.organisationName}`,
          }))}
          onChange={setOwnerUserId}
        />
        <InputField
          id="task-due"
          type="date"
          label={t('deskRooms.tasks.due')}
          value={dueDate}
          error={errors.dueDate}
          onChange={(event) => setDueDate(event.target.value)}
        />
        <button type="submit" className="button">
          {t('deskRooms.tasks.addSubmit')}
        </button>
      </form>
    </section>
  );
}

/** The checklist of materials for the next step. */
export function RoomChecklist({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => roomsApi.checklist(roomId), [roomId]);
  const [state, reload] = useApiResource(load);
  const [label, setLabel] = useState('');
  const [step, setStep] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');

  async function add(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    if (!label.trim()) {
      setError(t('deskRooms.checklist.labelRequired'));
      return;
    }
    setError(undefined);
    try {
      await roomsApi.addChecklistItem(roomId, { label, step });
      setLabel('');
      setStatus(t('deskRooms.checklist.added'));
      reload();
    } catch (caught) {
      setFailure(errorText(caught, t('errors.unexpected')));
    }
  }

  async function toggle(itemId: string, isDone: boolean) {
    try {
      await roomsApi.setChecklistDone(roomId, itemId, isDone);
      reload();
    } catch (caught) {
      setFailure(errorText(caught, t('errors.unexpected')));
    }
  }

  return (
    <section aria-labelledby="checklist-heading" className="panel">
      <h2 id="checklist-heading" className="panel__title">
        {t('deskRooms.checklist.title')}
      </h2>
      <ResourceStatus state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('deskRooms.checklist.none')}</p>
          ) : (
            <ul className="desk-checklist">
              {items.map((item) => (
                <li key={item.id} className="choice">
                  <input
                    className="choice__input"
                    type="checkbox"
                    id={`check-${item.id}`}
                    checked={item.isDone}
                    onChange={(event) => void toggle(item.id, event.target.checked)}
                  />
                  <label className="choice__label" htmlFor={`check-${item.id}`}>
                    {item.label}
                    {item.step && <span className="desk-muted"> · {item.step}</span>}
                    {item.doneByName && (
                      <span className="desk-muted">
                        {' '}
                        · {t('deskRooms.checklist.doneBy', { name: item.doneByName })}
                      </span>
                    )}
                  </label>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceStatus>
      <div role="status" aria-live="polite">
        {status && <p className="notice notice--success">{status}</p>}
      </div>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      <form className="form" onSubmit={(event) => void add(event)} noValidate>
        <h3>{t('deskRooms.checklist.add')}</h3>
        <TextField
          id="checklist-label"
          label={t('deskRooms.checklist.label')}
          value={label}
          onChange={setLabel}
          error={error}
        />
        <TextField
          id="checklist-step"
          label={t('deskRooms.checklist.step')}
          hint={t('deskRooms.checklist.stepHint')}
          value={step}
          onChange={setStep}
        />
        <button type="submit" className="button">
          {t('deskRooms.checklist.addSubmit')}
        </button>
      </form>
    </section>
  );
}
