import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, SESSION_COOKIE, servedOverHttps } from '@denialmap/server/core';

/** Secure when the deployment says HTTPS, or this request came over it (X-Forwarded-Proto counts only with TRUST_PROXY). */
function secure(request: FastifyRequest | undefined, config: AppConfig): boolean {
  return servedOverHttps(config) || request?.protocol === 'https';
}

/** httpOnly (no script can read it), SameSite=Strict (never sent from another site), Secure over HTTPS. */
export function setSessionCookie(request: FastifyRequest | undefined, reply: FastifyReply | undefined, config: AppConfig, token: string, expiresAt: Date): void {
  reply?.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: secure(request, config), path: '/', expires: expiresAt });
}

export function clearSessionCookie(request: FastifyRequest | undefined, reply: FastifyReply | undefined, config: AppConfig): void {
  reply?.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: secure(request, config), path: '/' });
}

export function sessionTokenOf(request: FastifyRequest): string | null {
  return request.cookies?.[SESSION_COOKIE] ?? null;
}

/** `Authorization: Bearer dm_...`, or null. */
export function bearerTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : null;
}
