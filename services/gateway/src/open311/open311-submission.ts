import { createHash } from 'node:crypto';
import { ClientId, ValidationError, type CategorySettingView } from '@hotline/contracts';

type Params = Record<string, unknown>;

/** The parameters of a POST, form or JSON; a repeated form field is an error naming it. */
export function text(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new ValidationError(name, 'must be one text value');
  return value.trim() === '' ? undefined : value;
}

function coordinate(params: Params, name: 'lat' | 'long'): number | undefined {
  const value = text(params, name);
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) throw new ValidationError(name, 'must be a decimal number (WGS-84)');
  return number;
}

/** Where the matter is: the address given, or the coordinates (the specification requires one of them). */
function placeOf(params: Params): { address: string; lat?: number; lng?: number } {
  const lat = coordinate(params, 'lat');
  const lng = coordinate(params, 'long');
  if ((lat === undefined) !== (lng === undefined))
    throw new ValidationError(lat === undefined ? 'lat' : 'long', 'lat and long go together');
  const address = text(params, 'address_string') ?? text(params, 'address_id');
  if (address === undefined && lat === undefined)
    throw new ValidationError('address_string', 'give lat and long, address_string or address_id');
  const at = lat !== undefined && lng !== undefined ? { lat, lng } : {};
  return { address: address ?? `${lat},${lng}`, ...at };
}

/**
 * The idempotency key: the client's own `commandId` (our extension) when it sends one; otherwise the
 * request itself, for this key holder, so a client that retries a POST it never got an answer to
 * makes one contact, not two.
 */
function commandIdOf(params: Params, actorId: string): string {
  const given = params.commandId;
  if (given !== undefined) {
    if (!ClientId.safeParse(given).success)
      throw new ValidationError('commandId', 'must be 1-128 characters of A-Z a-z 0-9 _ . : -');
    return given as string;
  }
  const { api_key: _key, ...rest } = params;
  const canonical = JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
  return `open311-${createHash('sha256').update(`${actorId}\n${canonical}`).digest('hex').slice(0, 40)}`;
}

/** The contact (and GeoReport token) of a request: derived, so the same request is the same contact. */
export const open311ContactId = (actorId: string, commandId: string): string =>
  `open311-${createHash('sha1').update(`${actorId}\n${commandId}`).digest('hex').slice(0, 32)}`;

export interface Open311Submission {
  commandId: string;
  /** The SubmitContact data (the contact's channel is `api`: its case's channel is `open311`). */
  contact: Record<string, unknown>;
  accountId?: string;
}

/**
 * A GeoReport v2 POST as the contact it is: the service's name is the subject (so the classifier
 * reads the citizen's own choice), the description the content; the name and phone number who to
 * call back. `media_url` is kept as a line of the content: the file stays where the client put it.
 */
export function open311Submission(
  params: Params,
  service: CategorySettingView,
  actorId: string,
): Open311Submission {
  const commandId = commandIdOf(params, actorId);
  const name = [text(params, 'last_name'), text(params, 'first_name')].filter(Boolean).join('');
  const email = text(params, 'email');
  const phone = text(params, 'phone');
  const media = text(params, 'media_url');
  const description = text(params, 'description') ?? service.name;
  const accountId = text(params, 'account_id');
  return {
    commandId,
    contact: {
      contactId: open311ContactId(actorId, commandId),
      channel: 'api',
      subject: service.name,
      content: media ? `${description}\n图片：${media}` : description,
      place: placeOf(params),
      caller: {
        ...(name ? { name } : {}),
        ...(email ? { email } : {}),
        ...(phone ? { phone } : {}),
        anonymous: name === '',
      },
      ...(text(params, 'device_id') ? { externalRef: text(params, 'device_id') } : {}),
    },
    ...(accountId ? { accountId } : {}),
  };
}
