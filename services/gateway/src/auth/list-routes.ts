import { RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { routeAccessOf, type RouteAccess } from './allow.decorator';

export interface ListedRoute {
  method: string;
  /** Express-style, with a leading slash: `/api/cases/:caseId`. */
  path: string;
  controller: Type;
  handlerName: string;
  handler: (...args: never[]) => unknown;
  /** The success status the route answers (`@HttpCode`, else Nest's default). */
  status: number;
  /** Undefined when the route declares nothing (the guard then refuses it). */
  access: RouteAccess | undefined;
}

const paths = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : [typeof value === 'string' ? value : '/'];

const joinPath = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter((p) => p !== '')
    .join('/')}`;

/**
 * Every HTTP route of the controllers with its access declaration, from Nest's own metadata: what
 * the guard's route table, docs/api-routes.md and the OpenAPI document are made from.
 */
export function listRoutes(controllers: readonly Type[]): ListedRoute[] {
  const routes: ListedRoute[] = [];
  for (const controller of controllers) {
    const prefixes = paths(Reflect.getMetadata(PATH_METADATA, controller));
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const handler = prototype[name];
      if (name === 'constructor' || typeof handler !== 'function') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      const routePaths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
      if (method === undefined || routePaths === undefined) continue;
      const typed = handler as ListedRoute['handler'];
      const status =
        (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
        (method === RequestMethod.POST ? 201 : 200);
      for (const prefix of prefixes) {
        for (const path of paths(routePaths)) {
          routes.push({
            method: RequestMethod[method],
            path: joinPath(prefix, path),
            controller,
            handlerName: name,
            handler: typed,
            status,
            access: routeAccessOf(controller, typed),
          });
        }
      }
    }
  }
  return routes;
}
