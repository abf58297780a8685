import catalog from './services.json';

/** One service of the platform as the runners and the deployment know it. */
export interface CatalogedService {
  /** The service's name: its package `@hotline/<name>`, its process, its Kubernetes Deployment. */
  name: string;
  /** Its entry point from the repository root (Kubernetes runs the compiled `.js` of it). */
  main: string;
  /** Mounted by the embedded runner (the relay is not: embedded, the store itself is the log). */
  embedded: boolean;
}

/** Every service, in start order (`services.json`, shared with the plain-JS distributed runner). */
export const serviceCatalog: readonly CatalogedService[] = catalog.services;

/**
 * The catalog's embedded services as `definitions` name them, in catalog order. A service in the
 * catalog without a definition, or a definition the catalog does not list, is a mistake.
 */
export function catalogOrder<T>(definitions: Readonly<Record<string, T>>): T[] {
  const embedded = serviceCatalog.filter((service) => service.embedded).map((service) => service.name);
  const missing = embedded.filter((name) => !(name in definitions));
  const unlisted = Object.keys(definitions).filter((name) => !embedded.includes(name));
  if (missing.length > 0 || unlisted.length > 0)
    throw new Error(
      `the embedded services and services.json disagree: missing ${missing.join(', ') || 'none'}, not in the catalog ${unlisted.join(', ') || 'none'}`,
    );
  return embedded.map((name) => definitions[name] as T);
}
