import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults: port 3000, ./data, SQLite, demo on', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demo).toBe(true);
  });

  it('reads the documented variables', () => {
    const config = loadConfig({
      PORT: '8080',
      TONGBAN_DATA_DIR: '/var/lib/tongban',
      TONGBAN_DATABASE_URL: 'postgres://u:p@db:5432/tongban',
      TONGBAN_DEMO: 'off',
      TONGBAN_ADMIN_PASSWORD: 'a-strong-admin-password',
      TONGBAN_LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/tongban',
      databaseUrl: 'postgres://u:p@db:5432/tongban',
      demo: false,
      adminPassword: 'a-strong-admin-password',
      logLevel: 'warn',
    });
  });

  it('reports every bad value at once, each with a clear message', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        TONGBAN_DATABASE_URL: 'mysql://x',
        TONGBAN_DEMO: 'maybe',
        TONGBAN_LOG_LEVEL: 'loud',
        TONGBAN_ADMIN_PASSWORD: 'short',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/PORT must be a whole number/);
    expect(problems.join('\n')).toMatch(/TONGBAN_DATABASE_URL must be a postgres/);
    expect(problems.join('\n')).toMatch(/TONGBAN_DEMO must be on or off/);
    expect(problems.join('\n')).toMatch(/TONGBAN_LOG_LEVEL must be one of/);
    expect(problems.join('\n')).toMatch(/TONGBAN_ADMIN_PASSWORD must be at least 12/);
  });
});
