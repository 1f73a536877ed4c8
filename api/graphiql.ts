/**
 * GraphiQL served from the package itself (@graphql-yoga/render-graphiql),
 * never from a CDN: yoga's built-in page loads its scripts from unpkg.com, so
 * without internet it shows "Loading …" forever. The page is small and its
 * script, style sheet, Monaco workers and icon are separate content-hashed
 * files under /graphiql/, compressed and cached for a year. The ~9 MB of
 * assets are loaded on the first GraphiQL request, not at start-up.
 */
import type { Plugin } from 'graphql-yoga';
import { IMMUTABLE, assetResponse, etagOf, makeAsset, notFound, type Asset } from './assets.ts';

export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

interface GraphiqlAssets {
  /** By file name under /graphiql/. */
  readonly files: ReadonlyMap<string, Asset>;
  readonly script: string;
  readonly styleSheet: string;
  readonly icon: string;
  readonly workers: Readonly<Record<string, string>>;
}

function hashedName(stem: string, extension: string, body: Uint8Array): string {
  return `${stem}.${etagOf(body).slice(1, 11).replace(/[^A-Za-z0-9]/g, '0')}${extension}`;
}

let loading: Promise<GraphiqlAssets> | null = null;

/** Reads the package's assets once per process (lazily) and names them by content. */
export function graphiqlAssets(): Promise<GraphiqlAssets> {
  loading ??= import('@graphql-yoga/render-graphiql/graphiql').then((bundle) => {
    const files = new Map<string, Asset>();
    const add = (stem: string, extension: string, contentType: string, body: Uint8Array): string => {
      const name = hashedName(stem, extension, body);
      files.set(name, makeAsset(body, contentType, IMMUTABLE));
      return `${GRAPHIQL_ASSET_PREFIX}${name}`;
    };
    const text = (value: string) => Buffer.from(value, 'utf8');
    const iconBase64 = bundle.favicon.slice(bundle.favicon.indexOf(',') + 1);
    return {
      files,
      script: add('yoga-graphiql', '.js', 'text/javascript; charset=utf-8', text(bundle.js)),
      styleSheet: add('yoga-graphiql', '.css', 'text/css; charset=utf-8', text(bundle.css)),
      icon: add('favicon', '.ico', 'image/x-icon', Buffer.from(iconBase64, 'base64')),
      workers: {
        editorWorkerService: add('editor.worker', '.js', 'text/javascript; charset=utf-8', text(bundle.editorWorkerService)),
        json: add('json.worker', '.js', 'text/javascript; charset=utf-8', text(bundle.jsonWorker)),
        graphql: add('graphql.worker', '.js', 'text/javascript; charset=utf-8', text(bundle.graphqlWorker)),
      },
    };
  });
  loading.catch(() => (loading = null));
  return loading;
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** yoga's `renderGraphiQL`: the page, with every asset from this server. */
export async function renderOfflineGraphiQL(options: Record<string, unknown> = {}): Promise<string> {
  const assets = await graphiqlAssets();
  const title = typeof options['title'] === 'string' ? options['title'] : 'GraphiQL';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="icon" href="${assets.icon}" />
    <link rel="stylesheet" href="${assets.styleSheet}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run GraphiQL.</noscript>
    <div id="root"></div>
    <script>
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: function (_moduleId, label) { return ${scriptJson(assets.workers)}[label]; },
      };
    </script>
    <script src="${assets.script}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(window.document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}

/** Answers GET /graphiql/<asset> from memory; everything else passes through. */
export function graphiqlAssetsPlugin(): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSET_PREFIX)) return;
      const assets = await graphiqlAssets();
      const asset = assets.files.get(url.pathname.slice(GRAPHIQL_ASSET_PREFIX.length));
      endResponse(asset ? assetResponse(request, asset) : notFound(url.pathname));
    },
  };
}
