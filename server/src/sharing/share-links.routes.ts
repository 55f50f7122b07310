import type { RouteHandlers } from '../http/api.js';
import type { ShareLinksService } from './share-links.service.js';

export function shareLinkRoutes(links: ShareLinksService) {
  return {
    listShareLinks: ({ user, params }) => links.list(user.id, params.id),
    createShareLink: ({ user, params }) => links.create(user.id, params.id),
    revokeShareLink: ({ user, params }) => links.revoke(user.id, params.id, params.linkId),
    sharedReport: async ({ params, query, reply }) => {
      // Set before the lookup, so a refusal is neither indexed nor kept either.
      void reply.header('x-robots-tag', 'noindex, nofollow').header('cache-control', 'no-store');
      return links.report(params.token, query.segmentBy ?? null);
    },
  } satisfies Partial<RouteHandlers>;
}
