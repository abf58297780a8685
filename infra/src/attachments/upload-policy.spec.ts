import { UPLOAD_MAX_BYTES, judgeUpload } from './upload-policy';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const file = (filename: string, mediaType: string, content: Buffer) => ({ filename, mediaType, content });

describe('judgeUpload', () => {
  it('keeps a picture whose bytes match its declared type, ignoring media type parameters', () => {
    expect(judgeUpload(file('photo.png', 'image/PNG; charset=binary', PNG))).toEqual({
      keep: true,
      mediaType: 'image/png',
    });
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom')]);
    expect(judgeUpload(file('clip.mp4', 'video/mp4', mp4))).toMatchObject({ keep: true });
  });

  it('refuses a program renamed as a picture with 415', () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);
    expect(judgeUpload(file('photo.jpg', 'image/jpeg', exe))).toMatchObject({ keep: false, status: 415 });
    expect(judgeUpload(file('run.sh', 'image/png', PNG))).toMatchObject({ keep: false, status: 415 });
  });

  it('refuses content that contradicts the declared type, and undeclared types, with 415', () => {
    expect(judgeUpload(file('a.pdf', 'application/pdf', PNG))).toMatchObject({
      status: 415,
      reason: expect.stringContaining('does not match'),
    });
    expect(judgeUpload(file('a.html', 'text/html', Buffer.from('<html>')))).toMatchObject({
      status: 415,
      reason: expect.stringContaining('text/html'),
    });
  });

  it('refuses empty files with 400 and files past 10 MiB with 413', () => {
    expect(judgeUpload(file('a.png', 'image/png', Buffer.alloc(0)))).toMatchObject({ status: 400 });
    const big = Buffer.concat([PNG, Buffer.alloc(UPLOAD_MAX_BYTES)]);
    expect(judgeUpload(file('a.png', 'image/png', big))).toMatchObject({ status: 413 });
  });
});
