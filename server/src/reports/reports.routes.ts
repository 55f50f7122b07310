import type { RouteHandlers } from '../http/api.js';
import type { ReportsService } from './reports.service.js';

export function reportRoutes(reports: ReportsService) {
  return {
    listSessions: ({ user, params }) => reports.listSessions(user.id, params.id),
    sessionReport: ({ user, params, query }) => reports.report(user.id, params.id, query.segmentBy ?? null),
  } satisfies Partial<RouteHandlers>;
}
