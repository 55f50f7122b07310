import type { FastifyInstance } from 'fastify';
import { requireUser } from '../http/app.js';
import { AppError } from '../http/errors.js';
import type { MediaService } from './media.service.js';

export function registerMediaRoutes(app: FastifyInstance, media: MediaService, db: Parameters<MediaService['find']>[0]): void {
  app.post('/api/assets', async (request, reply) => {
    const user = requireUser(request);
    if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Upload the image as multipart form data in the field "file".');
    const file = await request.file();
    if (!file || file.fieldname !== 'file') throw new AppError('validation_failed', 'file: no image was uploaded.');
    const bytes = await file.toBuffer();
    return reply.status(201).send(await media.upload(user.id, bytes));
  });

  // Media ids are unguessable and images are public to the session's audience, like the slides they are on.
  app.get<{ Params: { id: string } }>('/media/:id', async (request, reply) => {
    const stored = await media.find(db, request.params.id);
    if (!stored) throw new AppError('not_found', 'There is no such image.');
    return reply
      .header('content-type', stored.content_type)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(Buffer.from(stored.bytes));
  });
}
