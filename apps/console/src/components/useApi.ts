import { useCallback, useEffect, useState, type DependencyList } from 'react';

export interface ApiState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads `load()` when `deps` change and on `reload()`; a response that arrives after the
 * component moved on (deps changed, unmounted) is dropped, so a slow answer never overwrites a newer one.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): ApiState<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, loading: false }),
      (error: unknown) => !controller.signal.aborted && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => controller.abort();
    // `load` is a fresh closure on each render: `deps` say when it loads something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps are the dependencies
  }, [...deps, generation]);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
