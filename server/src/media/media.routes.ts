import type { RouteHandlers } from '../http/api.js';
import { AppError } from '../http/errors.js';
import type { MediaService } from './media.service.js';

export function mediaRoutes(media: MediaService, db: Parameters<MediaService['find']>[0]) {
  return {
    uploadAsset: async ({ user, request }) => {
      if (!request.isMultipart())
        throw new AppError('unsupported_media_type', 'Upload the image as multipart form data in the field "file".');
      const file = await request.file();
      if (!file || file.fieldname !== 'file') throw new AppError('validation_failed', 'file: no image was uploaded.');
      return media.upload(user.id, await file.toBuffer());
    },

    media: async ({ params, reply }) => {
      const stored = await media.find(db, params.id);
      if (!stored) throw new AppError('not_found', 'There is no such image.');
      void reply.header('content-type', stored.content_type).header('cache-control', 'public, max-age=31536000, immutable');
      return Buffer.from(stored.bytes);
    },
  } satisfies Partial<RouteHandlers>;
}
