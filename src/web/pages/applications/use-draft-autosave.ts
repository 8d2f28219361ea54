// Saves the application being filled in as a draft (草稿) shortly after each change, so it can be
// resumed later or on another device. One save at a time; a change made while a save is on its
// way is saved after it. A save refused because another device saved since (DRAFT_CHANGED) stops
// autosaving until the applicant chooses which version to keep.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { getDraft, saveDraft, type Delivery, type Draft } from '../../api/applications-endpoints.ts';
import { draftFingerprint } from './application-view.ts';

export const AUTOSAVE_DELAY_MS = 1500;

export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'conflict' }
  | { kind: 'failed'; message: string };

export interface DraftContent {
  data: Record<string, unknown>;
  attachmentIds: string[];
  delivery: Delivery;
}

interface Options {
  serviceId: string;
  enterpriseId: string | undefined;
  content: DraftContent;
  /** The version loaded with the page (0 for none). */
  initialVersion: number;
  /** Saved at this time already (a resumed draft). */
  initialSavedAt: string | null;
  /** False once the application is submitted (the server deletes the draft). */
  isEnabled: boolean;
}

export function useDraftAutosave({
  serviceId,
  enterpriseId,
  content,
  initialVersion,
  initialSavedAt,
  isEnabled,
}: Options) {
  const [status, setStatus] = useState<AutosaveStatus>(
    initialSavedAt ? { kind: 'saved', at: initialSavedAt } : { kind: 'idle' },
  );
  const version = useRef(initialVersion);
  const savedFingerprint = useRef(draftFingerprint(content));
  const latest = useRef(content);
  const isSaving = useRef(false);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const isBlocked = useRef(false);
  // Bumped to look again after a save (changes made meanwhile) or a resolved conflict.
  const [recheck, setRecheck] = useState(0);
  const fingerprint = draftFingerprint(content);

  useEffect(() => {
    latest.current = content;
  });

  const saveNow = useCallback(async (): Promise<void> => {
    if (isSaving.current || isBlocked.current) return;
    const snapshot = latest.current;
    const snapshotPrint = draftFingerprint(snapshot);
    if (snapshotPrint === savedFingerprint.current) return;
    isSaving.current = true;
    setStatus({ kind: 'saving' });
    try {
      const request = saveDraft(serviceId, {
        ...(enterpriseId ? { enterpriseId } : {}),
        data: snapshot.data,
        attachmentIds: snapshot.attachmentIds,
        delivery: snapshot.delivery,
        version: version.current,
      });
      inFlight.current = request;
      const saved = await request;
      version.current = saved.version;
      savedFingerprint.current = snapshotPrint;
      setStatus({ kind: 'saved', at: saved.updatedAt });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DRAFT_CHANGED') {
        isBlocked.current = true;
        setStatus({ kind: 'conflict' });
      } else {
        setStatus({ kind: 'failed', message: error instanceof ApiError ? error.message : String(error) });
      }
    } finally {
      isSaving.current = false;
      inFlight.current = null;
    }
    // Changed while saving: save that too (after the usual pause).
    if (!isBlocked.current && draftFingerprint(latest.current) !== savedFingerprint.current)
      setRecheck((n) => n + 1);
  }, [serviceId, enterpriseId]);

  useEffect(() => {
    if (!isEnabled || isBlocked.current || fingerprint === savedFingerprint.current) return;
    setStatus((current) => (current.kind === 'saving' ? current : { kind: 'pending' }));
    const timer = setTimeout(() => void saveNow(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [fingerprint, isEnabled, saveNow, recheck]);

  /** Takes the newer version another device saved; resolves with it for the page to show. */
  const loadNewer = useCallback(async (): Promise<Draft | null> => {
    try {
      const newer = await getDraft(serviceId, enterpriseId);
      version.current = newer.version;
      savedFingerprint.current = draftFingerprint({
        data: newer.data,
        attachmentIds: newer.attachmentIds,
        delivery: newer.delivery ?? { method: 'online' },
      });
      isBlocked.current = false;
      setStatus({ kind: 'saved', at: newer.updatedAt });
      return newer;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'DRAFT_NOT_FOUND') {
        version.current = 0;
        isBlocked.current = false;
        setRecheck((n) => n + 1);
        return null;
      }
      setStatus({ kind: 'failed', message: error instanceof ApiError ? error.message : String(error) });
      return null;
    }
  }, [serviceId, enterpriseId]);

  /** Keeps this page's version: saves it over the other device's. */
  const keepMine = useCallback(async () => {
    try {
      const other = await getDraft(serviceId, enterpriseId);
      version.current = other.version;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'DRAFT_NOT_FOUND')) {
        setStatus({ kind: 'failed', message: error instanceof ApiError ? error.message : String(error) });
        return;
      }
      version.current = 0;
    }
    isBlocked.current = false;
    savedFingerprint.current = '';
    await saveNow();
  }, [serviceId, enterpriseId, saveNow]);

  /** Waits for a save on its way (before submitting, which deletes the draft on the server). */
  const settle = useCallback(async () => {
    await inFlight.current?.catch(() => undefined);
  }, []);

  return { status, loadNewer, keepMine, settle };
}
