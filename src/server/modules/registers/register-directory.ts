import type { AppConfig } from '../../platform/config.ts';
import type { Db } from '../../platform/db/database.ts';
import { certificatesAdapter, enterpriseAdapter } from './adapters/enterprise-registers.ts';
import { DepartmentClient } from './adapters/http-register-client.ts';
import {
  accountAdapter,
  housingFundAdapter,
  medicalInsuranceAdapter,
  populationAdapter,
  utilitiesAdapter,
  vehiclesAdapter,
} from './adapters/person-registers.ts';
import { socialInsuranceHttpAdapter } from './adapters/social-insurance-http.ts';
import type { RegisterAdapter, RegisterCode } from './register-adapter.ts';

/** Every register of the city, by code; built once per process (the HTTP client holds the breaker). */
export interface RegisterDirectory {
  get(code: RegisterCode): RegisterAdapter;
  has(code: string): code is RegisterCode;
  list(): RegisterAdapter[];
  /** The department system client (undefined when none is configured). */
  departmentClient: DepartmentClient | undefined;
}

export function buildRegisterDirectory(db: Db, config: AppConfig): RegisterDirectory {
  const departmentClient =
    config.departmentServerUrl && config.departmentApiKey
      ? new DepartmentClient({
          baseUrl: config.departmentServerUrl,
          apiKey: config.departmentApiKey,
          timeoutMs: config.departmentTimeoutMs,
          retries: config.departmentRetries,
          breakerThreshold: config.departmentBreakerFailures,
          halfOpenAfterMs: config.departmentHalfOpenMs,
        })
      : undefined;
  const adapters = new Map<RegisterCode, RegisterAdapter>(
    [
      populationAdapter(db),
      accountAdapter(),
      enterpriseAdapter(),
      certificatesAdapter(db),
      socialInsuranceHttpAdapter(departmentClient),
      housingFundAdapter(),
      medicalInsuranceAdapter(),
      vehiclesAdapter(),
      utilitiesAdapter(db),
    ].map((adapter) => [adapter.code, adapter]),
  );
  return {
    get: (code) => adapters.get(code)!,
    has: (code): code is RegisterCode => adapters.has(code as RegisterCode),
    list: () => [...adapters.values()],
    departmentClient,
  };
}
