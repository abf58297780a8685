import { launchBrowser } from './browser';

/**
 * Two different characters drawn in the console's font stack; without a CJK font chromium paints
 * the same empty box for both, and every screenshot shows boxes where the interface has Chinese.
 */
const DRAW_TWO_CHARACTERS = `(() => {
  const draw = (text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const context = canvas.getContext('2d');
    context.font = '48px -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif';
    context.fillStyle = '#000';
    context.fillText(text, 4, 52);
    return Array.from(context.getImageData(0, 0, 64, 64).data);
  };
  const first = draw('工');
  const second = draw('单');
  const inked = (pixels) => pixels.filter((value, index) => index % 4 === 3 && value > 0).length;
  const differing = first.filter((value, index) => value !== second[index]).length;
  return { inked: inked(first), differing };
})()`;

describe('Chinese in the browser tests [browser: Debian chromium]', () => {
  it('draws different Chinese characters as different glyphs (a CJK font is installed)', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      await page.setContent('<!doctype html><html lang="zh-CN"><body></body></html>');
      const { inked, differing } = await page.evaluate<{ inked: number; differing: number }>(
        DRAW_TWO_CHARACTERS,
      );
      expect(inked).toBeGreaterThan(0);
      expect(differing).toBeGreaterThan(100);
    } finally {
      await browser.close();
    }
  });
});
