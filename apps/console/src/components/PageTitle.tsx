import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { usePageTitle } from './usePageTitle';

/** The page's one h1 (also the tab title) and, to its right, the page's main actions. */
export function PageTitle({ title, extra }: { title: string; extra?: ReactNode }) {
  usePageTitle(title);
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
