import type { FastifyInstance } from 'fastify';

const FORM_BODY_LIMIT = 64 * 1024;

/**
 * Form posts, besides JSON: RFC 8058 one-click unsubscribes arrive as
 * `List-Unsubscribe=One-Click`, urlencoded (Nest's Fastify adapter parses those itself) or
 * multipart, which the RFC recommends and which is read here and dropped: no route needs
 * its fields, the token is in the URL. Other routes still validate what they receive, and a
 * cross-site form cannot carry the bearer token they require.
 */
export function registerMultipartFormParser(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, _body, done) => done(null, {}));
}
