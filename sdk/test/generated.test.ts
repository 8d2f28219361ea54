// The committed generated SDK files must be what the current app's OpenAPI document gives
// (only its open API part counts, so work on other routes never fails this). On failure run
// `npm run sdk:generate` and commit the result.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GENERATED_FILES,
  filterOpenApi,
  openApiOfFreshApp,
  renderSdkSources,
} from '../scripts/openapi-sdk.ts';

describe('the generated SDK', () => {
  it('matches the open API of the current app (run `npm run sdk:generate` if not)', async () => {
    const document = await openApiOfFreshApp();
    const sources = await renderSdkSources(filterOpenApi(document));
    for (const [key, file] of Object.entries(GENERATED_FILES))
      expect(fs.readFileSync(file, 'utf8'), `${file} is out of date: run npm run sdk:generate`).toBe(
        sources[key as keyof typeof GENERATED_FILES],
      );
  });

  it('covers exactly the open API paths, and only the components they use', async () => {
    const document = await openApiOfFreshApp();
    const filtered = filterOpenApi(document);
    const all = Object.keys(document.paths as object).filter((p) => p.startsWith('/api/open/'));
    expect(Object.keys(filtered.paths as object)).toEqual([...all].sort());
    // A route outside the open API changing does not change the filtered document.
    const changed = structuredClone(document) as { paths: Record<string, unknown> };
    changed.paths['/api/v1/something-new'] = { get: { responses: { 200: { description: 'ok' } } } };
    expect(filterOpenApi(changed as never)).toEqual(filtered);
  });
});
