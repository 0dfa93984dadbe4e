import { readFileSync } from 'node:fs';
import { offlineApiDocument } from './api-document';
import { CONSOLE_API_TYPES_PATH, consoleApiTypes } from './console-api-types';

/** The console's typed client cannot drift from the API: its committed types are what the API generates now. */
describe('the console API types', () => {
  it('match the OpenAPI document the API describes (run `npm run console:api-types` after changing a DTO)', async () => {
    const expected = await consoleApiTypes(await offlineApiDocument());
    expect(readFileSync(CONSOLE_API_TYPES_PATH, 'utf8')).toBe(expected);
  });
});
