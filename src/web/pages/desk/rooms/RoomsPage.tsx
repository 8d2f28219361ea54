import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { Me } from '../../../api/types.ts';
import { SelectField, TextAreaField } from '../../../components/ChoiceFields.tsx';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { deskApi } from '../requests/desk-api.ts';
import '../requests/desk.css';
import './desk-rooms.css';
import { DeskRoomsNav, errorText } from './desk-rooms-parts.tsx';
import { roomsApi } from './rooms-api.ts';

/** /desk/rooms: the coordination rooms (协调群) I am a member of; managers open new ones. */
export function RoomsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('deskRooms.title'));
  return <RequireSession>{(me) => <Rooms me={me} />}</RequireSession>;
}

function Rooms({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const [state] = useApiResource(roomsApi.mine);
  const isManager = me.staff.some((post) => post.role === 'service_manager');
  return (
    <>
      <PageHeading>{t('deskRooms.title')}</PageHeading>
      <DeskRoomsNav />
      <p className="lead">{t('deskRooms.intro')}</p>
      <ResourceStatus state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('deskRooms.none')}</p>
          ) : (
            <ul className="desk-cards">
              {items.map((room) => (
                <li key={room.id} className="panel">
                  <h2 className="panel__title">
                    <Link to={`/desk/rooms/${encodeURIComponent(room.id)}`}>{room.title}</Link>
                  </h2>
                  <p>{room.enterpriseName}</p>
                  <p className="desk-muted">
                    {t(`deskRooms.roles.${room.myRole}`)} ·{' '}
                    {t('deskRooms.updated', { at: formatDateTime(room.updatedAt, language) })}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceStatus>
      {isManager && <OpenRoomForm />}
    </>
  );
}

function OpenRoomForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [workspace] = useApiResource(deskApi.managerWorkspace);
  const [enterpriseId, setEnterpriseId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState('');

  async function open(event: FormEvent, fallbackEnterprise: string) {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('deskRooms.open.titleRequired'));
      return;
    }
    try {
      const room = await roomsApi.open(enterpriseId || fallbackEnterprise, { title, description });
      void navigate(`/desk/rooms/${encodeURIComponent(room.id)}`);
    } catch (caught) {
      setFailure(errorText(caught, t('errors.unexpected')));
    }
  }

  return (
    <section aria-labelledby="open-room-heading">
      <h2 id="open-room-heading">{t('deskRooms.open.title')}</h2>
      <ResourceStatus state={workspace}>
        {({ enterprises }) => {
          const mine = enterprises.filter((e) => e.relation === 'manager');
          if (mine.length === 0) return <p className="empty">{t('deskVisits.noEnterprises')}</p>;
          const fallback = mine[0]!.enterpriseId;
          return (
            <form className="form" onSubmit={(event) => void open(event, fallback)} noValidate>
              <SelectField
                id="room-enterprise"
                label={t('deskRooms.open.enterprise')}
                value={enterpriseId || fallback}
                options={mine.map((e) => ({ value: e.enterpriseId, label: e.enterpriseName }))}
                onChange={setEnterpriseId}
              />
              <TextField
                id="room-title"
                label={t('deskRooms.open.name')}
                value={title}
                onChange={setTitle}
                error={error}
              />
              <TextAreaField
                id="room-description"
                label={t('deskRooms.open.description')}
                value={description}
                onChange={setDescription}
              />
              {failure && (
                <p className="notice notice--error" role="alert">
                  {failure}
                </p>
              )}
              <button type="submit" className="button">
                {t('deskRooms.open.submit')}
              </button>
            </form>
          );
        }}
      </ResourceStatus>
    </section>
  );
}
