// The sync server's HTTP application. Today it answers /health; the sync protocol (issue 5) mounts
// its routes here.
import Fastify, { type FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';

export const SERVER_NAME = 'csp-migration-workspace-server';

export function buildApp(config: Pick<ServerConfig, 'LOG_LEVEL'>, version: string): FastifyInstance {
  const app = Fastify({
    logger: { level: config.LOG_LEVEL, name: SERVER_NAME },
    bodyLimit: 1024 * 1024,
  });
  app.get('/health', async () => ({ status: 'ok', name: SERVER_NAME, version }));
  return app;
}
