import type { ReactNode } from 'react';
import { Tag } from 'antd';

/**
 * antd's preset tag colours put light text on light backgrounds (below WCAG AA); these keep the
 * hues as a second cue with dark text.
 */
const TONES = {
  grey: ['#434343', '#d9d9d9', '#fafafa'],
  blue: ['#0950c4', '#91caff', '#e6f4ff'],
  cyan: ['#00585f', '#87e8de', '#e6fffb'],
  green: ['#1d6303', '#b7eb8f', '#f6ffed'],
  orange: ['#8f3f00', '#ffd591', '#fff7e6'],
  red: ['#a8071a', '#ffa39e', '#fff1f0'],
} as const;

export type Tone = keyof typeof TONES;

export function ToneTag({ tone, icon, children }: { tone: Tone; icon?: ReactNode; children: ReactNode }) {
  const [color, borderColor, background] = TONES[tone];
  return (
    <Tag icon={icon} style={{ color, borderColor, background }}>
      {children}
    </Tag>
  );
}
