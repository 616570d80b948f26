// The bench's stand-in for a storage account in another region (scripts/bench.mjs): a loopback
// proxy that holds each request DELAY ms, then passes it to TARGET (Azurite's table endpoint). It
// runs in a process of its own, so the client under test never delays the service it measures
// against. Says {"port"} once listening; answers a "count" message with the requests it has seen.
//
//   node scripts/latency-proxy.mjs <target url> <delay ms>     (forked, with an IPC channel)
import http from 'node:http';

const [targetText, delayText] = process.argv.slice(2);
const target = new URL(targetText);
const delay = Number(delayText);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
let requests = 0;
const proxy = http.createServer((req, res) => {
  requests += 1;
  const body = [];
  req.on('data', (chunk) => body.push(chunk));
  req.on('end', () =>
    setTimeout(() => {
      const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent }, (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', (error) => res.destroy(error));
      upstream.end(Buffer.concat(body));
    }, delay),
  );
});
proxy.listen(0, '127.0.0.1', () => process.send({ port: proxy.address().port }));
process.on('message', (message) => {
  if (message === 'count') process.send({ requests });
});
process.on('disconnect', () => process.exit(0));
