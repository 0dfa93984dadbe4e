import createClient, { type Middleware } from 'openapi-fetch';
import { sessionExpired, sessionToken } from '../auth/session';
import { ApiError } from './errors';
import type { paths } from './schema';

const LOGIN_PATH = '/api/v1/auth/login';

/** Sends the tab's token; a 401 on any call but the sign-in itself ends the session. */
const auth: Middleware = {
  onRequest({ request }) {
    const token = sessionToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith(LOGIN_PATH)) sessionExpired();
    return response;
  },
};

/** The typed client: paths, parameters and bodies are checked against the API's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or an ApiError with the API's message. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, null);
  }
  if (!result.response.ok) throw new ApiError(result.response.status, (result.error as ApiError['body']) ?? null);
  return result.data as T;
}
