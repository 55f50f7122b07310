import type { RouteHandlers } from '../http/api.js';
import type { CompareService } from './compare.service.js';

export function compareRoutes(compare: CompareService) {
  return {
    compareSessions: ({ user, query }) => compare.compare(user.id, query.sessions.split(',')),
  } satisfies Partial<RouteHandlers>;
}
