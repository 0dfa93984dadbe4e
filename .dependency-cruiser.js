/**
 * Dependencies point one way: apps → domain libs → platform libs. A lib is used only
 * through its index.ts (the @enterpark/<lib> alias). Checked in `npm test`.
 */
const DOMAIN = '(demand|routing|tickets|matching|identity|statistics|summaries|digests|bulletins|notifications|webhooks|similarity|problems|templates)';
const PLATFORM = '(common|config|database|events|calendar|charts|mail|metrics)';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'common-imports-nothing-of-ours',
      severity: 'error',
      from: { path: '^libs/common/' },
      to: { path: '^(libs|apps)/', pathNot: '^libs/common/' },
    },
    {
      name: 'platform-does-not-use-domain-or-apps',
      severity: 'error',
      from: { path: `^libs/${PLATFORM}/` },
      to: { path: [`^libs/${DOMAIN}/`, '^apps/'] },
    },
    {
      name: 'libs-do-not-use-apps',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/testing/' },
      to: { path: '^apps/' },
    },
    {
      name: 'production-code-does-not-use-testing',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/testing/', '\\.spec\\.ts$'] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'libs-only-through-their-index',
      comment: 'Reach into another lib only through its index.ts.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/src/.+', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'console-is-self-contained',
      comment: 'The browser console talks to the API over HTTP only; its types come from the generated schema.d.ts.',
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: '^(libs|apps)/', pathNot: '^apps/console/' },
    },
    {
      name: 'nothing-uses-the-console',
      severity: 'error',
      from: { path: '^(libs|apps)/', pathNot: '^apps/console/' },
      to: { path: '^apps/console/' },
    },
    {
      name: 'api-and-worker-are-separate',
      severity: 'error',
      from: { path: '^apps/(api|worker)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: ['node_modules', 'dist'] },
  },
};
