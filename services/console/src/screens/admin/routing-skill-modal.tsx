import { Form, Input, Select } from 'antd';
import { FormModal } from '../../components/form-modal';
import type { SkillKind, SkillView } from '../../components/skill-names';
import { useT } from '../../i18n';
import { routingApi } from './routing-api';

const KINDS: SkillKind[] = ['language', 'dialect', 'business'];
/** The contract's skill ids (`SkillId`): lowercase, dots and hyphens, at most 40 characters. */
export const SKILL_ID = /^[a-z][a-z0-9.-]{0,39}$/;

interface Values {
  skillId: string;
  name: string;
  nameEn: string;
  kind: SkillKind;
}

/** Names a skill (or renames one) in the router's catalogue, on the catalogue's version it read. */
export function RoutingSkillModal({
  skill,
  version,
  onDone,
  onCancel,
}: {
  /** The skill renamed; a new one when absent (or only its id, for a skill in use but unnamed). */
  skill: Partial<SkillView> | undefined;
  version: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const renaming = skill?.name !== undefined;
  return (
    <FormModal<Values>
      open
      title={t(renaming ? 'skills.rename' : 'skills.define')}
      okText={t('skills.save')}
      onSubmit={(values, commandId) =>
        routingApi.defineSkill(
          { ...values, skillId: skill?.skillId ?? values.skillId.trim(), expectedVersion: version },
          commandId,
        )
      }
      onDone={onDone}
      onCancel={onCancel}
    >
      <Form.Item
        name="skillId"
        label={t('skills.id')}
        initialValue={skill?.skillId}
        extra={t('skills.idHelp')}
        rules={[{ required: true, pattern: SKILL_ID, message: t('admin.routing.skillIdRule') }]}
      >
        <Input disabled={skill?.skillId !== undefined} placeholder="biz.housing" />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('skills.name')}
        initialValue={skill?.name}
        rules={[{ required: true, whitespace: true, max: 40, message: t('skills.nameRule') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="nameEn"
        label={t('skills.nameEn')}
        initialValue={skill?.nameEn}
        rules={[{ required: true, whitespace: true, max: 40, message: t('skills.nameRule') }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('skills.kind')}
        initialValue={skill?.kind ?? 'business'}
        rules={[{ required: true }]}
      >
        <Select options={KINDS.map((kind) => ({ value: kind, label: t(`skills.kind.${kind}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
