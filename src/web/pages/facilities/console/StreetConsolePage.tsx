import { useParams } from 'react-router-dom';
import { RequireSession } from '../../../components/RequireSession.tsx';
import { StreetConsoleView } from './StreetConsoleView.tsx';
import './console.css';

/** `/facilities/console/streets/:street`: one street's console (its operators; admins). */
export function StreetConsolePage() {
  const { street = '' } = useParams();
  return <RequireSession>{() => <StreetConsoleView street={street} />}</RequireSession>;
}
