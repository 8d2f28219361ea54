// A kiosk is a facility device: it proves which facility it stands in with the facility's device
// key (`x-facility-key`, issued by the street's operators) and names its terminal
// (`x-kiosk-terminal`), which must be one of that facility's registered terminals.
import type { FastifyRequest } from 'fastify';
import { uuidv7 } from 'uuidv7';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Locale } from '../../platform/i18n/locale.ts';
import { getFacilityPage } from '../facilities/facilities-query.service.ts';
import { ingestFacilityEvents } from '../facilities/facility-events.service.ts';
import {
  authenticateFacilityKey,
  FACILITY_KEY_HEADER,
  type FacilityDevice,
} from '../facilities/facility-keys.service.ts';

export const KIOSK_TERMINAL_HEADER = 'x-kiosk-terminal';

export interface KioskTerminal {
  facilityId: string;
  facilityCode: string;
  terminalId: string;
  /** The facility device the key authenticated (its active terminals included). */
  device: FacilityDevice;
}

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
};

/** The terminal a kiosk request comes from; FACILITY_KEY_INVALID / KIOSK_TERMINAL_UNKNOWN otherwise. */
export async function authenticateTerminal(db: Db, request: FastifyRequest): Promise<KioskTerminal> {
  const device = await authenticateFacilityKey(db, header(request, FACILITY_KEY_HEADER));
  const terminalId = header(request, KIOSK_TERMINAL_HEADER);
  if (!terminalId || !device.terminalIds.has(terminalId)) throw new AppError('KIOSK_TERMINAL_UNKNOWN');
  return { facilityId: device.facilityId, facilityCode: device.facilityCode, terminalId, device };
}

/** The facility's public page in the caller's language, for the kiosk's home screen. */
export function terminalFacility(db: Db, terminal: KioskTerminal, locale: Locale) {
  return getFacilityPage(db, terminal.facilityCode, locale, new Date());
}

export type TerminalTransactionType = 'sign_in' | 'query' | 'application';

/**
 * Emits the facility event of one terminal transaction through the facilities module's ingest.
 * The event names the terminal and what was done, never who did it: it is pseudonymous by design.
 */
export async function recordTerminalTransaction(
  db: Db,
  terminal: KioskTerminal,
  type: TerminalTransactionType,
): Promise<void> {
  const answer = await ingestFacilityEvents(
    db,
    terminal.device,
    [
      {
        eventId: `kiosk-${uuidv7()}`,
        kind: 'terminal_transaction',
        occurredAt: new Date().toISOString(),
        terminalId: terminal.terminalId,
        type,
      },
    ],
    { locale: 'en' },
  );
  if (answer.accepted !== 1)
    throw new Error(`terminal event refused: ${JSON.stringify(answer.results[0]?.reason ?? answer)}`);
}
