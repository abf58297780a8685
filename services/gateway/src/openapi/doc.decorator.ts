import { SetMetadata } from '@nestjs/common';
import type { z } from 'zod';

/** A response an operation documents beside the errors every operation shares. */
export interface DocResponse {
  description: string;
  schema?: z.ZodType;
  /** Media type when the body is not JSON (a file, an event stream). */
  mediaType?: string;
}

/**
 * A command body: the command's schema with `commandId` added and the fields the path supplies
 * (such as `caseId`) left out.
 */
export interface CommandBody {
  command: { type: string; schema: z.ZodType };
  pathFields?: string[];
}

/** A body that is `multipart/form-data` with one file part. */
export interface MultipartBody {
  multipartFile: string;
}

export interface DocSpec {
  summary: string;
  description?: string;
  /** JSON body: a zod schema, a command body, or a multipart upload. */
  body?: z.ZodType | CommandBody | MultipartBody;
  /** Query parameters: the properties of this object schema (lists are comma-separated). */
  query?: z.ZodObject;
  /** Path parameters by name. */
  params?: Record<string, z.ZodType>;
  /** Success responses by status; the default is the route's status with a JSON body. */
  responses?: Record<number, DocResponse>;
}

/**
 * One documented operation per value of a generic path parameter, e.g. `POST
 * /api/cases/{caseId}/dispatch` for the route `cases/:caseId/:action`: `path` gives the values.
 */
export interface DocVariant extends DocSpec {
  path: Record<string, string>;
  /**
   * The roles this variant is for, narrower than the generic route's guard (which must let every
   * variant's roles through): e.g. only the center approves an extension. Documented as the guard's
   * roles that are also these.
   */
  roles?: readonly string[];
}

export const DOC_METADATA = 'hotline:openapi-doc';
export const DOC_TAG_METADATA = 'hotline:openapi-tag';

/** Documents a route in the generated OpenAPI document (`npm run openapi`). */
export const Doc = (spec: DocSpec | { variants: DocVariant[] }): MethodDecorator & ClassDecorator =>
  SetMetadata(DOC_METADATA, spec);

/** The tag (area) of a controller's operations in the OpenAPI document. */
export const DocTag = (tag: string): MethodDecorator & ClassDecorator => SetMetadata(DOC_TAG_METADATA, tag);
