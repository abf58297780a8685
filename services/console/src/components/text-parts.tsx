import type { CSSProperties, ReactNode } from 'react';

const HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** A card's heading at the level the page outline needs, sized like antd's card title. */
export function CardTitle({ level = 2, children }: { level?: 2 | 3; children: ReactNode }) {
  const Tag = level === 2 ? 'h2' : 'h3';
  return <Tag style={{ fontSize: level === 2 ? 16 : 14, margin: 0, fontWeight: 600 }}>{children}</Tag>;
}

/** A visible label for a field that is not inside an antd `Form.Item`. */
export function FieldLabel({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} style={{ display: 'block', marginBottom: 4 }}>
      {children}
    </label>
  );
}

/** Text for screen readers only; `live` announces its changes (the outcome of a call). */
export function VisuallyHidden({ children, live = false }: { children: ReactNode; live?: boolean }) {
  return (
    <span style={HIDDEN} {...(live ? { 'aria-live': 'polite' as const } : {})}>
      {children}
    </span>
  );
}
