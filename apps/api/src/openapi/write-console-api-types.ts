import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { offlineApiDocument } from './api-document';
import { CONSOLE_API_TYPES_PATH, consoleApiTypes } from './console-api-types';

/** `npm run console:api-types`: regenerates the console's client types from the API's decorators. */
async function main(): Promise<void> {
  writeFileSync(CONSOLE_API_TYPES_PATH, await consoleApiTypes(await offlineApiDocument()));
  console.log(`wrote ${CONSOLE_API_TYPES_PATH}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
