import type { CategoriesView, CategorySettingView } from '@hotline/contracts';
import { NotFoundError } from '@hotline/contracts';
import type { Open311Fields } from './open311-format';

/**
 * The services a citizen can request are the taxonomy's active leaves (cases are classified on
 * leaves): `service_code` is the 6-digit category code, the group its level-1 category.
 * `type: batch`: the answer to a request is a token when the contact waits for an agent, and the
 * case number (`service_request_id`) at once when the platform registers or merges it itself.
 */
export function open311Services(view: CategoriesView): CategorySettingView[] {
  const parents = new Set(view.categories.filter((c) => c.active).map((c) => c.parentCode));
  return view.categories.filter((c) => c.active && !parents.has(c.code));
}

export function serviceOf(view: CategoriesView, code: unknown): CategorySettingView {
  const service = open311Services(view).find((c) => c.code === code);
  if (!service) throw new NotFoundError('service', typeof code === 'string' ? code.slice(0, 20) : 'none');
  return service;
}

/** The categories from level 1 down to this one, by name (城乡建设 / 市政设施 / 路灯故障). */
const pathOf = (view: CategoriesView, service: CategorySettingView): CategorySettingView[] => {
  const byCode = new Map(view.categories.map((c) => [c.code, c]));
  const path: CategorySettingView[] = [];
  for (
    let c: CategorySettingView | undefined = service;
    c;
    c = c.parentCode ? byCode.get(c.parentCode) : undefined
  )
    path.unshift(c);
  return path;
};

export function serviceFields(view: CategoriesView, service: CategorySettingView): Open311Fields {
  const path = pathOf(view, service);
  return [
    ['service_code', service.code],
    ['service_name', service.name],
    ['description', path.map((c) => c.name).join(' / ')],
    ['metadata', false],
    ['type', 'batch'],
    ['keywords', service.nameEn],
    ['group', path[0]?.name ?? service.name],
  ];
}

/** A service definition: no extra attributes (every service has `metadata: false`). */
export const serviceDefinitionFields = (service: CategorySettingView): Open311Fields => [
  ['service_code', service.code],
  ['attributes', []],
];
