import { z } from 'zod';
import { CaseRegistered } from '../workflow/events/intake.events';
import { UnitContactsUpdated } from '../workflow/units/unit.messages';
import { workflowDefinitions } from '../workflow/workflow.definitions';
import {
  freeText,
  maskIdentifyingNumbers,
  personal,
  personalDataPaths,
  redactPersonalData,
} from './personal-data';

const registered = {
  caseId: 'case-1',
  caseNumber: '12345678',
  type: 'complaint',
  categoryCode: '030101',
  content: '我叫王先生，电话13800138000，身份证35010219800101123X，小区旁工地夜间施工',
  citizen: {
    name: '王先生',
    phone: '13800138000',
    address: '鼓楼区东街1号',
    confidential: false,
    anonymous: false,
  },
  channel: 'phone',
  place: { address: '鼓楼区东街工地' },
  attachments: [],
  urgency: 'normal',
  simple: false,
  convenienceList: false,
  dispatchBy: '2025-03-04T04:00:00.000Z',
};

describe('personal data marked in the message schemas', () => {
  it("finds the citizen's name, phone and address, and the free text, in CaseRegistered", () => {
    const paths = personalDataPaths(CaseRegistered.schema);
    expect(paths.personal).toEqual(
      expect.arrayContaining([
        ['citizen', 'name'],
        ['citizen', 'phone'],
        ['citizen', 'address'],
      ]),
    );
    expect(paths.personal).toHaveLength(3);
    expect(paths.freeText).toContainEqual(['content']);
  });

  it('removes the personal fields and masks numbers dictated into the content', () => {
    const redacted = redactPersonalData(
      personalDataPaths(CaseRegistered.schema),
      registered,
    ) as typeof registered;
    expect(redacted.citizen).toEqual({ confidential: false, anonymous: false });
    expect(redacted.content).toBe(
      '我叫王先生，电话*********00，身份证****************3X，小区旁工地夜间施工',
    );
    expect(redacted.place).toEqual({ address: '鼓楼区东街工地' });
    expect(registered.citizen.name).toBe('王先生');
    expect(CaseRegistered.schema.safeParse(redacted).success).toBe(false);
  });

  it("removes every unit contact's name, phone and email, through the array", () => {
    const paths = personalDataPaths(UnitContactsUpdated.schema);
    const redacted = redactPersonalData(paths, {
      unitId: 'gulou',
      contacts: [
        { role: 'duty', name: '值班员', phone: '059187654321', email: 'duty@gulou.gov.cn' },
        { role: 'leader', name: '张主任', phone: '13900001111' },
      ],
    });
    expect(redacted).toEqual({ unitId: 'gulou', contacts: [{ role: 'duty' }, { role: 'leader' }] });
  });

  it('walks wrappers, unions and records, and leaves values it does not know alone', () => {
    const schema = z.object({
      who: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('a'), phone: personal(z.string()) }),
        z.object({ kind: z.literal('b'), note: freeText(z.string()).nullable() }),
      ]),
      byId: z.record(z.string(), z.object({ email: personal(z.string()).optional() })),
    });
    const paths = personalDataPaths(schema);
    expect(paths).toEqual({
      personal: [
        ['who', 'phone'],
        ['byId', '*', 'email'],
      ],
      freeText: [['who', 'note']],
    });
    expect(
      redactPersonalData(paths, { who: { kind: 'b', note: null }, byId: { x: { email: 'a@b.c' }, y: {} } }),
    ).toEqual({ who: { kind: 'b', note: null }, byId: { x: {}, y: {} } });
  });

  it('masks mobiles, landlines and ID numbers, not other numbers', () => {
    expect(maskIdentifyingNumbers('拨打0591-87654321或13912345678')).toBe('拨打***********21或*********78');
    expect(maskIdentifyingNumbers('8号楼302室，共120户，受理号12345678')).toBe(
      '8号楼302室，共120户，受理号12345678',
    );
  });

  it('marks every phone, email or ID field of the workflow events (a new one must be marked)', () => {
    const unmarked: string[] = [];
    const visit = (node: unknown, path: string[], type: string): void => {
      if (node === null || typeof node !== 'object') return;
      const json = node as Record<string, unknown>;
      if (json['x-personal-data'] === 'personal') return;
      const last = path.at(-1) ?? '';
      if (/phone|email|idcard|idnumber/i.test(last) && json.type === 'string') {
        unmarked.push(`${type}.${path.join('.')}`);
      }
      for (const [key, child] of Object.entries(json)) {
        visit(child, key === 'properties' || key === 'items' ? path : [...path, key], type);
      }
    };
    for (const def of workflowDefinitions) {
      if (def.kind !== 'event') continue;
      visit(z.toJSONSchema(def.schema, { io: 'output', unrepresentable: 'any' }), [], def.type);
    }
    expect(unmarked).toEqual([]);
  });
});
