/**
 * A tiny GraphQL-ish HTTP server for tests: real sockets on 127.0.0.1, a handler per test that
 * sees the parsed request and decides the raw response (status, headers, body), so each failure
 * mode of a real CMS can be reproduced without a mocking library.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  operationName: string | undefined;
  query: string;
  variables: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
}

export interface RawResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Destroy the socket after sending this many bytes of the body (simulates a dropped connection). */
  dropAfterBytes?: number;
  /** Never answer (simulates a hung server). */
  hang?: boolean;
}

export type Handler = (request: ReceivedRequest) => RawResponse;

export interface TestServer {
  endpoint: string;
  requests: ReceivedRequest[];
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

/** JSON GraphQL result with status 200. */
export function json(body: unknown, status = 200): RawResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export async function startTestServer(): Promise<TestServer> {
  let handler: Handler = () => json({ data: {} });
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as {
        query?: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      const received: ReceivedRequest = {
        operationName: parsed.operationName,
        query: parsed.query ?? '',
        variables: parsed.variables ?? {},
        headers: req.headers,
      };
      requests.push(received);
      const response = handler(received);
      if (response.hang) return;
      const body = Buffer.from(response.body ?? '', 'utf8');
      res.writeHead(response.status ?? 200, { 'content-length': String(body.length), ...response.headers });
      if (response.dropAfterBytes !== undefined) {
        res.write(body.subarray(0, response.dropAfterBytes), () => res.socket?.destroy());
        return;
      }
      res.end(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/graphql`,
    requests,
    setHandler(next) {
      handler = next;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
