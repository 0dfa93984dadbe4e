import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page loaded when first shown, from a module that exports it by name: a role's first page
 * does not wait for the code of its forms and detail pages. ConsoleShell's Suspense shows
 * PageLoading meanwhile.
 */
// `any` props: any page component; M[K] keeps the page's own props for its callers.
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(async () => ({ default: (await load())[name] }));
}
