import dayjs, { type Dayjs } from 'dayjs';
import { findOf, findParams } from '../../components/case-find';

type Range = [Dayjs | null, Dayjs | null] | null | undefined;

/** The search form's values. */
export interface CaseSearchValues {
  /** A case number, a caller's phone or a caller's name. */
  find?: string;
  text?: string;
  status?: string[];
  type?: string[];
  channel?: string[];
  categoryCode?: string;
  unitId?: string;
  districtId?: string;
  registered?: Range;
  due?: Range;
  colour?: string;
  overdue?: boolean;
  sort?: string;
  order?: string;
}

const list = (value: string | null) => (value === null || value === '' ? undefined : value.split(','));
const range = (from: string | null, to: string | null): Range =>
  from === null && to === null ? undefined : [from ? dayjs(from) : null, to ? dayjs(to) : null];

/** The search as URL parameters (what `GET /api/cases` takes), so a search can be bookmarked and shared. */
export function paramsOf(values: CaseSearchValues): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined && value !== '') params.set(key, value);
  };
  for (const [key, value] of Object.entries(findParams(values.find))) set(key, value);
  set('text', values.text?.trim());
  set('status', values.status?.join(','));
  set('type', values.type?.join(','));
  set('channel', values.channel?.join(','));
  set('categoryCode', values.categoryCode);
  set('unitId', values.unitId);
  set('districtId', values.districtId);
  set('registeredFrom', values.registered?.[0]?.startOf('day').toISOString());
  set('registeredTo', values.registered?.[1]?.endOf('day').toISOString());
  set('dueFrom', values.due?.[0]?.startOf('day').toISOString());
  set('dueTo', values.due?.[1]?.endOf('day').toISOString());
  set('colour', values.colour);
  if (values.overdue === true) params.set('overdue', 'true');
  set('sort', values.sort);
  set('order', values.order);
  return params;
}

/** The form's values from the URL; sort and order default to the newest registered first. */
export function valuesOf(params: URLSearchParams): CaseSearchValues {
  return {
    find: findOf(params),
    text: params.get('text') ?? undefined,
    status: list(params.get('status')),
    type: list(params.get('type')),
    channel: list(params.get('channel')),
    categoryCode: params.get('categoryCode') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
    districtId: params.get('districtId') ?? undefined,
    registered: range(params.get('registeredFrom'), params.get('registeredTo')),
    due: range(params.get('dueFrom'), params.get('dueTo')),
    colour: params.get('colour') ?? undefined,
    overdue: params.get('overdue') === 'true',
    sort: params.get('sort') ?? 'registeredAt',
    order: params.get('order') ?? 'desc',
  };
}
