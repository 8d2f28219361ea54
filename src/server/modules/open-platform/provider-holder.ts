// One provider per process, rebuilt when the keys change: after a rotation here at once, after
// one in another process within KEY_CHECK_MS (a cheap query of the key stamp).
import type Provider from 'oidc-provider';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppDeps } from '../../platform/deps.ts';
import { createProvider } from './oidc-provider.ts';
import { loadProviderKeys, providerKeysStamp, rotateSigningKey } from './open-platform-keys.ts';
import type { AuditActor } from '../../platform/audit/audit.ts';

const KEY_CHECK_MS = 5_000;

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export class ProviderHolder {
  private current: { provider: Provider; handler: Handler; stamp: string } | undefined;
  private checkedAt = 0;
  private building: Promise<void> | undefined;

  constructor(private readonly deps: AppDeps) {}

  /** The provider for the keys in force. */
  async get(): Promise<{ provider: Provider; handler: Handler }> {
    const now = Date.now();
    if (!this.current) await this.rebuild();
    else if (now - this.checkedAt > KEY_CHECK_MS) {
      this.checkedAt = now;
      const stamp = await providerKeysStamp(this.deps.database.db);
      if (stamp !== this.current.stamp) await this.rebuild();
    }
    return this.current!;
  }

  /** Rotates the signing key and starts using it in this process at once. */
  async rotateSigningKey(actor: AuditActor | null, requestId?: string) {
    const result = await rotateSigningKey(this.deps.database.db, actor, requestId);
    await this.rebuild();
    return result;
  }

  async rebuild(): Promise<void> {
    this.building ??= (async () => {
      try {
        const keys = await loadProviderKeys(this.deps.database.db, this.deps.config.oidcCookieKeys);
        const provider = createProvider(this.deps, keys);
        this.current = { provider, handler: provider.callback() as Handler, stamp: keys.stamp };
        this.checkedAt = Date.now();
      } finally {
        this.building = undefined;
      }
    })();
    await this.building;
  }
}
