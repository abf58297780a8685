import type { Place } from '@hotline/contracts';
import { normalizeText } from '../text/normalize-text';

/** A grid cell of about 300 m: two reports in one cell are "at the same place". */
const CELL_DEGREES = 0.003;

/** A name of 2-5 characters and a suffix that makes it a place; 路 not in 路灯, 路面, 跑路 … */
const NAMED_PLACE =
  /[\p{Script=Han}\d]{2,5}?(?:小区|花园|新村|公寓|大厦|广场|公园|市场|医院|小学|中学|幼儿园|大道|(?<![跑走马道出上问])路(?![灯面边段旁线费况])|街(?!道)|巷|桥|村|港|河)/gu;
/**
 * Characters that never sit inside a place name (particles, pronouns, common verbs): the text is
 * cut at them first, so "我上周反映的幸福小区" yields 幸福小区 and not the whole phrase.
 */
const NOT_IN_NAMES =
  /[的在了我你他她它们是和与及到从把被对向给让还也都就很太又说有个这那哪些]|[^\p{Script=Han}\d]/u;
/** A house number or a verb of complaint before a name is no part of it. */
const LEADING_NOISE = /^(?:\d+号?|举报|投诉|反映|咨询|请问|建议|表扬|感谢)+/u;
const HOUSE_NUMBER = /\d+(?:号|栋|幢|座|单元|室|楼|层).*$/u;

/** The district or city before a street name (鼓楼区五四路), so that 五四路 alone meets it too. */
const ADMINISTRATIVE_PREFIX = /^[\p{Script=Han}]{1,4}?(?:省|市|县|(?<!小)区)(?=[\p{Script=Han}\d]{3,}$)/u;

const namedPlaces = (text: string): string[] =>
  text
    .split(NOT_IN_NAMES)
    .flatMap((segment) => [...segment.matchAll(NAMED_PLACE)].map((m) => m[0].replace(LEADING_NOISE, '')))
    .flatMap((name) => [name, name.replace(ADMINISTRATIVE_PREFIX, '')])
    .filter((name) => [...name].length >= 3)
    .map((name) => `name:${name}`);

/**
 * Keys under which a place is indexed, so that reports of one place meet whatever way it was
 * written: the address without house number (`addr:鼓楼区五四路`), the grid cell of the coordinates
 * (`geo:…`) and the named places the text mentions (`name:幸福小区`, `name:五四路`).
 */
export function placeKeysOf(place: Place | undefined, content: string): string[] {
  const keys = new Set<string>();
  if (place) {
    const address = normalizeText(place.address).replace(/\s/g, '').replace(HOUSE_NUMBER, '');
    if (address.length >= 3) keys.add(`addr:${address}`);
    if (place.lat !== undefined && place.lng !== undefined) {
      keys.add(`geo:${Math.floor(place.lat / CELL_DEGREES)}:${Math.floor(place.lng / CELL_DEGREES)}`);
    }
    for (const key of namedPlaces(address)) keys.add(key);
  }
  for (const key of namedPlaces(normalizeText(content))) keys.add(key);
  return [...keys].slice(0, 20);
}
