import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Paths that belong to the API: never answered with the console's page. */
const API_PATHS = /^\/(api|health|metrics|admin)(\/|$)/;

/**
 * The console's page may load its own scripts only; antd injects its styles at run time
 * (inline <style>), and the API is same-origin.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const notBuiltPage = (apiDocs: boolean) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>控制台尚未构建</title></head>
<body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.6">
<h1>控制台尚未构建</h1>
<p>API 正在运行，但找不到构建好的 Web 控制台（CONSOLE_DIR 指向的目录中没有 index.html）。</p>
<p>请在项目目录运行 <code>npm run build</code>（或使用 <code>npm start</code>，它会先构建），然后重启服务。</p>
${apiDocs ? '<p>API 文档：<a href="/api/docs">/api/docs</a></p>' : ''}</body></html>`;

/**
 * Serves the built console (Vite's output) at `/`: hashed assets with a year's cache, and
 * index.html (no-cache) for any other GET that asks for HTML outside /api and /health, so
 * that a reload or an email link to /tickets/<id> opens the console's page for it.
 */
export async function serveConsole(app: NestFastifyApplication, consoleDir: string, apiDocs: boolean): Promise<void> {
  const root = resolve(consoleDir);
  const built = existsSync(join(root, 'index.html'));
  const fastify = app.getHttpAdapter().getInstance();
  if (built) {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false,
      cacheControl: false,
      // The build writes .br and .gz beside each asset: sent as such to browsers that accept them.
      preCompressed: true,
      globIgnore: ['index.html', '**/*.br', '**/*.gz'],
      setHeaders: (reply, path) => void reply.header('cache-control', cacheControlOf(root, path)),
    });
  }
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    if (!wantsConsolePage(request)) return reply.callNotFound();
    if (!built) return reply.code(503).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(notBuiltPage(apiDocs));
    void reply.header('content-security-policy', CONSOLE_CSP);
    return reply.sendFile('index.html', root);
  });
}

/** Vite names assets by content hash, so they never change; index.html names the current ones and must be revalidated. */
function cacheControlOf(root: string, path: string): string {
  if (path.startsWith(join(root, 'assets'))) return 'public, max-age=31536000, immutable';
  return path.replace(/\.(br|gz)$/, '') === join(root, 'index.html') ? 'no-cache' : 'public, max-age=300';
}

function wantsConsolePage(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  return !API_PATHS.test(path) && (request.headers.accept ?? '').includes('text/html');
}
