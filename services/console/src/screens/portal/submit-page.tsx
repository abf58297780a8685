import { useRef, useState } from 'react';
import { App, Button, Cascader, Card, Checkbox, Flex, Form, Input, InputNumber, Radio, Space } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ContactReceipt } from '@hotline/contracts';
import { newCommandId } from '../../api/http';
import { ErrorAlert, PageHeader, PhotoUpload, uploadedRefs, type UploadItem } from '../../components';
import { useT } from '../../i18n';
import { useRequest } from '../../components/use-request';
import { placeAddress } from './place-address';
import { listPlaces, submitContact } from './portal-api';
import { ReceiptCard } from './receipt-card';

/** The request types a citizen picks; the classifier reads the zh-CN word in front of the text. */
export const REQUEST_TYPES = ['complaint', 'report', 'consult', 'help', 'suggestion', 'praise'] as const;
const TYPE_WORDS: Record<(typeof REQUEST_TYPES)[number], string> = {
  complaint: '投诉',
  report: '反映',
  consult: '咨询',
  help: '求助',
  suggestion: '建议',
  praise: '表扬',
};

interface SubmitValues {
  type: (typeof REQUEST_TYPES)[number];
  content: string;
  /** The district and street picked (ids). */
  area?: string[];
  address?: string;
  lat?: number;
  lng?: number;
  name?: string;
  phone?: string;
  anonymous: boolean;
  photos?: UploadItem[];
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export function SubmitPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<SubmitValues>();
  const [receipt, setReceipt] = useState<ContactReceipt>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [locating, setLocating] = useState(false);
  // One id per submission attempt: pressing submit again after a network error cannot file twice.
  const commandId = useRef(newCommandId());
  const anonymous = Form.useWatch('anonymous', form);
  const places = useRequest(listPlaces, 'places');

  const onFinish = async (values: SubmitValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const address = placeAddress(places.data ?? [], values.area, values.address);
      const districtId = values.area?.[0];
      const place =
        address !== ''
          ? {
              address,
              ...(values.lat !== undefined && values.lng !== undefined
                ? { lat: values.lat, lng: values.lng }
                : {}),
            }
          : undefined;
      const answer = await submitContact({
        commandId: commandId.current,
        caller: values.anonymous
          ? { anonymous: true, ...(values.phone ? { phone: values.phone } : {}) }
          : {
              ...(values.name ? { name: values.name.trim() } : {}),
              ...(values.phone ? { phone: values.phone } : {}),
            },
        content: `${TYPE_WORDS[values.type]}：${values.content.trim()}`,
        ...(place !== undefined ? { place } : {}),
        ...(districtId !== undefined ? { districtId } : {}),
        attachments: uploadedRefs(values.photos ?? []),
      });
      setReceipt(answer);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      void message.warning(t('portal.submit.locateFailed'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        form.setFieldsValue({
          lat: Number(position.coords.latitude.toFixed(6)),
          lng: Number(position.coords.longitude.toFixed(6)),
        });
        setLocating(false);
      },
      () => {
        // Denied, unavailable, or switched off by the site's Permissions-Policy: type the address.
        setLocating(false);
        void message.warning(t('portal.submit.locateFailed'));
      },
      { timeout: 10_000 },
    );
  };

  const startOver = () => {
    form.resetFields();
    commandId.current = newCommandId();
    setReceipt(undefined);
  };

  if (receipt !== undefined) return <ReceiptCard receipt={receipt} onAnother={startOver} />;

  return (
    <>
      <PageHeader
        title={t('portal.submit.title')}
        subTitle={t('portal.submit.intro')}
        extra={<Link to="/portal/chat">{t('portal.chat.link')}</Link>}
      />
      <Card>
        <Form<SubmitValues>
          form={form}
          layout="vertical"
          initialValues={{ type: 'complaint', anonymous: false, photos: [] }}
          onFinish={(values) => void onFinish(values)}
          scrollToFirstError
        >
          <Form.Item label={t('portal.submit.type')} name="type" rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid">
              {REQUEST_TYPES.map((type) => (
                <Radio.Button key={type} value={type}>
                  {t(`caseType.${type}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            label={t('portal.submit.content')}
            name="content"
            extra={t('portal.submit.contentHint')}
            rules={[
              { required: true, whitespace: true, message: t('portal.submit.contentRequired') },
              { max: 3900, message: t('portal.submit.contentTooLong') },
            ]}
          >
            <Input.TextArea rows={5} showCount maxLength={3900} />
          </Form.Item>
          <Form.Item label={t('portal.submit.area')} name="area" extra={t('portal.submit.areaHint')}>
            <Cascader
              changeOnSelect
              allowClear
              showSearch
              loading={places.loading}
              options={(places.data ?? []).map((district) => ({
                value: district.districtId,
                label: district.name,
                children: district.streets.map((street) => ({ value: street.unitId, label: street.name })),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('portal.submit.address')} name="address" rules={[{ max: 500 }]}>
            <Input autoComplete="street-address" />
          </Form.Item>
          <Flex gap="small" wrap align="end">
            <Form.Item
              label={t('portal.submit.lat')}
              name="lat"
              rules={[{ type: 'number', min: 3, max: 54, message: t('portal.submit.coordinatesRange') }]}
            >
              <InputNumber step={0.000001} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item
              label={t('portal.submit.lng')}
              name="lng"
              dependencies={['lat']}
              rules={[
                { type: 'number', min: 73, max: 136, message: t('portal.submit.coordinatesRange') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value) =>
                    (value === undefined || value === null) ===
                    (getFieldValue('lat') === undefined || getFieldValue('lat') === null)
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('portal.submit.coordinatesTogether'))),
                }),
              ]}
            >
              <InputNumber step={0.000001} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item>
              <Button icon={<EnvironmentOutlined aria-hidden />} onClick={locate} loading={locating}>
                {t('portal.submit.locate')}
              </Button>
            </Form.Item>
          </Flex>
          <Form.Item name="anonymous" valuePropName="checked">
            <Checkbox>{t('portal.submit.anonymous')}</Checkbox>
          </Form.Item>
          {anonymous !== true && (
            <Form.Item
              label={t('portal.submit.name')}
              name="name"
              rules={[
                { required: true, whitespace: true, message: t('portal.submit.nameRequired') },
                { max: 64 },
              ]}
            >
              <Input autoComplete="name" />
            </Form.Item>
          )}
          <Form.Item
            label={t('portal.submit.phone')}
            name="phone"
            extra={t('portal.submit.phoneHint')}
            rules={[
              { required: anonymous !== true, message: t('portal.submit.phoneRequired') },
              { pattern: PHONE, message: t('portal.submit.phoneInvalid') },
            ]}
          >
            <Input type="tel" inputMode="tel" autoComplete="tel" />
          </Form.Item>
          <Form.Item
            label={t('portal.submit.photos')}
            name="photos"
            extra={t('portal.submit.photosHint')}
            rules={[
              {
                validator: (_rule, items: UploadItem[] | undefined) =>
                  (items ?? []).some((item) => item.status === 'uploading')
                    ? Promise.reject(new Error(t('upload.stillUploading')))
                    : Promise.resolve(),
              },
            ]}
          >
            <PhotoUpload />
          </Form.Item>
          {error !== undefined && (
            <Form.Item>
              <ErrorAlert error={error} />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} size="large">
              {t('portal.submit.submit')}
            </Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
