import { attachmentDisposition } from './service-controller';

describe('the download headers', () => {
  it('names a Chinese file in UTF-8 by RFC 5987, with an ASCII fallback', () => {
    expect(attachmentDisposition('工单明细-2026-06-01至2026-06-30.xlsx')).toBe(
      `attachment; filename="_-2026-06-01_2026-06-30.xlsx"; filename*=UTF-8''${encodeURIComponent('工单明细')}-2026-06-01${encodeURIComponent('至')}2026-06-30.xlsx`,
    );
  });

  it("percent-encodes what RFC 5987 does not allow bare (' ( ) *) and keeps quotes out of the fallback", () => {
    const header = attachmentDisposition(`民主评议结果-"it's (1)*".pdf`);
    expect(header).toContain(`filename="_-_it's (1)*_.pdf"`);
    expect(header).toContain(
      "filename*=UTF-8''%E6%B0%91%E4%B8%BB%E8%AF%84%E8%AE%AE%E7%BB%93%E6%9E%9C-%22it%27s%20%281%29%2A%22.pdf",
    );
    const decoded = decodeURIComponent(header.split("UTF-8''")[1]!);
    expect(decoded).toBe(`民主评议结果-"it's (1)*".pdf`);
  });
});
