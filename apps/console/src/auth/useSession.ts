import { currentSession, type Session } from './session';

/** The session inside the signed-in area, where RequireSession has made sure there is one. */
export function useSession(): Session {
  const session = currentSession();
  if (!session) throw new Error('useSession outside the signed-in area');
  return session;
}
