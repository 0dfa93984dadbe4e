import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

const FORM_BODY_LIMIT = 64 * 1024;

/**
 * Form posts, which only JSON was accepted before: RFC 8058 one-click unsubscribes arrive as
 * `List-Unsubscribe=One-Click`, urlencoded or (what the RFC recommends) multipart, and the
 * confirmation page posts a form. Urlencoded bodies become plain objects; multipart bodies
 * are read and dropped (no route here needs their fields, the token is in the URL). Other
 * routes still validate what they receive, and a cross-site form cannot carry the bearer
 * token they require. Registered once even if another module asks for the same.
 */
@Injectable()
export class FormBodyParsers implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (!fastify.hasContentTypeParser('application/x-www-form-urlencoded')) {
      fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });
    }
    if (!fastify.hasContentTypeParser('multipart/form-data')) {
      fastify.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_request, _body, done) => done(null, {}));
    }
  }
}
