import { useEffect } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { ErrorAlert } from '../../components';
import { useLocale, useT } from '../../i18n';
import { type CityCategory, settingsApi } from './settings-api';
import { categoryCodeRule } from './settings-rules';
import type { useSettingsCommand } from './use-settings-command';

export type CategoryDialogState =
  { mode: 'add'; parent?: CityCategory } | { mode: 'rename'; category: CityCategory };

interface Values {
  code: string;
  name: string;
  nameEn: string;
}

const FIELDS = ['code', 'name', 'nameEn'] as const;

/** Add a category (top level or under a parent) or rename one; the gateway's refusal names the field. */
export function CategoryDialog({
  state,
  command,
  onClose,
  onDone,
}: {
  state: CategoryDialogState | undefined;
  command: ReturnType<typeof useSettingsCommand>;
  onClose: () => void;
  onDone: (position: number | undefined, text: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const parent = state?.mode === 'add' ? state.parent : undefined;
  const renaming = state?.mode === 'rename' ? state.category : undefined;

  useEffect(() => {
    if (state === undefined) return;
    form.resetFields();
    if (renaming !== undefined) form.setFieldsValue({ name: renaming.name, nameEn: renaming.nameEn });
  }, [state, renaming, form]);

  const label = (c: CityCategory) => (locale === 'en' ? c.nameEn : c.name);
  const title =
    renaming !== undefined
      ? t('admin.categories.renameFor', { name: label(renaming) })
      : parent !== undefined
        ? t('admin.categories.addUnder', { name: label(parent) })
        : t('admin.categories.addTop');
  const codeHint =
    parent === undefined
      ? t('admin.categories.codeHintTop')
      : t('admin.categories.codeHintChild', {
          prefix: parent.code.slice(0, parent.level * 2),
        });

  const submit = (values: Values) => {
    const target = { instance: form, fields: FIELDS };
    const names = { name: values.name.trim(), nameEn: values.nameEn.trim() };
    void (renaming !== undefined
      ? command
          .run((id) => settingsApi.renameCategory(renaming.code, names, id), target)
          .then((position) => onDone(position, t('admin.categories.renamed')))
      : command
          .run(
            (id) =>
              settingsApi.defineCategory(
                {
                  code: values.code.trim(),
                  ...names,
                  ...(parent !== undefined ? { parentCode: parent.code } : {}),
                },
                id,
              ),
            target,
          )
          .then((position) => onDone(position, t('admin.categories.added'))));
  };

  return (
    <Modal
      open={state !== undefined}
      title={title}
      okText={t('admin.categories.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: command.busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {parent !== undefined && (
          <Typography.Paragraph>
            {t('admin.categories.parent', { name: `${parent.code} ${label(parent)}` })}
          </Typography.Paragraph>
        )}
        {renaming === undefined && (
          <Form.Item
            name="code"
            label={t('admin.categories.code')}
            extra={codeHint}
            rules={[
              { required: true, message: t('admin.categories.codeRequired') },
              { pattern: categoryCodeRule(parent), message: codeHint },
            ]}
          >
            <Input inputMode="numeric" maxLength={6} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('admin.categories.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('admin.categories.nameRequired') }]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('admin.categories.nameEn')}
          rules={[{ required: true, whitespace: true, message: t('admin.categories.nameEnRequired') }]}
        >
          <Input maxLength={80} autoComplete="off" />
        </Form.Item>
        <ErrorAlert error={command.error} />
      </Form>
    </Modal>
  );
}
