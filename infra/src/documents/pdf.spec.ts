import { CjkFontMissingError, SYSTEM_CJK_FONTS, parsedCjkFont } from './cjk-font';
import { renderPdf } from './pdf';
import { extractPdfText } from './testing';

describe('PDF documents', () => {
  it('embeds the CJK font and the Chinese text can be read back from the file', async () => {
    const pdf = await renderPdf({
      title: '转办单',
      footer: '榕城市12345政务服务便民热线',
      blocks: [
        { kind: 'title', text: '榕城市12345热线转办单' },
        {
          kind: 'fields',
          fields: [
            { label: '工单编号', value: 'RC20261206-0001' },
            { label: '承办单位', value: '市住建局' },
            { label: '诉求内容', value: '小区电梯停运三天，老人上下楼困难。', wide: true },
          ],
        },
        { kind: 'paragraph', text: '请于5个工作日内办结并答复。', indent: true },
        { kind: 'signature', lines: ['榕城市12345热线服务中心', '2026年12月6日'] },
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    expect(text).toMatch(/\/FontFile3/);
    const [page] = extractPdfText(pdf);
    for (const expected of [
      '榕城市12345热线转办单',
      '工单编号',
      '市住建局',
      '电梯停运三天',
      '2026年12月6日',
      '第 1 页 / 共 1 页',
    ]) {
      expect(page).toContain(expected);
    }
  });

  it('runs a long table over pages and repeats its header on each', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ unit: `单位${i}`, rate: i / 120 }));
    const pdf = await renderPdf({
      title: '月报',
      blocks: [
        {
          kind: 'table',
          columns: [
            { key: 'unit', header: '承办单位' },
            { key: 'rate', header: '满意率', format: 'percent' },
          ],
          rows,
        },
      ],
    });
    const pages = extractPdfText(pdf);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('承办单位');
    expect(pages.join('\n')).toContain('单位119');
    expect(pages.at(-1)).toContain(`共 ${pages.length} 页`);
  });

  it('parses the font once and still embeds only the glyphs of each document', async () => {
    expect(parsedCjkFont(SYSTEM_CJK_FONTS.regular)).toBe(parsedCjkFont(SYSTEM_CJK_FONTS.regular));
    const letter = (text: string) => renderPdf({ title: '答复函', blocks: [{ kind: 'paragraph', text }] });
    // Two documents at once share the parsed font: each reads back its own text.
    const [first, second] = await Promise.all([letter('路灯已修复'), letter('噪声扰民已查处')]);
    expect(extractPdfText(first)[0]).toContain('路灯已修复');
    expect(extractPdfText(second)[0]).toContain('噪声扰民已查处');
    // A subset per document: the glyphs of the second did not grow the next one of the first.
    const again = await letter('路灯已修复');
    expect(again.length).toBe(first.length);
  });

  it('names the Debian package when the CJK font is missing', async () => {
    const missing = { path: '/nonexistent/font.ttc', family: 'X' };
    await expect(
      renderPdf({ title: 't', blocks: [], fonts: { regular: missing, bold: missing } }),
    ).rejects.toThrow(CjkFontMissingError);
    await expect(
      renderPdf({ title: 't', blocks: [], fonts: { regular: missing, bold: missing } }),
    ).rejects.toThrow(/fonts-noto-cjk/);
  });
});
