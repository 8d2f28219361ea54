// `npm run sdk:generate`: builds the app, reads its OpenAPI document, writes the SDK's generated
// files (sdk/openapi.json, sdk/src/generated/*.ts).
import fs from 'node:fs';
import path from 'node:path';
import { GENERATED_FILES, filterOpenApi, openApiOfFreshApp, renderSdkSources } from './openapi-sdk.ts';

const sources = await renderSdkSources(filterOpenApi(await openApiOfFreshApp()));
for (const [key, file] of Object.entries(GENERATED_FILES)) {
  const content = sources[key as keyof typeof GENERATED_FILES];
  const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  console.log(`${before === content ? 'unchanged' : 'written  '} ${path.relative(process.cwd(), file)}`);
}
