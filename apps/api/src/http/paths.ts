/** Where the API lives under the server's root; health checks stay outside it. */
export const API_PREFIX = 'api/v1';
export const DOCS_PATH = 'api/docs';
