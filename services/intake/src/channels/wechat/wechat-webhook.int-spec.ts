import { startIntakeHarness, type IntakeHarness } from '../../testing/intake-harness';
import { wechatSignature } from './wechat-signature';

const TOKEN = 'hotlineWechatTest';
const ACCOUNT = 'gh_12345hotline';
const OPEN_ID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';

const pushXml = (msgId: string, content: string, extra = '') =>
  `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><FromUserName><![CDATA[${OPEN_ID}]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId>${extra}</xml>`;

describe('WeChat official account push over HTTP on loopback [HTTP: signed XML push]', () => {
  let intake: IntakeHarness;
  let base: string;
  const signed = (
    timestamp = String(Math.floor(Date.now() / 1000)),
    nonce = String(Math.floor(Math.random() * 1e9)),
  ) => `timestamp=${timestamp}&nonce=${nonce}&signature=${wechatSignature(TOKEN, timestamp, nonce)}`;
  const push = (xml: string, query = signed()) =>
    fetch(`${base}?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml });

  beforeAll(async () => {
    intake = await startIntakeHarness({
      mode: 'embedded',
      intakeEnv: {
        INTAKE_CHANNELS_HTTP_PORT: '0',
        INTAKE_CHANNELS_HTTP_HOST: '127.0.0.1',
        INTAKE_WECHAT_TOKEN: TOKEN,
        INTAKE_SEED_KNOWLEDGE: 'false',
      },
    });
    base = `http://127.0.0.1:${intake.channels.addresses().webhookPort}/wechat`;
  });
  afterAll(async () => {
    await intake.close();
  });

  it('answers the URL check with echostr only when the signature is right', async () => {
    const ok = await fetch(`${base}?${signed()}&echostr=4312856720`);
    expect([ok.status, await ok.text()]).toEqual([200, '4312856720']);
    expect((await fetch(`${base}?timestamp=1&nonce=2&signature=abc&echostr=1`)).status).toBe(401);
  });

  it('takes a follower’s message as a contact and replies in the push response, once per MsgId', async () => {
    const xml = pushXml(
      '23456789012345678',
      '投诉：杨桥路和白马路路口的红绿灯坏了，信号灯一直闪黄灯，交通很乱',
    );
    const response = await push(xml);
    const reply = await response.text();
    expect(response.headers.get('content-type')).toContain('xml');
    expect(reply).toMatch(
      new RegExp(
        `<ToUserName><!\\[CDATA\\[${OPEN_ID}\\]\\]></ToUserName><FromUserName><!\\[CDATA\\[${ACCOUNT}`,
      ),
    );
    const caseNumber = /受理号(\d{8})/.exec(reply)?.[1];
    expect(caseNumber).toBeDefined();
    // The reply is recorded on the contact after it is sent: wait for the contact log, not for time.
    const view = await intake.contactView('wechat-23456789012345678', (v) => v.replies === 1);
    expect(view).toMatchObject({
      channel: 'wechat',
      caller: { wechatOpenId: OPEN_ID },
      caseNumber,
      replies: 1,
    });

    const retried = await (await push(xml)).text();
    expect(retried).toContain(`受理号${caseNumber}`);
    expect(await intake.platform.eventStore.readStream('contact-wechat-23456789012345678')).toHaveLength(4);
  });

  it('refuses a push with a bad or stale signature and a malformed body, recording nothing', async () => {
    const xml = pushXml('34567890123456789', '路灯坏了');
    expect((await push(xml, 'timestamp=1&nonce=2&signature=0000')).status).toBe(401);
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    expect((await push(xml, signed(old))).status).toBe(401);
    expect((await push('<xml><ToUserName>unclosed')).status).toBe(400);
    expect((await push(xml.replace(OPEN_ID, 'bad openid with spaces'))).status).toBe(400);
    await expect(
      intake.platform.eventStore.readStream('contact-wechat-34567890123456789'),
    ).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND' });
  });

  it('asks for text when a message is empty or too long, and welcomes a new follower', async () => {
    expect(await (await push(pushXml('45678901234567890', '   '))).text()).toContain('请用文字描述');
    expect(await (await push(pushXml('45678901234567891', '长'.repeat(4100)))).text()).toContain('内容过长');
    const subscribe = `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><FromUserName><![CDATA[${OPEN_ID}]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>`;
    expect(await (await push(subscribe)).text()).toContain('12345政务服务便民热线');
    await expect(
      intake.platform.eventStore.readStream('contact-wechat-45678901234567890'),
    ).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND' });
  });
});
