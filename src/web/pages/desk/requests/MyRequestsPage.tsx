import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeading } from '../../../components/PageHeading.tsx';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { ResourceStatus } from '../../../components/ResourceStatus.tsx';
import { useApiResource } from '../../../lib/use-api-resource.ts';
import { useDocumentTitle } from '../../../lib/use-document-title.ts';
import { deskApi } from './desk-api.ts';
import { RequestTable } from './desk-parts.tsx';

/** /desk/requests: the resident's own requests and those of the enterprises they act for. */
export function MyRequestsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('desk.requests.listTitle'));
  return <RequireSession>{() => <MyRequests />}</RequireSession>;
}

function MyRequests() {
  const { t } = useTranslation();
  const [state] = useApiResource(deskApi.myRequests);
  return (
    <>
      <PageHeading>{t('desk.requests.listTitle')}</PageHeading>
      <p className="lead">{t('desk.requests.listIntro')}</p>
      <p>
        <Link className="button" to="/desk/requests/new">
          {t('desk.workspace.newRequest')}
        </Link>
      </p>
      <ResourceStatus state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="empty">{t('desk.workspace.noRequests')}</p>
          ) : (
            <RequestTable items={items} caption={t('desk.requests.listTitle')} showFiler />
          )
        }
      </ResourceStatus>
    </>
  );
}
