import { judgeAttachment } from '@hotline/infra/attachments';
import { judgeText } from './contact-text';
import { decodeDeliverSm, splitForUcs2 } from './sms/sms-text';
import { SmsReassembly } from './sms/sms-reassembly';
import { smsToContact } from './sms/sms-contact';
import { parseWechatMessage, wechatTextReply } from './wechat/wechat-message';
import { verifyWechatSignature, wechatSignature } from './wechat/wechat-signature';

const NOW = new Date('2025-06-02T02:00:00.000Z');

describe('channel input checks', () => {
  it('judges text: empty, garbage, too long, or fine after trimming control characters', () => {
    expect(judgeText('  \n ')).toEqual({ ok: false, reason: 'empty' });
    expect(judgeText('\ufffd\ufffd\ufffd路')).toEqual({ ok: false, reason: 'unreadable' });
    expect(judgeText('长'.repeat(4001))).toEqual({ ok: false, reason: 'too-long' });
    expect(judgeText('路灯\u0007坏了\r\n')).toEqual({ ok: true, text: '路灯坏了' });
  });

  it('refuses programs by name, declared type and content, and files beyond the limits', () => {
    const file = (filename: string, content: Buffer, mediaType = 'application/octet-stream') => ({
      filename,
      mediaType,
      content,
    });
    expect(judgeAttachment(file('photo.jpg', Buffer.from([0xff, 0xd8, 0xff])), 0, 100)).toEqual({
      keep: true,
    });
    expect(judgeAttachment(file('setup.exe', Buffer.from('abc')), 0, 100)).toEqual({
      keep: false,
      reason: 'executable',
    });
    expect(judgeAttachment(file('report.pdf', Buffer.from('MZ\u0090\u0000')), 0, 100)).toEqual({
      keep: false,
      reason: 'executable',
    });
    expect(judgeAttachment(file('run.txt', Buffer.from('#!/bin/sh\nrm -rf /')), 0, 100)).toEqual({
      keep: false,
      reason: 'executable',
    });
    expect(
      judgeAttachment(file('a.apk', Buffer.from('x'), 'application/vnd.android.package-archive'), 0, 100)
        .keep,
    ).toBe(false);
    expect(judgeAttachment(file('big.jpg', Buffer.alloc(101, 1)), 0, 100)).toEqual({
      keep: false,
      reason: 'too-large',
    });
    expect(judgeAttachment(file('n.jpg', Buffer.from('x')), 20, 100)).toEqual({
      keep: false,
      reason: 'too-many',
    });
  });
});

describe('SMS decoding', () => {
  it('reads UCS2 and GSM text, and the concatenation header of a long message', () => {
    expect(decodeDeliverSm({ data_coding: 8, short_message: { message: '路灯坏了' } })).toEqual({
      ok: true,
      text: '路灯坏了',
    });
    expect(
      decodeDeliverSm({
        data_coding: 8,
        short_message: { message: '第二段', udh: [Buffer.from([0x00, 0x03, 0x2a, 0x03, 0x02])] },
      }),
    ).toEqual({ ok: true, text: '第二段', part: { ref: 0x2a, total: 3, seq: 2 } });
  });

  it('refuses data codings it cannot read and broken UTF-16', () => {
    expect(decodeDeliverSm({ data_coding: 0x04, short_message: { message: Buffer.from([1, 2]) } })).toEqual({
      ok: false,
      reason: 'unsupported-encoding',
    });
    expect(decodeDeliverSm({ data_coding: 0x09, short_message: { message: 'x' } })).toEqual({
      ok: false,
      reason: 'unsupported-encoding',
    });
    expect(decodeDeliverSm({ data_coding: 8, short_message: { message: '\ud800A' } })).toEqual({
      ok: false,
      reason: 'invalid-ucs2',
    });
  });

  it('splits a long reply into concatenated UCS2 parts of 67 characters', () => {
    expect(splitForUcs2('短'.repeat(70), 1)).toEqual([{ message: '短'.repeat(70) }]);
    const parts = splitForUcs2('长'.repeat(140), 9);
    expect(parts.map((p) => [...p.message].length)).toEqual([67, 67, 6]);
    expect(parts[2]?.udh).toEqual(Buffer.from([0x05, 0x00, 0x03, 9, 3, 3]));
  });

  it('puts parts together in order, and hands out what came when the rest is late', () => {
    const reassembly = new SmsReassembly(60_000);
    expect(reassembly.add('138', { ref: 1, total: 2, seq: 2 }, '后半', NOW)).toBeUndefined();
    expect(reassembly.add('138', { ref: 1, total: 2, seq: 1 }, '前半', NOW)).toBe('前半后半');
    reassembly.add('139', { ref: 7, total: 3, seq: 1 }, '只有一段', NOW);
    expect(reassembly.expire(new Date(NOW.getTime() + 59_000))).toEqual([]);
    expect(reassembly.expire(new Date(NOW.getTime() + 61_000))).toEqual([
      { sender: '139', ref: 7, text: '只有一段（短信不完整）' },
    ]);
    expect(reassembly.size).toBe(0);
  });

  it('makes the same SMS within ten minutes the same contact, and reads the sender as a phone number', () => {
    const a = smsToContact('+8613805911234', '路灯坏了', NOW);
    const b = smsToContact('+8613805911234', '路灯坏了', new Date(NOW.getTime() + 60_000));
    expect(a.ok && b.ok && a.input.contactId === b.input.contactId).toBe(true);
    expect(a.ok && a.input.caller.phone).toBe('13805911234');
    expect(smsToContact('106900', '', NOW)).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('WeChat push', () => {
  const token = 'hotlineToken';

  it('checks the signature and the age of the timestamp', () => {
    const timestamp = String(NOW.getTime() / 1000);
    const query = (signature: string, ts = timestamp) =>
      new URLSearchParams({ signature, timestamp: ts, nonce: '42' });
    expect(verifyWechatSignature(token, query(wechatSignature(token, timestamp, '42')), NOW, 300)).toEqual({
      ok: true,
    });
    expect(verifyWechatSignature(token, query('0'.repeat(40)), NOW, 300)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    const old = String(NOW.getTime() / 1000 - 600);
    expect(verifyWechatSignature(token, query(wechatSignature(token, old, '42'), old), NOW, 300)).toEqual({
      ok: false,
      reason: 'stale-timestamp',
    });
    expect(verifyWechatSignature(token, new URLSearchParams(), NOW, 300)).toEqual({
      ok: false,
      reason: 'missing-signature',
    });
  });

  it('parses a text message and builds a reply that survives "]]>" in the text', () => {
    const xml =
      '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oAbc]]></FromUserName><CreateTime>1748829600</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[路灯 & 井盖]]></Content><MsgId>1234567890123456</MsgId></xml>';
    expect(parseWechatMessage(xml)).toEqual({
      toUser: 'gh_1',
      fromUser: 'oAbc',
      createTime: 1748829600,
      msgType: 'text',
      content: '路灯 & 井盖',
      msgId: '1234567890123456',
    });
    expect(parseWechatMessage('<xml><ToUserName>a</ToUserName></xml>')).toBeUndefined();
    expect(parseWechatMessage('not xml <<')).toBeUndefined();
    const reply = wechatTextReply('oAbc', 'gh_1', 'a]]>b', NOW);
    expect(parseWechatMessage(reply)?.content).toBe('a]]>b');
  });
});
