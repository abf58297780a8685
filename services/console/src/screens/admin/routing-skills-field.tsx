import { Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useSkillCatalogue } from '../../components/skill-names';
import { useLocale, useT } from '../../i18n';
import { LANGUAGES } from './routing-api';

/** A skill other than a language (those have their own fields): its name and a level 1–10. */
export interface OtherSkill {
  skillId: string;
  level: number;
}

const LANGUAGE_FIELDS = new Set<string>(LANGUAGES);

/** Skills without a field of their own above, as `{ skillId, level }` rows from a skill map or requirement list. */
export const otherSkills = (skills: Array<[string, number]>): OtherSkill[] =>
  skills.filter(([skillId]) => !LANGUAGE_FIELDS.has(skillId)).map(([skillId, level]) => ({ skillId, level }));

/**
 * The catalogue's skills without a field of their own, by name, and the ids the form already holds
 * that the catalogue does not name (shown as themselves, greyed: kept as they are unless removed).
 */
function useSkillOptions(held: readonly string[]) {
  const { locale } = useLocale();
  const catalogue = useSkillCatalogue();
  const named = (catalogue.data?.skills ?? [])
    .filter((skill) => !LANGUAGE_FIELDS.has(skill.skillId))
    .map((skill) => ({ value: skill.skillId, label: locale === 'en' ? skill.nameEn : skill.name }));
  const unnamed = held
    .filter((id) => id !== '' && !named.some((option) => option.value === id))
    .map((id) => ({
      value: id,
      label: (
        <Typography.Text type="secondary" code>
          {id}
        </Typography.Text>
      ),
    }));
  return { options: [...named, ...unnamed], loading: catalogue.loading };
}

/**
 * The skills a queue needs or a seat has beyond languages (a line of business, a trained team: e.g.
 * `biz.housing`), each once, named as the router matches them. A queue asks a least level, a seat
 * has a level; the form says which row is wrong and why.
 */
export function OtherSkillsField({ kind }: { kind: 'needs' | 'has' }) {
  const t = useT();
  const form = Form.useFormInstance();
  const rows = (Form.useWatch('otherSkills', form) ?? []) as Array<Partial<OtherSkill> | undefined>;
  const { options, loading } = useSkillOptions(rows.map((row) => row?.skillId ?? ''));
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
                    { required: true, message: t('admin.routing.skillChoose') },
                    ({ getFieldValue }) => ({
                      validator: (_, skillId: string | undefined) => {
                        const rows = getFieldValue('otherSkills') as Array<Partial<OtherSkill> | undefined>;
                        const same = rows.filter((row) => row?.skillId === skillId).length;
                        const name = options.find((option) => option.value === skillId)?.label;
                        return skillId && same > 1
                          ? Promise.reject(
                              new Error(
                                t('admin.routing.skillTwice', {
                                  skill: typeof name === 'string' ? name : skillId,
                                }),
                              ),
                            )
                          : Promise.resolve();
                      },
                    }),
                  ]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={loading}
                    options={options}
                    placeholder={t('admin.routing.skillChoose')}
                    aria-label={t('admin.routing.skillId')}
                    style={{ width: 200 }}
                    notFoundContent={t('admin.routing.noOtherSkills')}
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
            <Button type="dashed" onClick={() => add({ level: 5 })}>
              {t('admin.routing.addSkill')}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
