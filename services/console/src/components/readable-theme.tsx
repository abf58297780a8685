import type { ReactNode } from 'react';
import { ConfigProvider } from 'antd';

/**
 * antd's secondary and hint texts (#8c8c8c on white, 3.4:1) fail WCAG AA contrast, and the desk,
 * center and admin screens are full of hints: these areas darken them to #595959 (7:1), and red texts likewise.
 */
const READABLE = {
  token: {
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    // Danger buttons and error texts: #ff4d4f is 3.3:1 on white.
    colorError: '#cf1322',
  },
};

export function ReadableTheme({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={READABLE}>{children}</ConfigProvider>;
}
