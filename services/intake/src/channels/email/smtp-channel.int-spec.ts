import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { startIntakeHarness, type IntakeHarness } from '../../testing/intake-harness';
import { startMailRelay, type MailRelay } from '../../testing/mail-relay-test-peer';

const refusedCount = async (intake: IntakeHarness, reason: string): Promise<number> => {
  const metric = await intake.platform.metrics.getSingleMetric('hotline_intake_refused_total')?.get();
  return metric?.values.find((v) => v.labels.channel === 'email' && v.labels.reason === reason)?.value ?? 0;
};
const contactIdOf = (response: unknown): string => /queued as (\S+)/.exec(String(response))?.[1] ?? '';
const waitFor = async <T>(what: string, read: () => T | undefined): Promise<T> => {
  for (let i = 0; i < 200; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describe('Mail channel over SMTP on loopback [SMTP: smtp-server + mailparser]', () => {
  let relay: MailRelay;
  let intake: IntakeHarness;
  let send: ReturnType<typeof createTransport>;

  beforeAll(async () => {
    relay = await startMailRelay();
    intake = await startIntakeHarness({
      mode: 'embedded',
      intakeEnv: {
        INTAKE_SMTP_PORT: '0',
        INTAKE_SMTP_HOST: '127.0.0.1',
        INTAKE_SMTP_MAX_MESSAGE_BYTES: String(256 * 1024),
        INTAKE_MAX_ATTACHMENT_BYTES: String(64 * 1024),
        INTAKE_MAIL_RECIPIENTS: '12345@hotline.example.gov.cn, mayor@hotline.example.gov.cn',
        INTAKE_MAYOR_MAILBOX: 'mayor@hotline.example.gov.cn',
        INTAKE_MAIL_RELAY_URL: `smtp://127.0.0.1:${relay.port}`,
        INTAKE_SEED_KNOWLEDGE: 'false',
      },
    });
    send = createTransport({
      host: '127.0.0.1',
      port: intake.channels.addresses().smtpPort,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxMessages: 100,
    });
  });
  afterAll(async () => {
    send.close();
    await intake.close();
    await relay.close();
  });

  it('takes a real mail with its attachment as a contact and replies with the case number', async () => {
    const info = await send.sendMail({
      from: '"林先生" <lin@example.com>',
      to: '12345@hotline.example.gov.cn',
      subject: '小区路灯坏了',
      text: '鼓楼区温泉路幸福小区门口的路灯坏了一个多星期，晚上黑灯瞎火，请尽快维修。联系电话：13805916688',
      attachments: [
        {
          filename: '现场照片.jpg',
          content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]),
          contentType: 'image/jpeg',
        },
      ],
    });
    const contactId = contactIdOf(info.response);
    const view = await intake.contactView(contactId);
    expect(view).toMatchObject({
      channel: 'email',
      subject: '小区路灯坏了',
      caller: { email: 'lin@example.com', name: '林先生', phone: '13805916688' },
      attachmentCount: 1,
    });
    // Registered alone when the classifier is confident enough (the threshold follows the corpus's
    // calibration), otherwise waiting for an agent: either way the citizen gets an answer by mail.
    expect([undefined, 'case-registered']).toContain(view.outcome);
    const [recorded] = await intake.platform.eventStore.readStream(`contact-${contactId}`);
    const [photo] = (recorded?.data as { attachments: Array<{ id: string; name: string }> }).attachments;
    expect(photo?.name).toBe('现场照片.jpg');
    const reply = await waitFor('the reply', () =>
      relay.received.find((m) => m.to && JSON.stringify(m.to).includes('lin@example.com')),
    );
    if (view.caseNumber !== undefined) expect(reply.text).toContain(view.caseNumber);
    expect(reply.subject).toBe('Re: 小区路灯坏了');
  });

  it('keeps the text of a mail with an executable attachment, drops the program and quarantines the contact', async () => {
    const info = await send.sendMail({
      from: 'zhang@example.com',
      to: '12345@hotline.example.gov.cn',
      subject: '举报违建',
      text: '举报晋安区某小区楼顶私自加盖彩钢房，附照片。',
      attachments: [
        {
          filename: '照片.pdf',
          content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
          contentType: 'application/pdf',
        },
      ],
    });
    const view = await intake.contactView(contactIdOf(info.response));
    expect(view).toMatchObject({
      attachmentCount: 0,
      quarantine: { reason: 'attachment-refused', detail: expect.stringContaining('照片.pdf (executable)') },
    });
    expect(view.outcome).toBeUndefined();
  });

  it('refuses mail over the size limit, without text, without a sender, or for an unknown address, and takes the next mail', async () => {
    const before = await refusedCount(intake, 'no-sender');
    await expect(
      send.sendMail({
        from: 'big@example.com',
        to: '12345@hotline.example.gov.cn',
        subject: '大附件',
        text: '见附件',
        attachments: [{ filename: 'a.bin', content: Buffer.alloc(400 * 1024, 7) }],
      }),
    ).rejects.toMatchObject({ responseCode: 552 });
    await expect(
      send.sendMail({ from: 'empty@example.com', to: '12345@hotline.example.gov.cn', text: ' ' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      send.sendMail({
        envelope: { from: 'ghost@example.com', to: ['12345@hotline.example.gov.cn'] },
        raw: 'Subject: 无发件人\r\n\r\n路灯坏了\r\n',
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      send.sendMail({ from: 'a@example.com', to: 'nobody@hotline.example.gov.cn', text: '你好' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect(await refusedCount(intake, 'no-sender')).toBe(before + 1);
    const next = await send.sendMail({
      from: 'ok@example.com',
      to: 'mayor@hotline.example.gov.cn',
      subject: '建议',
      text: '建议在江滨公园增设公共厕所。',
    });
    expect(next.response).toMatch(/^250 /);
  });

  it('keeps a long letter to the mayor’s mailbox whole as an attachment and records its beginning', async () => {
    const letter = `市长您好：${'我们小区旁边的工地夜间施工噪音扰民。'.repeat(300)}`;
    const info = await send.sendMail({
      from: 'resident@example.com',
      to: 'mayor@hotline.example.gov.cn',
      subject: '致市长的信',
      text: letter,
    });
    const contactId = contactIdOf(info.response);
    const [recorded] = await intake.platform.eventStore.readStream(`contact-${contactId}`);
    const data = recorded?.data as {
      channel: string;
      content: string;
      attachments: Array<{ id: string; name: string; sizeBytes: number }>;
    };
    expect(data.channel).toBe('mayor-mailbox');
    expect(data.content).toMatch(/全文见附件 message\.txt/);
    expect(data.attachments[0]).toMatchObject({ name: 'message.txt', sizeBytes: Buffer.byteLength(letter) });
    const id = data.attachments[0]?.id.slice('att-'.length) ?? '';
    const dir = join(intake.platform.config.HOTLINE_DATA_DIR, 'attachments', id.slice(0, 2));
    expect(existsSync(dir)).toBe(true);
  });
});
