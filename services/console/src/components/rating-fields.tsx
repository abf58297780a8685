import { Form, Radio } from 'antd';
import { useT } from '../i18n';

export const RATINGS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export const DIMENSIONS = ['efficiency', 'attitude', 'result'] as const;
export type Rating = (typeof RATINGS)[number];

/** The three dimensions of a callback (办理效率, 服务态度, 办理结果), each satisfied / basically / dissatisfied. */
export function RatingFields({ solid = false }: { solid?: boolean }) {
  const t = useT();
  return DIMENSIONS.map((dimension) => (
    <Form.Item
      key={dimension}
      name={dimension}
      label={t(`callback.${dimension}`)}
      rules={[{ required: true, message: t('callback.ratingRequired') }]}
    >
      <Radio.Group
        aria-label={t(`callback.${dimension}`)}
        optionType="button"
        {...(solid ? { buttonStyle: 'solid' as const } : {})}
        options={RATINGS.map((value) => ({ value, label: t(`rating.${value}`) }))}
      />
    </Form.Item>
  ));
}
