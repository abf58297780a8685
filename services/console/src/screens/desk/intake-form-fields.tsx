import { useState } from 'react';
import { Button, Checkbox, Col, Form, Input, Radio, Row, Select, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { apiUpload, attachmentRef } from '../../api/http';
import { CategoryPicker } from '../../components';
import { useT } from '../../i18n';
import { CASE_TYPES, type IntakeDraft } from './desk-api';

/** The form's values: the draft, with attachments as the upload list keeps them. */
export type IntakeFormValues = Omit<IntakeDraft, 'attachments'> & { files?: UploadFile[] };

export const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** Uploaded files as the commands reference them; files still uploading or failed are left out. */
export function attachmentsOf(files: UploadFile[] | undefined): IntakeDraft['attachments'] {
  return (files ?? [])
    .filter((file) => file.status === 'done' && file.response !== undefined)
    .map((file) => file.response as IntakeDraft['attachments'][number]);
}

/**
 * The contact and case fields in the order an agent fills them during a call: what happened first
 * (content, type, category), then who is calling and where. A message taken from the waiting queue
 * keeps the attachments it came with (`upload` false).
 */
export function IntakeFormFields({ upload = true }: { upload?: boolean }) {
  const t = useT();
  const [uploadError, setUploadError] = useState<string | undefined>(undefined);
  const anonymous = Form.useWatch<boolean | undefined>('anonymous');
  return (
    <>
      <Form.Item
        name="content"
        label={t('desk.form.content')}
        rules={[{ required: true, whitespace: true, message: t('desk.form.contentRequired') }]}
        extra={t('desk.form.contentHint')}
      >
        <Input.TextArea rows={5} maxLength={4000} showCount />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name="type" label={t('desk.form.type')}>
            <Select allowClear options={CASE_TYPES.map((value) => ({ value, label: t(`type.${value}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="categoryCode" label={t('desk.form.category')}>
            <CategoryPicker />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="urgency" label={t('desk.form.urgency')}>
            <Radio.Group
              aria-label={t('desk.form.urgency')}
              optionType="button"
              options={[
                { value: 'normal', label: t('desk.form.urgency.normal') },
                { value: 'urgent', label: t('desk.form.urgency.urgent') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            name="name"
            label={t('desk.form.name')}
            rules={[{ required: anonymous !== true, whitespace: true, message: t('desk.form.nameRequired') }]}
          >
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="phone"
            label={t('desk.form.phone')}
            rules={[
              { required: anonymous !== true, message: t('desk.form.phoneRequired') },
              { pattern: PHONE_PATTERN, message: t('desk.form.phoneInvalid') },
            ]}
          >
            <Input maxLength={20} inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('desk.form.flags')}>
            <Form.Item name="confidential" valuePropName="checked" noStyle>
              <Checkbox>{t('desk.form.confidential')}</Checkbox>
            </Form.Item>
            <Form.Item name="anonymous" valuePropName="checked" noStyle>
              <Checkbox>{t('desk.form.anonymous')}</Checkbox>
            </Form.Item>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t('desk.form.address')}>
            <Input maxLength={500} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="place" label={t('desk.form.place')} extra={t('desk.form.placeHint')}>
            <Input maxLength={500} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      {upload && (
        <Form.Item
          name="files"
          label={t('desk.form.attachments')}
          valuePropName="fileList"
          getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList}
          extra={uploadError ?? t('desk.form.attachmentsHint')}
          validateStatus={uploadError !== undefined ? 'error' : undefined}
        >
          <Upload
            multiple
            maxCount={20}
            customRequest={({ file, onSuccess, onError }) => {
              setUploadError(undefined);
              apiUpload(file as File).then(
                (uploaded) => onSuccess?.(attachmentRef(uploaded)),
                (error: Error) => {
                  setUploadError(t('desk.form.uploadFailed', { reason: error.message }));
                  onError?.(error);
                },
              );
            }}
          >
            <Button icon={<UploadOutlined aria-hidden />}>{t('desk.form.upload')}</Button>
          </Upload>
        </Form.Item>
      )}
    </>
  );
}
