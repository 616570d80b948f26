/**
 * The Action's pull-request reporting for `command: replay`: the job summary per orchestrator,
 * annotations, and the comment created once and updated in place through a loopback HTTPS
 * stand-in for GitHub's REST API (issues comments: list with Link paging, create, update; a
 * read-only token gets 403 as on forks).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers/apps.js';
import { runNode } from './helpers/spawn.js';
import { makeCertificate, startHttps, type Certificate, type HttpsFake } from './support/https.js';

const TOKEN = 'ghs_pull_request_token_for_tests';
let certificate: Certificate;
let github: HttpsFake;
const comments: { id: number; body: string; user: { login: string; type: string }; html_url: string }[] = [];
let readOnly = false;
const writes: { method: string; path: string }[] = [];

const body = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let text = '';
    req.on('data', (d: Buffer) => (text += d.toString()));
    req.on('end', () => resolve(text));
  });

beforeAll(async () => {
  certificate = makeCertificate();
  github = await startHttps(certificate, async (req, res, url) => {
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(value));
    if (req.headers.authorization !== `token ${TOKEN}`) return json(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    const list = /^\/repos\/octo\/shop\/issues\/7\/comments$/.exec(url.pathname);
    const one = /^\/repos\/octo\/shop\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (list && req.method === 'GET') {
      // Two pages: the second through the Link header, as GitHub pages.
      const page = Number(url.searchParams.get('page') ?? '1');
      const filler = Array.from({ length: 3 }, (_, i) => ({
        id: 900 + i,
        body: 'another bot',
        user: { login: 'other[bot]', type: 'Bot' },
        html_url: `https://github.example/c/${900 + i}`,
      }));
      // Someone quoting the marker: not ours to update.
      filler.push({
        id: 950,
        body: 'quoting <!-- durable-gate:replay examples/order-app-next -->',
        user: { login: 'octocat', type: 'User' },
        html_url: 'https://github.example/c/950',
      });
      if (page === 1)
        return json(200, filler, {
          link: `<${github.url}/repos/octo/shop/issues/7/comments?per_page=100&page=2>; rel="next", <${github.url}/repos/octo/shop/issues/7/comments?per_page=100&page=2>; rel="last"`,
        });
      return json(200, comments);
    }
    if (readOnly && req.method !== 'GET')
      return json(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
    if (list && req.method === 'POST') {
      writes.push({ method: 'POST', path: url.pathname });
      const comment = {
        id: 100 + comments.length,
        body: (JSON.parse(await body(req)) as { body: string }).body,
        user: { login: 'github-actions[bot]', type: 'Bot' },
        html_url: `https://github.example/octo/shop/pull/7#issuecomment-${100 + comments.length}`,
      };
      comments.push(comment);
      return json(201, comment);
    }
    if (one && req.method === 'PATCH') {
      writes.push({ method: 'PATCH', path: url.pathname });
      const comment = comments.find((c) => c.id === Number(one[1]));
      if (!comment) return json(404, { message: 'Not Found' });
      comment.body = (JSON.parse(await body(req)) as { body: string }).body;
      return json(200, comment);
    }
    return json(404, { message: 'Not Found' });
  });
});

afterAll(async () => {
  await github?.close();
});

async function action(inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'dg-pr-'));
  const [output, summary, event] = [join(dir, 'output'), join(dir, 'summary'), join(dir, 'event.json')];
  writeFileSync(output, '');
  writeFileSync(summary, '');
  writeFileSync(
    event,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, head: { sha: 'abc123' } },
      repository: { name: 'shop', owner: { login: 'octo' } },
    }),
  );
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(GITHUB_|INPUT_|RUNNER_)/.test(k))),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/shop',
    GITHUB_API_URL: github.url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_SHA: 'abc123',
    GITHUB_WORKSPACE: repoRoot,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    RUNNER_TEMP: dir,
    NODE_EXTRA_CA_CERTS: certificate.certPath,
  };
  const r = await runNode([join(repoRoot, 'dist', 'index.js')], env);
  return { ...r, outputs: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8') };
}

const replayInputs = (app: string) => ({ command: 'replay', app, histories: 'examples/histories', comment: 'true', 'github-token': TOKEN });

describe('pull-request reporting (command: replay)', () => {
  test('the summary per orchestrator and per divergence, with a link to the line; the comment created once, then updated in place', async () => {
    const first = await action(replayInputs('examples/order-app-next'));
    expect(first.code).toBe(1);
    expect(first.summary).toContain('</h2>\n\n### ❌ 4 of 7');
    expect(first.summary).toContain('| ProcessOrder | 5 | 1 | 4 | 0 |');
    expect(first.summary).toContain(
      '[examples/order-app-next/src/functions/orchestrators.ts:39](https://github.example/octo/shop/blob/abc123/examples/order-app-next/src/functions/orchestrators.ts#L39)',
    );
    expect(first.summary).toContain('**Recorded** step 1: TaskScheduled `ReserveItem`');
    expect(first.summary).toContain('What you can do');
    expect(first.stdout).toContain(
      '::error title=durable-gate%3A nondeterministic,file=examples/order-app-next/src/functions/orchestrators.ts,line=39::4 instances of ProcessOrder',
    );
    expect(first.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('<!-- durable-gate:replay examples/order-app-next -->');
    expect(comments[0]!.body).toContain('❌ 4 of 7 in-flight instance(s) would break under the new code');
    expect(first.outputs).toContain('https://github.example/octo/shop/pull/7#issuecomment-100');
    const sarifPath = /sarif-path<<(\S+)\n(.+)\n/.exec(first.outputs)?.[2];
    expect(JSON.parse(readFileSync(sarifPath!, 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(readFileSync(/junit-path<<(\S+)\n(.+)\n/.exec(first.outputs)![2]!, 'utf8')).toContain(
      '<testsuites name="durable-gate replay" tests="7" failures="4"',
    );
    const again = await action(replayInputs('examples/order-app-next'));
    expect(again.stdout).toContain('Pull-request comment updated');
    expect(comments).toHaveLength(1);
    expect(writes.map((w) => w.method)).toEqual(['POST', 'PATCH']);
  });

  test('a read-only token (a fork) is a warning that says why; the verdict alone decides the step', async () => {
    readOnly = true;
    try {
      const r = await action(replayInputs('examples/order-app'));
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(
        '::warning::could not comment on pull request #7 (HTTP 403): the token cannot write to it. Pull requests from forks get a read-only token',
      );
    } finally {
      readOnly = false;
    }
  });

  test('a bad comment input is refused with the expected form', async () => {
    const r = await action({ ...replayInputs('examples/order-app'), comment: 'yes' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error::Invalid input comment 'yes'. Expected true or false.");
  });
});
