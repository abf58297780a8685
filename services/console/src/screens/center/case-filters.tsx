import { useEffect, useMemo, useState } from 'react';
import { Button, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { CategoryPicker } from '../../components';
import { useT } from '../../i18n';
import { CASE_CHANNELS, CASE_COLOURS, CASE_STATUSES, type UnitView } from './center-api';
import { CASE_TYPES } from '../desk/desk-api';
import { paramsOf, valuesOf, type CaseSearchValues } from './case-search-query';

interface Props {
  params: URLSearchParams;
  units: UnitView[];
  onSearch: (params: URLSearchParams) => void;
}

/** Filters beyond the first row: shown when the URL uses one, else behind 更多条件. */
const ADVANCED = [
  'categoryCode',
  'unitId',
  'districtId',
  'channel',
  'registeredFrom',
  'registeredTo',
  'dueFrom',
  'dueTo',
  'colour',
  'sort',
  'order',
  'overdue',
];

/**
 * The case search form; Enter in any field searches. The first row (number/phone/name, full text,
 * status, type) is what most searches need, so the keyboard reaches the cases in a few Tab stops.
 */
export function CaseFilters({ params, units, onSearch }: Props) {
  const t = useT();
  const [form] = Form.useForm<CaseSearchValues>();
  const [more, setMore] = useState(() => ADVANCED.some((name) => params.has(name)));
  useEffect(() => form.setFieldsValue(valuesOf(params)), [params, form]);
  const unitOptions = useMemo(() => units.map((unit) => ({ value: unit.unitId, label: unit.name })), [units]);
  const districtOptions = useMemo(
    () => units.filter((u) => u.level === 'district').map((u) => ({ value: u.unitId, label: u.name })),
    [units],
  );
  const options = (values: readonly string[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => onSearch(paramsOf(values))}
      aria-label={t('center.search.form')}
    >
      <Row gutter={12}>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="find" label={t('center.search.find')}>
            <Input allowClear maxLength={50} placeholder={t('center.search.findPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="text" label={t('center.search.text')}>
            <Input allowClear maxLength={100} placeholder={t('center.search.textPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="status" label={t('center.search.status')}>
            <Select mode="multiple" allowClear options={options(CASE_STATUSES, 'status')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={8}>
          <Form.Item name="type" label={t('center.search.type')}>
            <Select mode="multiple" allowClear options={options(CASE_TYPES, 'type')} />
          </Form.Item>
        </Col>
        {more && (
          <>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="categoryCode" label={t('center.search.category')}>
                <CategoryPicker />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="unitId" label={t('center.search.unit')}>
                <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="districtId" label={t('center.search.district')}>
                <Select allowClear options={districtOptions} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="channel" label={t('center.search.channel')}>
                <Select mode="multiple" allowClear options={options(CASE_CHANNELS, 'channel')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="registered" label={t('center.search.registered')}>
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="due" label={t('center.search.due')}>
                <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="colour" label={t('center.search.colour')}>
                <Select allowClear options={options(CASE_COLOURS, 'colour')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="sort" label={t('center.search.sort')}>
                <Select
                  options={['registeredAt', 'deadlineAt', 'updatedAt', 'caseNumber'].map((value) => ({
                    value,
                    label: t(`center.sort.${value}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="order" label={t('center.search.order')}>
                <Select
                  options={[
                    { value: 'desc', label: t('center.order.desc') },
                    { value: 'asc', label: t('center.order.asc') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="overdue" valuePropName="checked" label={t('center.search.overdueLabel')}>
                <Checkbox>{t('center.search.overdue')}</Checkbox>
              </Form.Item>
            </Col>
          </>
        )}
      </Row>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('center.search.submit')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onSearch(new URLSearchParams());
          }}
        >
          {t('center.search.reset')}
        </Button>
        <Button type="link" aria-expanded={more} onClick={() => setMore((shown) => !shown)}>
          {t(more ? 'center.search.fewer' : 'center.search.more')}
        </Button>
      </Space>
    </Form>
  );
}
