import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A load balancer in miniature: each HTTP request on 127.0.0.1 goes to the next of `ports` in
 * turn, streamed both ways with its status and headers. It counts what each replica got, so a
 * test can see the requests were spread; a replica that refuses the connection answers 502.
 */
export async function startRoundRobinProxy(ports: readonly number[]): Promise<{
  url: string;
  /** Requests sent to each replica, by port. */
  served: Map<number, number>;
  close(): Promise<void>;
}> {
  let next = 0;
  const served = new Map(ports.map((port) => [port, 0]));
  const server = createServer((req, res) => {
    const port = ports[next % ports.length] ?? 0;
    next += 1;
    served.set(port, (served.get(port) ?? 0) + 1);
    const upstream = request(
      { host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
