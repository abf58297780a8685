import type { ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import './readable-theme.css';

/**
 * antd's secondary and hint texts (#8c8c8c on white, 3.4:1) fail WCAG AA contrast, and the desk,
 * center and admin screens are full of hints: these areas darken them to #595959 (7:1), and red texts likewise.
 */
const READABLE = {
  token: {
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    // A select's placeholder is drawn as text (#bfbfbf, 1.8:1): where it asks for a choice it must be read.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    // Status texts and links: antd's defaults (#ff4d4f, #52c41a, #faad14, #1677ff) are 2-4:1 on
    // white and on their own tag backgrounds; these darker shades reach 4.5:1.
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorSuccessBg: '#f6ffed',
    colorWarningBg: '#fffbe6',
    colorInfoBg: '#e6f4ff',
    colorErrorBg: '#fff2f0',
  },
};

/** Also: no space inserted between two Chinese characters of a button, so its name is its label. */
export function ReadableTheme({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={READABLE} button={{ autoInsertSpace: false }}>
      <div className="readable">{children}</div>
    </ConfigProvider>
  );
}
