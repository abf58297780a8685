import { useMemo, useState } from 'react';
import { Alert, Card, Input, Tag, Tree, type TreeDataNode } from 'antd';
import { SAMPLE_CATEGORIES } from '@hotline/contracts/src/workflow/taxonomy/sample-taxonomy';
import { PageHeader } from '../../components';
import { FieldLabel } from '../../components/text-parts';
import { useLocale, useT } from '../../i18n';

const parentOf = (code: string): string | undefined =>
  code.endsWith('0000')
    ? undefined
    : code.endsWith('00')
      ? `${code.slice(0, 2)}0000`
      : `${code.slice(0, 4)}00`;

/**
 * The 3-level category taxonomy (GB/T 39666 style codes), read-only: the gateway has no category
 * route yet, so this shows the taxonomy the console's pickers use.
 */
export function CategoriesPage() {
  const t = useT();
  const { locale } = useLocale();
  const [filter, setFilter] = useState('');
  const tree = useMemo(() => {
    const words = filter.trim().toLowerCase();
    const label = (c: (typeof SAMPLE_CATEGORIES)[number]) => (locale === 'en' ? c.nameEn : c.name);
    const matches = new Set(
      SAMPLE_CATEGORIES.filter(
        (c) => words === '' || `${c.code} ${c.name} ${c.nameEn}`.toLowerCase().includes(words),
      ).flatMap((c) => [c.code, parentOf(c.code), parentOf(parentOf(c.code) ?? '') ?? '']),
    );
    const build = (parent: string | undefined): TreeDataNode[] =>
      SAMPLE_CATEGORIES.filter((c) => parentOf(c.code) === parent && matches.has(c.code)).map((c) => ({
        key: c.code,
        title: (
          <span>
            {c.code} {label(c)}
            {c.convenienceList === true && (
              <Tag color="blue" style={{ marginLeft: 8 }}>
                {t('admin.categories.convenience')}
              </Tag>
            )}
          </span>
        ),
        children: build(c.code),
      }));
    return build(undefined);
  }, [filter, locale, t]);

  return (
    <>
      <PageHeader
        title={t('admin.categories.title')}
        subTitle={t('admin.categories.count', { count: SAMPLE_CATEGORIES.length })}
      />
      <Alert type="info" showIcon title={t('admin.categories.readOnly')} style={{ marginBottom: 12 }} />
      <div style={{ maxWidth: 360, marginBottom: 12 }}>
        <FieldLabel htmlFor="categories-filter">{t('admin.categories.filter')}</FieldLabel>
        <Input id="categories-filter" allowClear value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <Card size="small">
        <Tree
          key={filter}
          treeData={tree}
          defaultExpandAll
          selectable={false}
          aria-label={t('admin.categories.title')}
        />
      </Card>
    </>
  );
}
