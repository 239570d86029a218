import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';

/** Largest request body the api reads (GraphQL documents and variables); larger gets 413. */
export const API_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * Security basics for every response, registered before any route: helmet's headers with a
 * content security policy that allows only this origin (the web app has no remote assets, and
 * live updates use a same-origin WebSocket), and cookie parsing for staff sessions.
 */
export async function registerHttpSecurity(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(fastifyCookie);
  // Raw uploads (CMS files in the staff area) reach their handler as a stream; the handler
  // enforces its own size limit (REFERENCE_UPLOAD_MAX_MB), not the small JSON body limit.
  app.getHttpAdapter().getInstance().addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(servedOverHttps(config) ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // HSTS only when the deployment says it is served over HTTPS.
    strictTransportSecurity: servedOverHttps(config) ? { maxAge: 15552000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
}

/** The deployment says users always come over HTTPS: HSTS, upgrade-insecure-requests, always-Secure cookies. */
export function servedOverHttps(config: AppConfig): boolean {
  return config.SERVED_OVER_HTTPS ?? false;
}

export const SESSION_COOKIE = 'dm_session';
