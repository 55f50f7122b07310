import { type ASSET_TYPES, MAX_ASSET_BYTES, type Asset } from '@ettor/protocol';
import { type Clock, newId } from '../clock.js';
import type { Db, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';

export type AssetType = (typeof ASSET_TYPES)[number];

/** Recognises an image by its first bytes; the browser's claimed type is not trusted. */
export function sniffImageType(bytes: Uint8Array): AssetType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) {
    return 'image/webp';
  }
  return undefined;
}

export const mediaUrl = (id: string): string => `/media/${id}`;

export type MediaService = ReturnType<typeof createMediaService>;

export function createMediaService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function store(q: Queryable, ownerId: string, bytes: Buffer): Promise<Asset> {
    if (bytes.length > MAX_ASSET_BYTES) throw new AppError('payload_too_large', 'Images may be at most 5 MB.');
    const contentType = sniffImageType(bytes);
    if (!contentType) throw new AppError('unsupported_media_type', 'Only PNG, JPEG, GIF and WebP images can be used.');
    const id = newId();
    await q
      .insertInto('media')
      .values({ id, owner_id: ownerId, content_type: contentType, bytes, created_at: clock.now().toISOString() })
      .execute();
    return { id, url: mediaUrl(id), contentType };
  }

  return {
    store,
    upload: (ownerId: string, bytes: Buffer) => store(db, ownerId, bytes),
    find(q: Queryable, id: string) {
      return q.selectFrom('media').select(['id', 'content_type', 'bytes']).where('id', '=', id).executeTakeFirst();
    },
  };
}
