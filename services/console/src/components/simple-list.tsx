import type { Key, ReactNode } from 'react';

const ITEM = { padding: '8px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' } as const;

/** A plain `<ul>` of rows with dividers: antd's List is deprecated and warns on every render. */
export function SimpleList<T>({
  items,
  rowKey,
  render,
  label,
}: {
  items: readonly T[];
  rowKey: (item: T) => Key;
  render: (item: T) => ReactNode;
  label: string;
}) {
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li key={rowKey(item)} style={ITEM}>
          {render(item)}
        </li>
      ))}
    </ul>
  );
}
