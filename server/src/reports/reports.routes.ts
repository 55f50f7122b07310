import type { RouteHandlers } from '../http/api.js';
import type { ReportsService } from './reports.service.js';

export function reportRoutes(reports: ReportsService) {
  return {
    listSessions: ({ user, params }) => reports.listSessions(user.id, params.id),
    sessionReport: ({ user, params, query }) => reports.report(user.id, params.id, query.segmentBy ?? null),
    exportSessionReport: async ({ user, params, query, reply }) => {
      const file = await reports.exportReport(user.id, params.id, query.format, query.segmentBy ?? null);
      void reply
        .header('content-type', file.contentType)
        .header('content-disposition', file.contentDisposition)
        // A live session's export changes with every answer, and results are not for shared caches.
        .header('cache-control', 'no-store');
      return file.bytes;
    },
  } satisfies Partial<RouteHandlers>;
}
