// Compressed request bodies (Content-Encoding: gzip or deflate): the app sends an import's chunks
// compressed. Decoded as they arrive, and counted as decoded: past `limit` bytes the decoding stops at
// once and the request is refused with 413, so a small body that inflates to gigabytes (a "zip bomb")
// costs no more than `limit` bytes of work and memory. Fastify's own body limit then applies to the
// decoded bytes as well.
import { Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { ApiError } from './errors';

const ENCODINGS = ['gzip', 'deflate'] as const;

export function decodeBody(limit: number) {
  return async function decode(req: FastifyRequest, _reply: FastifyReply, payload: RequestPayload): Promise<RequestPayload> {
    const encoding = String(req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
    if (encoding === 'identity' || encoding === '') return payload;
    if (!(ENCODINGS as readonly string[]).includes(encoding)) {
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', `a body encoded as "${encoding}" is not accepted: send it as gzip, deflate or not encoded`);
    }
    const inflate = encoding === 'gzip' ? zlib.createGunzip() : zlib.createInflate();
    let encoded = 0;
    let decoded = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _enc, done) {
        encoded += chunk.length;
        (decodedStream as RequestPayload).receivedEncodedLength = encoded;
        done(null, chunk);
      },
    });
    const stop = (err: ApiError) => {
      payload.unpipe(counted);
      counted.unpipe(inflate);
      inflate.unpipe(decodedStream);
      inflate.destroy();
      decodedStream.destroy(err);
    };
    const decodedStream = new Transform({
      transform(chunk: Buffer, _enc, done) {
        decoded += chunk.length;
        if (decoded > limit) {
          stop(new ApiError(413, 'PAYLOAD_TOO_LARGE', `the body decodes to more than ${limit} bytes`));
          return;
        }
        req.decodedBodyBytes = decoded;
        done(null, chunk);
      },
    });
    inflate.on('error', () => stop(new ApiError(400, 'MALFORMED_REQUEST', `the body is not valid ${encoding} data`)));
    payload.pipe(counted).pipe(inflate).pipe(decodedStream);
    return decodedStream as unknown as RequestPayload;
  };
}
