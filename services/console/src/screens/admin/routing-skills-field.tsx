import { Button, Form, Input, InputNumber, Space } from 'antd';
import { useT } from '../../i18n';

/** A skill other than a language (those have their own fields): its name and a level 1–10. */
export interface OtherSkill {
  skillId: string;
  level: number;
}

/** The contract's skill names (`SkillId`): lowercase, dots and hyphens, at most 40 characters. */
const SKILL_ID = /^[a-z][a-z0-9.-]{0,39}$/;

/** Skills that are not languages, as `{ skillId, level }` rows from a skill map or requirement list. */
export const otherSkills = (skills: Array<[string, number]>): OtherSkill[] =>
  skills.filter(([skillId]) => !skillId.startsWith('lang.')).map(([skillId, level]) => ({ skillId, level }));

/**
 * The skills a queue needs or a seat has beyond languages (a line of business, a trained team: e.g.
 * `biz.housing`), each once, named as the router matches them. A queue asks a least level, a seat
 * has a level; the form says which row is wrong and why.
 */
export function OtherSkillsField({ kind }: { kind: 'needs' | 'has' }) {
  const t = useT();
  const levelLabel = t(kind === 'needs' ? 'admin.routing.skillMinLevel' : 'admin.routing.skillLevel');
  return (
    <Form.Item
      label={t(kind === 'needs' ? 'admin.routing.otherSkillsNeeded' : 'admin.routing.otherSkills')}
      extra={t('admin.routing.otherSkillsHelp')}
    >
      <Form.List name="otherSkills">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline">
                <Form.Item
                  name={[field.name, 'skillId']}
                  rules={[
                    { required: true, pattern: SKILL_ID, message: t('admin.routing.skillIdRule') },
                    {
                      validator: (_, skillId: string | undefined) =>
                        skillId?.startsWith('lang.')
                          ? Promise.reject(new Error(t('admin.routing.skillIsLanguage')))
                          : Promise.resolve(),
                    },
                    ({ getFieldValue }) => ({
                      validator: (_, skillId: string | undefined) => {
                        const rows = getFieldValue('otherSkills') as Array<Partial<OtherSkill> | undefined>;
                        const same = rows.filter((row) => row?.skillId === skillId).length;
                        return skillId && same > 1
                          ? Promise.reject(new Error(t('admin.routing.skillTwice', { skill: skillId })))
                          : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <Input
                    placeholder="biz.housing"
                    aria-label={t('admin.routing.skillId')}
                    addonBefore={t('admin.routing.skillId')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'level']}
                  rules={[{ required: true, message: t('admin.routing.skillLevelRule') }]}
                >
                  <InputNumber min={1} max={10} addonBefore={levelLabel} aria-label={levelLabel} />
                </Form.Item>
                <Button type="link" onClick={() => remove(field.name)}>
                  {t('admin.routing.remove')}
                </Button>
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ skillId: '', level: 5 })}>
              {t('admin.routing.addSkill')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
