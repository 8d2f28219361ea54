import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { SelectField } from '../../../components/ChoiceFields.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import '../requests/desk.css';
import './desk-rooms.css';
import { errorText } from './desk-rooms-parts.tsx';
import { RoomDocuments } from './RoomDocuments.tsx';
import { RoomMessages } from './RoomMessages.tsx';
import { RoomChecklist, RoomTasks } from './RoomTasks.tsx';
import { ORGANISATION_KINDS, roomsApi, type OrganisationKind, type Room } from './rooms-api.ts';

/** /desk/rooms/:id: one coordination room, for its members only. */
export function RoomPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deskRooms.roomTitle'));
  const { id = '' } = useParams();
  return <RequireSession>{() => <RoomView roomId={id} />}</RequireSession>;
}

function RoomView({ roomId }: { roomId: string }) {
  const { t } = useTranslation();
  const load = useCallback(() => roomsApi.room(roomId), [roomId]);
  const [state, reload] = useApiResource(load);
  return (
    <ResourceStatus
      state={state}
      notFound={
        <>
          <PageHeading>{t('deskRooms.notFound')}</PageHeading>
          <p>
            <Link to="/desk/rooms">{t('deskRooms.back')}</Link>
          </p>
        </>
      }
    >
      {(room) => (
        <>
          <PageHeading>{room.title}</PageHeading>
          <p>
            <Link to="/desk/rooms">{t('deskRooms.back')}</Link>
            {room.projectId && (
              <>
                {' · '}
                <Link to={`/desk/projects/${encodeURIComponent(room.projectId)}`}>
                  {t('deskRooms.toProject')}
                </Link>
              </>
            )}
          </p>
          <p className="lead">{room.enterpriseName}</p>
          {room.description && <p>{room.description}</p>}
          <div className="desk-room-grid">
            <Members room={room} onChange={reload} />
            <RoomTasks room={room} />
            <RoomChecklist roomId={room.id} />
            <RoomDocuments roomId={room.id} />
            <RoomMessages roomId={room.id} myUserId={room.myUserId} />
            <Activity room={room} />
          </div>
        </>
      )}
    </ResourceStatus>
  );
}

function Members({ room, onChange }: { room: Room; onChange(): void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [organisationKind, setOrganisationKind] = useState<OrganisationKind>('contractor');
  const [organisationName, setOrganisationName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState('');
  const isOwner = room.myRole === 'owner';

  async function invite(event: FormEvent) {
    event.preventDefault();
    setStatus('');
    setFailure('');
    const found: Record<string, string> = {};
    if (!username.trim()) found.username = t('deskRooms.members.usernameRequired');
    if (!organisationName.trim()) found.organisationName = t('deskRooms.members.organisationRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const member = await roomsApi.addMember(room.id, { username, organisationKind, organisationName });
      setStatus(t('deskRooms.members.added', { name: member.displayName }));
      setUsername('');
      setOrganisationName('');
      onChange();
    } catch (error) {
      setFailure(errorText(error, t('errors.unexpected')));
    }
  }

  async function remove(memberId: string, name: string) {
    try {
      await roomsApi.removeMember(room.id, memberId);
      setStatus(t('deskRooms.members.removed', { name }));
      onChange();
    } catch (error) {
      setFailure(errorText(error, t('errors.unexpected')));
    }
  }

  return (
    <section aria-labelledby="members-heading" className="panel">
      <h2 id="members-heading" className="panel__title">
        {t('deskRooms.members.title', { n: room.members.length })}
      </h2>
      <ul className="desk-list">
        {room.members.map((member) => (
          <li key={member.memberId}>
            <strong>{member.displayName}</strong> · {member.organisationName} (
            {t(`deskRooms.organisations.${member.organisationKind}`)})
            {member.role === 'owner' && <span className="badge">{t('deskRooms.roles.owner')}</span>}
            {isOwner && member.role !== 'owner' && (
              <>
                {' '}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void remove(member.memberId, member.displayName)}
                >
                  {t('deskRooms.members.remove', { name: member.displayName })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite">
        {status && <p className="notice notice--success">{status}</p>}
      </div>
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
      {isOwner && (
        <form className="form" onSubmit={(event) => void invite(event)} noValidate>
          <h3>{t('deskRooms.members.invite')}</h3>
          <TextField
            id="member-username"
            label={t('deskRooms.members.username')}
            hint={t('deskRooms.members.usernameHint')}
            value={username}
            onChange={setUsername}
            error={errors.username}
            autoComplete="off"
          />
          <SelectField
            id="member-kind"
            label={t('deskRooms.members.kind')}
            value={organisationKind}
            options={ORGANISATION_KINDS.map((kind) => ({
              value: kind,
              label: t(`deskRooms.organisations.${kind}`),
            }))}
            onChange={(value) => setOrganisationKind(value as OrganisationKind)}
          />
          <TextField
            id="member-organisation"
            label={t('deskRooms.members.organisation')}
            value={organisationName}
            onChange={setOrganisationName}
            error={errors.organisationName}
          />
          <button type="submit" className="button">
            {t('deskRooms.members.inviteSubmit')}
          </button>
        </form>
      )}
    </section>
  );
}

function Activity({ room }: { room: Room }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  return (
    <section aria-labelledby="activity-heading" className="panel">
      <h2 id="activity-heading" className="panel__title">
        {t('deskRooms.activity.title')}
      </h2>
      {room.activity.length === 0 ? (
        <p className="empty">{t('deskRooms.activity.none')}</p>
      ) : (
        <ol className="desk-list">
          {room.activity.map((item) => (
            <li key={item.id}>
              {formatDateTime(item.createdAt, language)} · {item.actorName ?? t('deskRooms.activity.system')}:{' '}
              {t(`deskRooms.activity.kinds.${item.kind.replace('.', '_')}`, {
                defaultValue: item.kind,
                ...Object.fromEntries(
                  Object.entries(item.summary).map(([key, value]) => [key, String(value)]),
                ),
              })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
