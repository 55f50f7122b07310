import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  ROUTE_SCHEMAS,
  exportFormatSchema,
  shareLinkSchema,
  ROUTES,
  routePath,
  type DeckFileInput,
  type PathParamName,
  type Presentation,
  type RouteBody,
  type RouteName,
  type RouteParams,
  type RouteQuery,
  type RouteRequest,
  type RouteResult,
  type RouteSchemas,
  type Slide,
  type SlideInput,
  type SessionReport,
  updatePresentationBodySchema,
} from './index.js';

const names = Object.keys(ROUTES) as RouteName[];

describe('the route table', () => {
  it('has the schemas of exactly its routes', () => {
    expect(Object.keys(ROUTE_SCHEMAS).sort()).toEqual([...names].sort());
  });

  it('has one route per method and path', () => {
    const keys = names.map((name) => `${ROUTES[name].method} ${ROUTES[name].path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(names)('%s: its parameter schema names exactly the parameters of its path', (name) => {
    const fromPath = [...ROUTES[name].path.matchAll(/:(\w+)/gu)].map((match) => match[1]).sort();
    const schemas: RouteSchemas = ROUTE_SCHEMAS[name];
    const shape = (schemas.params as z.ZodObject | undefined)?.shape ?? {};
    expect(Object.keys(shape).sort()).toEqual(fromPath);
  });

  it.each(names)('%s: answers 204 exactly when it has no response body, and takes no body on GET or DELETE', (name) => {
    const schemas: RouteSchemas = ROUTE_SCHEMAS[name];
    expect(schemas.response === undefined).toBe(ROUTES[name].status === 204);
    if (ROUTES[name].method === 'GET' || ROUTES[name].method === 'DELETE') expect(schemas.body).toBeUndefined();
  });

  it.each(names.filter((name) => (ROUTE_SCHEMAS[name] as RouteSchemas).query))(
    '%s: its query is an object that refuses unknown fields, and of optional fields but for an export’s format and the runs compared',
    (name) => {
      const query = (ROUTE_SCHEMAS[name] as RouteSchemas).query as z.ZodObject;
      expect(query.safeParse({}).success).toBe(name !== 'exportSessionReport' && name !== 'compareSessions');
      expect(query.safeParse({ unknown: 'x' }).success).toBe(false);
    },
  );

  it('exports as CSV or XLSX only, the format named', () => {
    const query = ROUTE_SCHEMAS.exportSessionReport.query;
    expect(query.parse({ format: 'xlsx', segmentBy: 'role' })).toEqual({ format: 'xlsx', segmentBy: 'role' });
    for (const bad of [{}, { format: 'pdf' }, { format: 'CSV' }, { format: ['csv', 'xlsx'] }, { format: 'csv', segmentBy: '' }]) {
      expect(query.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(exportFormatSchema.options).toEqual(['csv', 'xlsx']);
  });

  it('describes a share link by its id, secret, page and time', () => {
    const link = { id: 'l1', token: 'a'.repeat(43), path: `/app/shared/${'a'.repeat(43)}`, createdAt: '2026-03-12T09:00:00.000Z' };
    expect(shareLinkSchema.parse(link)).toEqual(link);
    expect(shareLinkSchema.safeParse({ ...link, revokedAt: null }).success).toBe(false);
    expect(ROUTE_SCHEMAS.sharedReport.params.safeParse({ token: link.token }).success).toBe(true);
  });

  it('reads a report split by a slide id, and refuses a malformed one or a repeated field', () => {
    const query = ROUTE_SCHEMAS.sessionReport.query;
    expect(query.parse({ segmentBy: 'role' })).toEqual({ segmentBy: 'role' });
    expect(query.safeParse({ segmentBy: 'no such/slide' }).success).toBe(false);
    expect(query.safeParse({ segmentBy: '' }).success).toBe(false);
    expect(query.safeParse({ segmentBy: ['a', 'b'] }).success).toBe(false);
  });

  it('changes a title, a threshold or both, but not nothing, and no threshold below 3', () => {
    expect(updatePresentationBodySchema.parse({ title: ' Ny ' })).toEqual({ title: 'Ny' });
    expect(updatePresentationBodySchema.parse({ anonymityThreshold: 3 })).toEqual({ anonymityThreshold: 3 });
    expect(updatePresentationBodySchema.parse({ title: 'Ny', anonymityThreshold: 10 })).toEqual({ title: 'Ny', anonymityThreshold: 10 });
    expect(updatePresentationBodySchema.parse({ strictAnonymity: true })).toEqual({ strictAnonymity: true });
    expect(updatePresentationBodySchema.parse({ strictAnonymity: false })).toEqual({ strictAnonymity: false });
    for (const bad of [
      {},
      { anonymityThreshold: 2 },
      { anonymityThreshold: 5.5 },
      { anonymityThreshold: '5' },
      { title: '' },
      { k: 5 },
      { strictAnonymity: 'true' },
      { strictAnonymity: null },
    ]) {
      expect(updatePresentationBodySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('keeps the table itself free of imports, so the phone page does not pull in zod', () => {
    expect(readFileSync(new URL('./routes.ts', import.meta.url), 'utf8')).not.toMatch(/^import /mu);
  });

  it('fills in path parameters', () => {
    expect(routePath('updateSlide', { id: 'deck-1', slideId: 'intro' })).toBe('/api/presentations/deck-1/slides/intro');
    expect(routePath('join', { code: '1234 5678' })).toBe('/api/join/1234%205678');
    expect(routePath('me', {})).toBe('/api/auth/me');
    expect(routePath('sessionReport', { id: 's-1' })).toBe('/api/sessions/s-1/report');
  });

  it('types calls from the table', () => {
    expectTypeOf<PathParamName<'/a/:id/b/:slideId'>>().toEqualTypeOf<'id' | 'slideId'>();
    expectTypeOf<RouteParams<'updateSlide'>>().toEqualTypeOf<{ id: string; slideId: string }>();
    expectTypeOf<RouteParams<'listPresentations'>>().toEqualTypeOf<Record<never, never>>();
    expectTypeOf<RouteBody<'updateSlide'>>().toEqualTypeOf<SlideInput>();
    expectTypeOf<RouteBody<'importPresentation'>>().toEqualTypeOf<DeckFileInput>();
    expectTypeOf<RouteBody<'uploadAsset'>>().toEqualTypeOf<FormData>();
    expectTypeOf<RouteBody<'getPresentation'>>().toEqualTypeOf<undefined>();
    expectTypeOf<RouteResult<'updateSlide'>>().toEqualTypeOf<Slide>();
    expectTypeOf<RouteResult<'renamePresentation'>>().toEqualTypeOf<Presentation>();
    expectTypeOf<RouteResult<'deleteSlide'>>().toEqualTypeOf<void>();
    expectTypeOf<RouteRequest<'renamePresentation'>>().toEqualTypeOf<
      { params: { id: string } } & Record<never, never> & {
          body: {
            title?: string | undefined;
            anonymityThreshold?: number | undefined;
            strictAnonymity?: boolean | undefined;
            language?: 'sv' | 'en' | undefined;
            extendedTime?: boolean | undefined;
            filterOffensive?: boolean | undefined;
            theme?: 'light' | 'dark' | 'high-contrast' | undefined;
            brandColor?: string | null | undefined;
            logoAssetId?: string | null | undefined;
            revealResults?: 'live' | 'on-reveal' | undefined;
          };
        }
    >();
    expectTypeOf<RouteRequest<'exportSessionReport'>>().toEqualTypeOf<
      { params: { id: string } } & { query: { format: 'csv' | 'xlsx'; segmentBy?: string | undefined } } & Record<never, never>
    >();
    expectTypeOf<RouteResult<'exportSessionReport'>>().toEqualTypeOf<Blob>();
    expectTypeOf<RouteRequest<'me'>>().toEqualTypeOf<Record<never, never> & Record<never, never> & Record<never, never>>();
    expectTypeOf<RouteQuery<'sessionReport'>>().toEqualTypeOf<{ segmentBy?: string | undefined }>();
    expectTypeOf<RouteQuery<'getSession'>>().toEqualTypeOf<undefined>();
    expectTypeOf<RouteRequest<'sessionReport'>>().toEqualTypeOf<
      { params: { id: string } } & { query?: { segmentBy?: string | undefined } } & Record<never, never>
    >();
    expectTypeOf<RouteResult<'sessionReport'>>().toEqualTypeOf<SessionReport>();
  });
});
