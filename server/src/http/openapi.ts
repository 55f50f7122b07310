import {
  ERROR_STATUS,
  ROUTE_SCHEMAS,
  ROUTES,
  errorBodySchema,
  presentationSchema,
  resultsSchema,
  sessionInfoSchema,
  sessionReportSchema,
  sessionSummarySchema,
  slideSchema,
  userSchema,
  type ErrorCode,
  type RouteName,
  type RouteSchemas,
  type RouteSpec,
} from '@ettor/protocol';
import {
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiRequestBodyObject,
  type ZodOpenApiResponsesObject,
  createDocument,
  type oas31,
} from 'zod-openapi';
import type { RouteLimits } from './api.js';
import { SESSION_COOKIE } from './app.js';

/** What any JSON body can be refused for before its handler sees it. */
const JSON_BODY_ERRORS: readonly ErrorCode[] = ['invalid_json', 'validation_failed', 'payload_too_large', 'unsupported_media_type'];
const MULTIPART_ERRORS: readonly ErrorCode[] = ['validation_failed', 'payload_too_large', 'unsupported_media_type'];

/** The HTTP API as an OpenAPI 3.1 document, generated from the route table and its schemas. */
export function createOpenApiDocument(limits: { readonly [N in RouteName]?: RouteLimits }): oas31.OpenAPIObject {
  const paths: ZodOpenApiPathsObject = {};
  for (const name of Object.keys(ROUTES) as RouteName[]) {
    const route: RouteSpec = ROUTES[name];
    const path = route.path.replace(/:(\w+)/gu, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(name, route, ROUTE_SCHEMAS[name], limits[name]) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Ettor',
      version: '1',
      description: 'The HTTP API of Ettor, a self-hosted live audience-response system. Live sessions run over the WebSocket at `/live`.',
    },
    paths,
    components: {
      // Named, so the document refers to them instead of repeating them.
      schemas: {
        ErrorBody: errorBodySchema,
        Slide: slideSchema,
        Presentation: presentationSchema,
        User: userSchema,
        SessionInfo: sessionInfoSchema,
        SessionSummary: sessionSummarySchema,
        SessionReport: sessionReportSchema,
        Results: resultsSchema,
      },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by sign-up and login; httpOnly, SameSite=Lax.' },
      },
    },
  });
}

function operation(name: RouteName, route: RouteSpec, schemas: RouteSchemas, limits: RouteLimits | undefined): ZodOpenApiOperationObject {
  return {
    operationId: name,
    summary: schemas.summary,
    ...(schemas.description === undefined ? {} : { description: schemas.description }),
    ...(route.auth === 'public' ? {} : { security: [{ session: [] }] }),
    ...(schemas.params || schemas.query
      ? { requestParams: { ...(schemas.params ? { path: schemas.params } : {}), ...(schemas.query ? { query: schemas.query } : {}) } }
      : {}),
    ...(schemas.body === undefined ? {} : { requestBody: requestBody(schemas.body) }),
    responses: { ...successResponses(route, schemas), ...errorResponses(route, schemas, limits) },
  };
}

/** A JSON body by its schema; a multipart form as its file fields, each with the media types it takes. */
function requestBody(body: NonNullable<RouteSchemas['body']>): ZodOpenApiRequestBodyObject {
  if (!('multipart' in body)) return { required: true, content: { 'application/json': { schema: body } } };
  const fields = Object.entries(body.multipart);
  const schema = {
    type: 'object' as const,
    properties: Object.fromEntries(fields.map(([field]) => [field, { contentMediaType: 'application/octet-stream' }])),
    required: fields.map(([field]) => field),
  };
  const encoding = Object.fromEntries(fields.map(([field, types]) => [field, { contentType: types.join(', ') }]));
  return { required: true, content: { 'multipart/form-data': { schema, encoding } } };
}

function successResponses(route: RouteSpec, schemas: RouteSchemas): ZodOpenApiResponsesObject {
  const response = schemas.response;
  if (response === undefined) return { 204: { description: 'Done; no body.' } };
  const content =
    'binary' in response ? Object.fromEntries(response.binary.map((type) => [type, {}])) : { 'application/json': { schema: response } };
  return {
    [route.status]: { description: route.status === 201 ? 'Created.' : 'OK.', content },
    ...Object.fromEntries(Object.entries(schemas.otherStatuses ?? {}).map(([status, description]) => [status, { description, content }])),
  };
}

/** One response per error status the route can answer, naming its codes; every one has the error body. */
function errorResponses(route: RouteSpec, schemas: RouteSchemas, limits: RouteLimits | undefined): ZodOpenApiResponsesObject {
  const codes = new Set<ErrorCode>([
    ...(route.auth === 'public' ? [] : (['unauthorized'] as const)),
    ...(route.auth === 'admin' ? (['forbidden'] as const) : []),
    ...(schemas.query ? (['validation_failed'] as const) : []),
    ...(schemas.body === undefined ? [] : 'multipart' in schemas.body ? MULTIPART_ERRORS : JSON_BODY_ERRORS),
    ...(limits?.rateLimit ? (['rate_limited'] as const) : []),
    ...(schemas.errors ?? []),
    'internal',
  ]);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      { description: list.map((code) => `\`${code}\``).join(', '), content: { 'application/json': { schema: errorBodySchema } } },
    ]),
  );
}
