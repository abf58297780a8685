import { ValidationError } from '@hotline/contracts';

/** Query-string values as Express gives them. */
export type QueryParams = Record<string, unknown>;

const text = (params: QueryParams, name: string): string | undefined => {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ValidationError(name, 'must be given once');
  return value;
};

/** Typed values for the query's schema, which names the parameter when a value is wrong. */
export const queryValues = {
  text,
  list: (params: QueryParams, name: string): string[] | undefined =>
    text(params, name)
      ?.split(',')
      .map((v) => v.trim())
      .filter((v) => v !== ''),
  number: (params: QueryParams, name: string): number | string | undefined => {
    const value = text(params, name);
    return value === undefined || value.trim() === '' || Number.isNaN(Number(value)) ? value : Number(value);
  },
  boolean: (params: QueryParams, name: string): boolean | string | undefined => {
    const value = text(params, name);
    return value === 'true' ? true : value === 'false' ? false : value;
  },
};

/** The `minPosition` read-after-write parameter of every query route. */
export const minPosition = (params: QueryParams): Record<string, unknown> => {
  const value = queryValues.number(params, 'minPosition');
  return value === undefined ? {} : { minPosition: value };
};

/** SearchCases parameters from `GET /api/cases?...`; unset ones are left out so defaults apply. */
export function searchParams(params: QueryParams): Record<string, unknown> {
  const { list, number, boolean } = queryValues;
  const values: Record<string, unknown> = {
    status: list(params, 'status'),
    type: list(params, 'type'),
    channel: list(params, 'channel'),
    categoryCode: text(params, 'categoryCode'),
    unitId: text(params, 'unitId'),
    districtId: text(params, 'districtId'),
    registeredFrom: text(params, 'registeredFrom'),
    registeredTo: text(params, 'registeredTo'),
    dueFrom: text(params, 'dueFrom'),
    dueTo: text(params, 'dueTo'),
    colour: text(params, 'colour'),
    overdue: boolean(params, 'overdue'),
    awaitingCallback: boolean(params, 'awaitingCallback'),
    extensionPending: boolean(params, 'extensionPending'),
    reportedToLeader: boolean(params, 'reportedToLeader'),
    instructed: boolean(params, 'instructed'),
    caseNumber: text(params, 'caseNumber'),
    phone: text(params, 'phone'),
    citizenName: text(params, 'citizenName'),
    text: text(params, 'text'),
    sort: text(params, 'sort'),
    order: text(params, 'order'),
    page: number(params, 'page'),
    pageSize: number(params, 'pageSize'),
    ...minPosition(params),
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

/** The parameters a route was given: the ones left out are not sent, so the query's defaults apply. */
export const defined = (values: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
