import { buildAsyncApi } from '../messages/asyncapi';
import { MessageRegistry } from '../messages/registry';
import { parseOrThrow } from '../kernel/validate';
import { BlockCaller } from './caller-block.messages';
import { RecordContact } from './contact.commands';
import { contactEvents, intakeDefinitions } from './intake.messages';
import { GetCallerHistory } from './intake.queries';
import { DraftKnowledgeArticle, ReviewKnowledgeArticle } from './knowledge-article.messages';

const contact = { contactId: 'call-1', channel: 'phone', content: '路灯坏了' };
const article = { title: '停水查询', body: '供水公司提前公告。', owningUnitId: 'unit-water' };

describe('intake messages', () => {
  it('register with the platform registry and render as AsyncAPI on the intake subjects', () => {
    const registry = new MessageRegistry().register(...intakeDefinitions);
    expect(contactEvents.every((e) => e.category === 'contact' && e.version === 1)).toBe(true);
    const doc = buildAsyncApi(registry, '0.0.0') as { channels: Record<string, { address: string }> };
    expect(doc.channels['command.SubmitContact']?.address).toBe('hotline.cmd.intake.SubmitContact');
    expect(doc.channels['query.SearchKnowledge']?.address).toBe('hotline.qry.intake.SearchKnowledge');
    expect(doc.channels['event.KnowledgeArticleApproved']?.address).toBe(
      'hotline.evt.{districtId}.kbArticle.KnowledgeArticleApproved',
    );
  });

  it('apply the defaults of a contact and normalise the caller’s phone', () => {
    expect(
      parseOrThrow(RecordContact.schema, { ...contact, caller: { phone: '+86 139-1234-5678' } }),
    ).toEqual({
      ...contact,
      caller: { phone: '13912345678', anonymous: false },
      attachments: [],
    });
  });

  it.each([
    [{ channel: 'fax' }, /^data\.channel: /],
    [{ content: '' }, /^data\.content: /],
    [{ content: '长'.repeat(4001) }, /^data\.content: /],
    [{ caller: { phone: '12345' } }, /^data\.caller\.phone: must be a Chinese/],
    [{ caller: { email: 'not-mail' } }, /^data\.caller\.email: /],
    [{ caller: { wechatOpenId: 'has spaces' } }, /^data\.caller\.wechatOpenId: /],
    [{ contactId: 'has space' }, /^data\.contactId: /],
    [{ receivedAt: '2025-06-02 10:00' }, /^data\.receivedAt: /],
  ])('reject a contact with %o, naming the field', (change, message) => {
    expect(() => parseOrThrow(RecordContact.schema, { ...contact, ...change }, 'data')).toThrow(message);
  });

  it('reject a knowledge article that ends before it starts, and a rejection without a note', () => {
    expect(() =>
      parseOrThrow(
        DraftKnowledgeArticle.schema,
        {
          articleId: 'kb-1',
          content: { ...article, validFrom: '2025-06-01T00:00:00Z', validUntil: '2025-05-01T00:00:00Z' },
        },
        'data',
      ),
    ).toThrow(/^data\.content\.validUntil: must be after validFrom/);
    expect(() =>
      parseOrThrow(
        ReviewKnowledgeArticle.schema,
        { articleId: 'kb-1', version: 1, decision: 'reject' },
        'data',
      ),
    ).toThrow(/^data\.note: a rejection needs a note/);
  });

  it('scope every query by the viewer and block only valid numbers', () => {
    expect(() => parseOrThrow(GetCallerHistory.schema, { phone: '13912345678' })).toThrow(/^viewer: /);
    expect(() => parseOrThrow(BlockCaller.schema, { phone: '110', reason: '骚扰' }, 'data')).toThrow(
      /^data\.phone: /,
    );
  });
});
