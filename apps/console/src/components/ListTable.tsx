import { Table, type TableProps } from 'antd';

type ListTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'locale'> & {
  rows: readonly T[] | undefined;
  /** What an empty list says (暂无园区, 没有待裁定的退单, …). */
  empty: string;
};

/** A list page's table: rows keyed by id, no client paging (the API pages), scrolls sideways on a phone. */
export function ListTable<T extends object>({ rows, empty, ...props }: ListTableProps<T>) {
  return <Table<T> rowKey="id" size="middle" pagination={false} scroll={{ x: 'max-content' }} {...props} dataSource={rows} locale={{ emptyText: empty }} />;
}
