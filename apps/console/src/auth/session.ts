import type { User } from '../api/types';

/** The signed-in person for this tab only: sessionStorage is neither shared with other tabs nor kept after closing. */
export interface Session {
  token: string;
  user: User;
}

const KEY = 'enterpark.session';
const expiryListeners = new Set<() => void>();

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export function sessionToken(): string | null {
  return currentSession()?.token ?? null;
}

export function startSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function endSession(): void {
  sessionStorage.removeItem(KEY);
}

/** Seconds since the epoch at which the token stops being accepted, read from the JWT (not verified: the API does that). */
export function tokenExpiresAt(token: string): number | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    return typeof payload.exp === 'number' ? payload.exp : null;
  } catch {
    return null;
  }
}

export function isExpired(session: Session, nowMs = Date.now()): boolean {
  const exp = tokenExpiresAt(session.token);
  return exp !== null && exp * 1000 <= nowMs;
}

/** Called by the API client on a 401: the session is gone; the app sends the person back to sign in. */
export function sessionExpired(): void {
  if (!currentSession()) return;
  endSession();
  for (const listener of expiryListeners) listener();
}

export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}
