/** A card read at a terminal waiting for the code sent to the person's phone. */
export interface KioskChallengeTable {
  id: string;
  userId: string;
  facilityId: string;
  terminalId: string;
  /** SHA-256 of the challenge id and the code. */
  codeHash: string;
  createdAt: string;
  expiresAt: string;
  failedAttempts: number;
  usedAt: string | null;
}

/** A one-time sign-in token the resident shows as a QR code from the web app. */
export interface KioskQrTokenTable {
  id: string;
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedTerminalId: string | null;
}

export type KioskSignInMethod = 'card_code' | 'qr';
export type KioskSessionEndReason = 'sign_out' | 'idle' | 'replaced';

/** A resident's session at one terminal: a bearer token held only in the kiosk page's memory. */
export interface KioskSessionTable {
  id: string;
  tokenHash: string;
  userId: string;
  facilityId: string;
  terminalId: string;
  method: KioskSignInMethod;
  createdAt: string;
  lastActivityAt: string;
  /** Absolute end, however active the session is. */
  expiresAt: string;
  endedAt: string | null;
  endReason: KioskSessionEndReason | null;
}
