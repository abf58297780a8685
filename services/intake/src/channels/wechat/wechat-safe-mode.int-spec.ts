import { startIntakeHarness, type IntakeHarness } from '../../testing/intake-harness';
import { WechatPlatformPeer } from '../../testing/wechat-platform-peer';
import { WechatCrypto } from './wechat-crypto';

const TOKEN = 'hotlineWechatTest';
const APP_ID = 'wx5f1a2b3c4d5e6f70';
const AES_KEY = WechatPlatformPeer.newEncodingAesKey();
const OPEN_ID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6s';

const message = (msgId: string, content: string) =>
  `<xml><ToUserName><![CDATA[gh_12345hotline]]></ToUserName><FromUserName><![CDATA[${OPEN_ID}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId></xml>`;

describe('WeChat push in safe (encrypted) and compatible modes [HTTP: AES-256-CBC, platform test peer]', () => {
  let intake: IntakeHarness;
  let base: string;
  const peer = new WechatPlatformPeer(TOKEN, AES_KEY, APP_ID);
  const post = ({ query, body }: { query: string; body: string }) =>
    fetch(`${base}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body });
  const refused = async (reason: string) => {
    const metric = await intake.platform.metrics.getSingleMetric('hotline_intake_refused_total')?.get();
    return (
      metric?.values.find((v) => v.labels.channel === 'wechat' && v.labels.reason === reason)?.value ?? 0
    );
  };

  beforeAll(async () => {
    intake = await startIntakeHarness({
      mode: 'embedded',
      intakeEnv: {
        INTAKE_CHANNELS_HTTP_PORT: '0',
        INTAKE_CHANNELS_HTTP_HOST: '127.0.0.1',
        INTAKE_WECHAT_TOKEN: TOKEN,
        INTAKE_WECHAT_ENCODING_AES_KEY: AES_KEY,
        INTAKE_WECHAT_APP_ID: APP_ID,
        INTAKE_SEED_KNOWLEDGE: 'false',
      },
    });
    base = `http://127.0.0.1:${intake.channels.addresses().webhookPort}/wechat`;
  });
  afterAll(async () => {
    await intake.close();
  });

  it('decrypts an encrypted push, records it, and answers with an encrypted reply', async () => {
    const response = await post(
      peer.push(message('56789012345678901', '投诉：五四路和东街口的路灯坏了好几天')),
    );
    expect(response.status).toBe(200);
    const reply = peer.open(await response.text());
    expect(reply).toMatch(new RegExp(`<ToUserName><!\\[CDATA\\[${OPEN_ID}\\]\\]></ToUserName>`));
    expect(reply).toContain('【12345】');
    // The reply is recorded on the contact after it is sent: wait for the contact log, not for time.
    const view = await intake.contactView('wechat-56789012345678901', (v) => v.replies === 1);
    expect(view).toMatchObject({ channel: 'wechat', caller: { wechatOpenId: OPEN_ID }, replies: 1 });
  });

  it('takes a compatible-mode push (plaintext beside the ciphertext) from the ciphertext', async () => {
    const response = await post(
      peer.push(message('56789012345678902', '投诉：白马路菜市场门口垃圾堆积发臭，好几天没人清运'), {
        compatible: true,
      }),
    );
    expect(peer.open(await response.text())).toContain('【12345】');
    expect(await intake.contactView('wechat-56789012345678902')).toMatchObject({ channel: 'wechat' });
  });

  it('refuses and counts a bad signature, bad padding and another AppID, recording nothing', async () => {
    const before = {
      signature: await refused('bad-signature'),
      padding: await refused('bad-padding'),
      appId: await refused('bad-appid'),
    };
    const one = message('56789012345678903', '路灯坏了');
    // The last byte says 0 bytes of padding: no valid PKCS#7 padding.
    const zeroPad = (pad: number) => Buffer.concat([Buffer.alloc(pad - 1, pad), Buffer.from([0])]);
    expect((await post(peer.push(one, { badSignature: true }))).status).toBe(401);
    expect((await post(peer.push(one, { padding: zeroPad }))).status).toBe(400);
    expect((await post(peer.push(one, { appId: 'wx0000000000000000' }))).status).toBe(400);
    expect({
      signature: (await refused('bad-signature')) - before.signature,
      padding: (await refused('bad-padding')) - before.padding,
      appId: (await refused('bad-appid')) - before.appId,
    }).toEqual({ signature: 1, padding: 1, appId: 1 });
    await expect(
      intake.platform.eventStore.readStream('contact-wechat-56789012345678903'),
    ).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND' });
  });
});

describe('WechatCrypto', () => {
  const crypto = new WechatCrypto(AES_KEY, APP_ID);
  const peer = new WechatPlatformPeer(TOKEN, AES_KEY, APP_ID);

  it('reads what the platform encrypts, at every padding length, and the platform reads its replies', () => {
    for (let size = 0; size < 70; size++) {
      const text = `<xml>${'字'.repeat(size)}</xml>`;
      expect(crypto.decrypt(peer.seal(text))).toEqual({ ok: true, xml: text });
      const sealed = crypto.encrypt(text);
      expect(Buffer.from(sealed, 'base64').length % 32).toBe(0);
      const signature = peer.sign('1700000000', 'n1', sealed);
      expect(
        peer.open(
          `<xml><Encrypt>${sealed}</Encrypt><MsgSignature>${signature}</MsgSignature><TimeStamp>1700000000</TimeStamp><Nonce>n1</Nonce></xml>`,
        ),
      ).toBe(text);
    }
  });

  it('rejects a ciphertext that is not base64 of whole blocks, and a key of the wrong shape', () => {
    expect(crypto.decrypt('not base64!')).toEqual({ ok: false, reason: 'malformed-ciphertext' });
    expect(crypto.decrypt(Buffer.alloc(48).toString('base64'))).toEqual({
      ok: false,
      reason: 'malformed-ciphertext',
    });
    expect(() => new WechatCrypto('short', APP_ID)).toThrow(/^encodingAesKey: /);
  });
});
