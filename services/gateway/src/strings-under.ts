/** Every string an answer or event holds under a key matching `key`, at any depth (objects, lists). */
export function stringsUnder(data: unknown, key: RegExp, found = new Set<string>()): Set<string> {
  if (Array.isArray(data)) {
    for (const item of data) stringsUnder(item, key, found);
  } else if (typeof data === 'object' && data !== null) {
    for (const [name, value] of Object.entries(data)) {
      if (key.test(name) && typeof value === 'string') found.add(value);
      else if (typeof value === 'object') stringsUnder(value, key, found);
    }
  }
  return found;
}
