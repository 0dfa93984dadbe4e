import { useState, type DependencyList, type ReactNode } from 'react';
import { Button, Flex } from 'antd';
import type { Page } from '../api/pages';
import { useApi, type ApiState } from './useApi';

/**
 * One page of a cursor-paged list (`{items, nextCursor}`), with 上一页 / 下一页. A change of
 * `deps` (the filters) starts again from the first page.
 */
export function useCursorPages<T>(load: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>, deps: DependencyList): ApiState<Page<T>> & { pager: ReactNode } {
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: '', cursors: [undefined] });
  const key = JSON.stringify(deps);
  const cursors = paging.key === key ? paging.cursors : [undefined];
  const cursor = cursors.at(-1);
  const state = useApi((signal) => load(cursor, signal), [key, cursor]);
  const next = state.data?.nextCursor;
  const pager = (cursors.length > 1 || next) && (
    <Flex gap={8} style={{ marginTop: 16 }}>
      {cursors.length > 1 && <Button onClick={() => setPaging({ key, cursors: cursors.slice(0, -1) })}>上一页</Button>}
      {next && <Button onClick={() => setPaging({ key, cursors: [...cursors, next] })}>下一页</Button>}
    </Flex>
  );
  return { ...state, pager };
}
