import type { ReactNode } from 'react';
import { Flex, Typography } from 'antd';

/** The page's one h1 and its actions; screens put it first so the heading order stays right. */
export function PageHeader({
  title,
  extra,
  subTitle,
}: {
  title: ReactNode;
  extra?: ReactNode;
  subTitle?: ReactNode;
}) {
  return (
    <Flex className="page-header" justify="space-between" align="center" wrap gap="small">
      <div>
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {subTitle !== undefined && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
      </div>
      {extra !== undefined && (
        <Flex gap="small" wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
