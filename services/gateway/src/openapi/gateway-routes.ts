import { RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';

export interface GatewayRoute {
  method: string;
  /** Express-style, with a leading slash: `/api/cases/:caseId`. */
  path: string;
  controller: Type;
  handler: (...args: unknown[]) => unknown;
  /** The success status the route answers (`@HttpCode`, else Nest's default). */
  status: number;
}

const paths = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [typeof value === 'string' ? value : '/'];

const join = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter((p) => p !== '')
    .join('/')}`;

/** Every HTTP route of the controllers, read from Nest's own route metadata. */
export function gatewayRoutes(controllers: readonly Type[]): GatewayRoute[] {
  const routes: GatewayRoute[] = [];
  for (const controller of controllers) {
    const prefixes = paths(Reflect.getMetadata(PATH_METADATA, controller));
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const routePaths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (method === undefined || routePaths === undefined) continue;
      const verb = RequestMethod[method];
      const status =
        (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
        (method === RequestMethod.POST ? 201 : 200);
      for (const prefix of prefixes) {
        for (const path of paths(routePaths)) {
          routes.push({
            method: verb,
            path: join(prefix, path),
            controller,
            handler: handler as GatewayRoute['handler'],
            status,
          });
        }
      }
    }
  }
  return routes;
}
