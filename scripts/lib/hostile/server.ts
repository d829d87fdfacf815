import { createServer, type Server } from 'node:http';
import type { Route } from './kinds';

export interface HostileServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  routes: Map<string, Route>;
  close: () => Promise<void>;
}

/**
 * Serves generated documents from memory with each route's own content type and
 * headers (a strict Content-Security-Policy, say); the shared static server has neither.
 * Unknown paths get an empty 204 so the browser logs no 404s of its own into a page's console.
 */
export async function startHostileServer(): Promise<HostileServer> {
  const routes = new Map<string, Route>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes.get(path);
    if (!route) {
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': route.contentType, 'cache-control': 'no-store', ...route.headers });
    res.end(route.body);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    routes,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
