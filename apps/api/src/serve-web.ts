import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const API_PREFIXES = ['/graphql', '/health', '/exports', '/downloads'];

/**
 * Serves the built web app from the api, so one URL is the whole product, brotli or gzip
 * compressed when the browser accepts it. Hashed assets are cached for a year; every other GET that is not the API gets index.html (deep links such as
 * /codes/70390 work on reload).
 */
export async function serveWebApp(app: NestFastifyApplication, webDistDir: string): Promise<void> {
  const logger = new Logger('WebApp');
  const root = resolve(webDistDir);
  if (!webDistDir || !existsSync(join(root, 'index.html'))) {
    logger.warn(`No built web app at ${root}; serving the API only. Run \`npm run build\` (npm start does).`);
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // .br / .gz written by tools/scripts/precompress-web.mjs at build time, chosen by Accept-Encoding.
    preCompressed: true,
    setHeaders: (res, path) => {
      res.header('cache-control', path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0];
    if (API_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`)) || /\.[a-z0-9]+$/i.test(path)) {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No such file: ${path}` });
    }
    return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
  });
  logger.log(`Serving the web app from ${root}`);
}
