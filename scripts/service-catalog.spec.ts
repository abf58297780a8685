/**
 * The service catalog (infra/src/platform/services.json) is the one list of the platform's
 * services: the embedded runner mounts it, `npm run start:distributed` starts it, and here the
 * Kubernetes base is held to it, so a service added to the catalog and not deployed fails.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalogOrder, serviceCatalog } from '@hotline/infra/platform';

const ROOT = resolve(__dirname, '..');
const BASE = join(ROOT, 'k8s/base');
const manifest = (name: string): string => readFileSync(join(BASE, `services/${name}.yaml`), 'utf8');

describe('The service catalog', () => {
  it('names each service once, with an entry point that exists', () => {
    const names = serviceCatalog.map((service) => service.name);
    expect(new Set(names).size).toBe(names.length);
    for (const service of serviceCatalog) expect(existsSync(join(ROOT, service.main))).toBe(true);
  });

  it('is deployed by the Kubernetes base: a manifest each, listed, running its entry point', () => {
    const kustomization = readFileSync(join(BASE, 'kustomization.yaml'), 'utf8');
    for (const { name, main } of serviceCatalog) {
      expect(kustomization).toContain(`- services/${name}.yaml`);
      const text = manifest(name);
      expect(text).toMatch(new RegExp(`kind: Deployment\\nmetadata:\\n  name: ${name}\\n`));
      expect(text).toContain(`args: ['${main.replace(/\.ts$/, '.js')}']`);
    }
  });

  it('has no manifest in the Kubernetes base for a service it does not list', () => {
    const deployed = readdirSync(join(BASE, 'services')).map((file) => file.replace(/\.yaml$/, ''));
    expect(deployed.sort()).toEqual(serviceCatalog.map((service) => service.name).sort());
  });

  it('orders the embedded runner and refuses a service the catalog does not know, or one left out', () => {
    const embedded = serviceCatalog.filter((s) => s.embedded).map((s) => s.name);
    const all = Object.fromEntries([...embedded].reverse().map((name) => [name, name]));
    expect(catalogOrder(all)).toEqual(embedded);
    expect(() => catalogOrder({ ...all, extra: 'extra' })).toThrow(/not in the catalog extra/);
    const { workflow: _left, ...without } = all;
    expect(() => catalogOrder(without)).toThrow(/missing workflow/);
  });
});
