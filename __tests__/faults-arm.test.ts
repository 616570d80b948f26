/**
 * Break it on purpose: Resource Manager (the loopback stand-in, support/arm-fake.ts) answering what
 * it should not, or not at all, while a swap runs. The contract: an answer counts only when it
 * proves something; a swap Azure accepted is never reported as failed unless Azure said it failed
 * ('unknown' otherwise, with what to check); every call ends within its deadline; a cancel before
 * the swap request left says nothing was started; every token is handed to the masking callback
 * before a request carries it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import type { TokenCredential } from '@azure/core-auth';
import { ArmClient, ArmError, INVALID_RESPONSE, type ArmClientOptions } from '../src/azure/arm.js';
import { CLOUDS, createCredential, githubToken, reportSecretsTo } from '../src/azure/credentials.js';
import { WebSite } from '../src/azure/site.js';
import { runSwap, swapExitCode, type SwapReport } from '../src/azure/swap.js';
import { send } from '../src/http.js';
import { startArmFake, type ArmFake, type ArmFakeOptions, type ArmFault } from './support/arm-fake.js';
import { makeCertificate, startHttps, type Certificate } from './support/https.js';
import { guardNetwork, startGitHubOidcFake, startManagedIdentityFake, type NetworkGuard } from './support/identity-fakes.js';

const TOKEN = 'arm-token-for-fault-tests';
const SUB = '00000000-0000-0000-0000-000000000002';
let certificate: Certificate;
let fake: ArmFake;
let network: NetworkGuard;
const waits: number[] = [];

const credential = (token = TOKEN): TokenCredential => ({ getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3_600_000 }) });
/** Waits are recorded and shortened (a cancel ends them at once, as the real sleep does). */
const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
  waits.push(ms);
  if (signal?.aborted) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, Math.min(ms, 20));
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
};

function slots(): ArmFakeOptions['slots'] {
  return {
    production: { settings: { TaskHubName: 'OrderHub' }, content: { version: 'v1', healthy: true } },
    staging: { settings: { TaskHubName: 'OrderHubStaging' }, content: { version: 'v2', healthy: true } },
  };
}

function site(options: Partial<ArmClientOptions> = {}): WebSite {
  const arm = new ArmClient({
    endpoint: fake.url,
    credential: credential(),
    scope: 'https://management.azure.com/.default',
    ca: certificate.cert,
    sleep,
    retryDelayMs: 10,
    ...options,
  });
  return new WebSite(arm, { subscription: SUB, resourceGroup: 'rg', name: 'order-app' });
}

const swap = (web: WebSite, extra: { signal?: AbortSignal } = {}): Promise<SwapReport> =>
  runSwap({ site: web, slot: 'staging', target: 'production', action: 'swap', rollback: 'on-failure', sleep, ...extra });
const json = (body: unknown) => ({ body: JSON.stringify(body), contentType: 'application/json; charset=utf-8' });
const html = (status = 200) => ({
  status,
  body: '<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body>…</body></html>',
  contentType: 'text/html; charset=utf-8',
});
const armError = (code: string, message: string) => json({ error: { code, message } });
const swapRequests = () => fake.log.filter((r) => r.method === 'POST' && /slotsswap/i.test(r.path));
/** The fake's own swap ends swapMs after it started, whatever the polls were told. */
const swapSettled = () => new Promise((r) => setTimeout(r, 250));

beforeAll(async () => {
  network = guardNetwork();
  certificate = makeCertificate();
  fake = await startArmFake(certificate, { subscription: SUB, resourceGroup: 'rg', site: 'order-app', token: TOKEN, slots: slots(), swapMs: 100 });
}, 60_000);

beforeEach(async () => {
  // A swap the last test stopped following runs on at the fake, as at Azure: let it end first.
  while ([...fake.operations.values()].some((op) => op.status === 'InProgress')) await new Promise((r) => setTimeout(r, 20));
  fake.options.slots = slots();
  fake.options.lroStyle = 'azure-async-operation';
  fake.inject.faults = [];
  fake.log.length = 0;
  waits.length = 0;
});

afterAll(async () => {
  await fake?.close();
  network?.restore();
  expect(network?.blocked ?? []).toEqual([]);
});

/** What every 'unknown' swap report must say, whichever way the operation was followed. */
function expectUnknown(report: SwapReport): void {
  expect(report.outcome).toBe('unknown');
  expect(swapExitCode(report)).toBe(1);
  expect(report.message).toMatch(/^Whether staging was swapped into production is not known: the swap of staging into production: /);
  expect(report.message).toContain("Azure accepted it, and it may have completed: check the app's activity log before acting again.");
  expect(report.message).toContain('Do not run the swap again before checking which version production runs');
  expect(report.message).not.toContain('still runs the previous version');
  expect(swapRequests()).toHaveLength(1);
}

describe('following a swap: only an answer that proves the end counts', () => {
  test.each([
    [401, 'Azure refused the token while it was being followed (HTTP 401'],
    [403, 'the identity may not read the operation (HTTP 403'],
    [404, 'the operation was not found (its record may have expired or moved) (HTTP 404'],
  ])('Location style: a poll answered %i while production was in fact swapped is unknown, never a failed swap', async (status, said) => {
    fake.options.lroStyle = 'location';
    fake.inject.faults = [{ on: 'poll', answer: { status, ...armError('AuthorizationFailed', 'The client does not have authorization to perform action.') } }];
    const report = await swap(site());
    expectUnknown(report);
    expect(report.message).toContain(`its operation result could not be read: ${said}`);
    await swapSettled();
    expect(fake.options.slots.production!.content.version).toBe('v2');
  });

  test.each([
    [
      'location',
      'a 200 HTML page',
      html(200),
      'its operation result is not an answer Azure sends: HTTP 200 with a body that is not JSON (text/html; charset=utf-8',
    ],
    ['location', 'a 202 HTML page', html(202), 'its operation result is not an answer Azure sends: HTTP 202 with a body that is not JSON (text/html'],
    ['location', "a 400 without ARM's error", html(400), 'its operation result is not an answer Azure sends: HTTP 400 (text/html'],
    [
      'location',
      'a 302 to a sign-in page',
      { status: 302, headers: { Location: 'https://127.0.0.1/login' } },
      'its operation result is not an answer Azure sends: HTTP 302',
    ],
    [
      'azure-async-operation',
      'a 200 HTML page',
      html(200),
      'its operation status is not an answer Azure sends: HTTP 200 with a body that is not JSON (text/html',
    ],
    ['azure-async-operation', 'an empty object', { status: 200, ...json({}) }, 'its operation status is not an answer Azure sends: HTTP 200 without a status'],
    [
      'azure-async-operation',
      'a status that is not text',
      { status: 200, ...json({ status: 1 }) },
      'its operation status is not an answer Azure sends: HTTP 200 without a status',
    ],
    [
      'azure-async-operation',
      'an empty 200',
      { status: 200 },
      'its operation status is not an answer Azure sends: HTTP 200 without a status (no content type, empty)',
    ],
    [
      'azure-async-operation',
      'a 400 with an error',
      { status: 400, ...armError('BadRequest', 'Bad operation id.') },
      'its operation status is not an answer Azure sends: HTTP 400 (Bad operation id.)',
    ],
    ['azure-async-operation', 'a 404', { status: 404, ...armError('NotFound', 'gone') }, 'its operation status could not be read: the operation was not found'],
  ] as [ArmFakeOptions['lroStyle'], string, ArmFault['answer'], string][])(
    '%s style: %s while polling is unknown at once, not polled until the timeout',
    async (style, _, answer, said) => {
      fake.options.lroStyle = style;
      fake.inject.faults = [{ on: 'poll', answer }];
      const report = await swap(site());
      expectUnknown(report);
      expect(report.message).toContain(said);
      expect(fake.log.filter((r) => /operationresults/i.test(r.path))).toHaveLength(1);
    },
  );

  test('5xx on every poll: retried, then unknown (with how often), not failed', async () => {
    fake.options.lroStyle = 'location';
    fake.inject.faults = [{ on: 'poll', answer: { status: 503, ...armError('ServiceUnavailable', 'Try again later.') } }];
    const report = await swap(site({ retries: 2 }));
    expectUnknown(report);
    expect(report.message).toContain('its operation result could not be read: HTTP 503: Try again later. (3 times in a row)');
    // A passing 5xx, then the real answer: the swap is followed to its end.
    await swapSettled();
    fake.options.slots = slots();
    fake.log.length = 0;
    fake.inject.faults = [{ on: 'poll', times: 1, answer: { status: 500, ...armError('InternalServerError', 'oops') } }];
    const done = await swap(site({ retries: 2 }));
    expect(done.outcome).toBe('swapped');
  });

  test("a 4xx carrying ARM's error for the operation is a failed swap, with the reason (the only failure a poll can prove)", async () => {
    fake.options.lroStyle = 'location';
    fake.inject.failNextSwap = 'The site failed to warm up.';
    const report = await swap(site());
    expect(report.outcome).toBe('swap-failed');
    expect(report.message).toBe(
      'The swap of staging into production failed: The site failed to warm up. (SwapFailed). App Service restores both slots when a swap fails; production still runs the previous version. Fix the cause and run the swap again.',
    );
    expect(fake.options.slots.production!.content.version).toBe('v1');
  });

  test('a 202 with no address to follow is unknown, not success', async () => {
    fake.inject.faults = [{ on: 'swap', answer: { status: 202 } }];
    const report = await swap(site());
    expectUnknown(report);
    expect(report.message).toContain('Azure answered HTTP 202 without an Azure-AsyncOperation or Location header');
  });
});

describe('every answer is checked before it counts', () => {
  test('a 200 HTML page (a proxy, a sign-in page) is an error naming the call, the status and the content type, never data', async () => {
    fake.inject.faults = [{ on: /appsettings\/list/i, answer: html(200) }];
    const error = (await site()
      .appSettings('staging')
      .catch((e: unknown) => e)) as ArmError;
    expect(error).toBeInstanceOf(ArmError);
    expect(error.code).toBe(INVALID_RESPONSE);
    expect(error.status).toBe(200);
    expect(error.message).toBe(
      "reading the app settings of order-app/staging: Azure Resource Manager answered HTTP 200 with a body that is not JSON (text/html; charset=utf-8, beginning '<!DOCTYPE html><html><head><title>Sign in to your account</t'). Something other than Resource Manager may have answered (a proxy, a sign-in page): check 'arm-endpoint' and the network path to it.",
    );
  });

  test.each([
    [
      'settings without properties',
      /appsettings\/list/i,
      { value: [] },
      (web: WebSite) => web.appSettings('staging'),
      'reading the app settings of order-app/staging: Azure Resource Manager answered without the properties object it always has',
    ],
    [
      'settings that are not text',
      /appsettings\/list/i,
      { properties: { A: { nested: true } } },
      (web: WebSite) => web.appSettings('staging'),
      'without text values (the setting A is object)',
    ],
    [
      'a site without properties',
      /^GET \/subscriptions\/[^/]+\/resourceGroups\/rg\/providers\/Microsoft.Web\/sites\/order-app\?/i,
      {},
      (web: WebSite) => web.get('production'),
      'reading order-app (production): Azure Resource Manager answered without the properties object',
    ],
    [
      'slot setting names that are not a list',
      /slotConfigNames/i,
      { properties: { appSettingNames: 'SLOT_NAME' } },
      (web: WebSite) => web.stickySettingNames(),
      'reading the slot setting names: Azure Resource Manager answered without appSettingNames as a list of names',
    ],
    [
      'a plan without its sku',
      /serverfarms/i,
      { properties: {} },
      (web: WebSite) => web.plan(),
      'reading the App Service plan: Azure Resource Manager answered without the sku object',
    ],
  ] as [string, RegExp, unknown, (web: WebSite) => Promise<unknown>, string][])('%s: a clear error, never "nothing"', async (_, on, body, call, said) => {
    fake.inject.faults = [{ on, answer: { status: 200, ...json(body) } }];
    const error = (await call(site()).then(
      () => undefined,
      (e: unknown) => e,
    )) as ArmError;
    expect(error).toBeInstanceOf(ArmError);
    expect(error.code).toBe(INVALID_RESPONSE);
    expect(error.message).toContain(said);
  });

  test('the swap request answered 200 HTML: whether it started is unknown, and it is not sent again', async () => {
    fake.inject.faults = [{ on: 'swap', answer: html(200) }];
    const report = await swap(site());
    expect(report.outcome).toBe('unknown');
    expect(report.message).toContain('Azure Resource Manager answered HTTP 200 with a body that is not JSON (text/html');
    expect(report.message).toContain('Do not run the swap again before checking which version production runs');
    expect(swapRequests()).toHaveLength(1);
  });
});

describe('every call ends within its deadline', () => {
  test('a poll that never answers: unknown within the request deadline and its retries', async () => {
    fake.options.lroStyle = 'location';
    fake.inject.faults = [{ on: 'poll', answer: 'silent' }];
    const began = Date.now();
    const report = await swap(site({ requestTimeoutMs: 300, retries: 1 }));
    expect(Date.now() - began).toBeLessThan(3000);
    expectUnknown(report);
    expect(report.message).toContain('its operation result could not be read: ETIMEDOUT (2 times in a row)');
  });

  test('a read answered one byte a second ends at the request deadline, not at an idle timeout', async () => {
    fake.inject.faults = [{ on: /appsettings\/list/i, answer: 'drip' }];
    const began = Date.now();
    await expect(site({ requestTimeoutMs: 1500, retries: 0 }).appSettings('staging')).rejects.toThrow(
      /^reading the app settings of order-app\/staging: ETIMEDOUT \(after 1 attempt\(s\)\)/,
    );
    expect(Date.now() - began).toBeGreaterThanOrEqual(1400);
    expect(Date.now() - began).toBeLessThan(3500);
  });

  test('send: one deadline for the whole exchange; a body over the cap is refused; a cancel ends it at once', async () => {
    const server = await startHttps(certificate, (req, res, url) => {
      if (url.pathname === '/drip') {
        res.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => res.write(' '), 200);
        res.on('close', () => clearInterval(timer));
      } else if (url.pathname === '/big') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify('x'.repeat(5000)));
      } else {
        req.on('close', () => undefined); // never answered
      }
    });
    try {
      const at = (path: string) => new URL(path, server.url);
      let began = Date.now();
      await expect(send(at('/drip'), { ca: certificate.cert, timeoutMs: 800 })).rejects.toMatchObject({
        code: 'ETIMEDOUT',
        message: `no complete answer from ${server.url} within 0.8 s`,
      });
      expect(Date.now() - began).toBeLessThan(2000);
      await expect(send(at('/big'), { ca: certificate.cert, maxBodyBytes: 1000 })).rejects.toMatchObject({ code: 'ERESPONSETOOLARGE' });
      const controller = new AbortController();
      began = Date.now();
      setTimeout(() => controller.abort(), 100);
      await expect(send(at('/silent'), { ca: certificate.cert, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError', requestSent: true });
      expect(Date.now() - began).toBeLessThan(1000);
      await expect(send(at('/silent'), { ca: certificate.cert, signal: AbortSignal.abort() })).rejects.toMatchObject({ requestSent: false });
    } finally {
      await server.close();
    }
  });

  test('Retry-After is capped at a minute, and a wait beyond the retry budget is not started', async () => {
    const throttled = { status: 429, ...armError('TooManyRequests', 'Throttled.'), headers: { 'Retry-After': '3600' } };
    fake.inject.faults = [{ on: /appsettings\/list/i, times: 1, answer: throttled }];
    expect((await site({ retryBudgetMs: 10 * 60_000 }).appSettings('staging')).TaskHubName).toBe('OrderHubStaging');
    expect(waits).toEqual([60_000]);
    waits.length = 0;
    fake.inject.faults = [{ on: /appsettings\/list/i, times: 1, answer: throttled }];
    await expect(site({ retryBudgetMs: 5000 }).appSettings('staging')).rejects.toThrow(
      'reading the app settings of order-app/staging: Throttled. (TooManyRequests, HTTP 429)',
    );
    expect(waits).toEqual([]);
  });
  test('on a virtual clock: 409s are waited out (Retry-After capped at a minute) until the time to wait runs out, in milliseconds', async () => {
    let now = Date.parse('2026-11-20T10:00:00Z');
    const waited: number[] = [];
    const clock = { now: () => now };
    const virtualSleep = async (ms: number): Promise<void> => {
      waited.push(ms);
      now += ms;
    };
    const busy = {
      status: 409,
      ...json({ Code: 'Conflict', Message: 'Cannot modify this site because another operation is in progress. Details: OperationName: PublishDeployment' }),
      headers: { 'Retry-After': '120' },
    };
    fake.inject.faults = [{ on: /applySlotConfig/i, answer: busy }];
    const began = Date.now();
    await expect(site({ clock, sleep: virtualSleep, conflictWaitMs: 5 * 60_000 }).preview('staging', 'production')).rejects.toThrow(
      /^the swap preview of staging with production: the site was still busy with another operation when the time to wait ran out: Cannot modify this site/,
    );
    expect(waited).toEqual([60_000, 60_000, 60_000, 60_000, 60_000]);
    expect(fake.log.filter((r) => /applySlotConfig/i.test(r.path))).toHaveLength(6);
    expect(Date.now() - began).toBeLessThan(2000);
  });
});

describe('a cancel before the swap request is sent: nothing was started, and said so', () => {
  const nothingStarted = (report: SwapReport, before: number): void => {
    expect(report.outcome).toBe('cancelled');
    expect(swapExitCode(report)).toBe(2);
    expect(report.operations[0]?.message).toBe('cancelled before it was sent: nothing was started');
    expect(report.message).toBe('Cancelled (cancelled before the swap of staging into production was sent): nothing was swapped.');
    expect(report.message).not.toContain("at Azure's side");
    expect(fake.operations.size).toBe(before);
    expect(fake.options.slots.production!.content.version).toBe('v1');
  };

  test('while the token is on its way (the credential never answers)', async () => {
    const controller = new AbortController();
    const hanging: TokenCredential = { getToken: () => new Promise(() => undefined) };
    const before = fake.operations.size;
    setTimeout(() => controller.abort(), 50);
    const began = Date.now();
    const report = await swap(site({ credential: hanging, signal: controller.signal }), { signal: controller.signal });
    expect(Date.now() - began).toBeLessThan(2000);
    nothingStarted(report, before);
    expect(swapRequests()).toEqual([]);
  });

  test('while another operation (not a swap) is waited out', async () => {
    const controller = new AbortController();
    const busy = {
      status: 409,
      ...json({ Code: 'Conflict', Message: 'Cannot modify this site because another operation is in progress. Details: OperationName: PublishDeployment' }),
    };
    fake.inject.faults = [{ on: 'swap', times: 1, answer: busy }];
    const before = fake.operations.size;
    const cancelling = async (ms: number, signal?: AbortSignal): Promise<void> => {
      controller.abort();
      await sleep(ms, signal);
    };
    const report = await swap(site({ signal: controller.signal, sleep: cancelling }), { signal: controller.signal });
    nothingStarted(report, before);
    expect(swapRequests()).toHaveLength(1);
  });

  test("after Azure accepted it, the cancel says it goes on at Azure's side", async () => {
    const controller = new AbortController();
    const before = fake.operations.size;
    const cancelling = async (ms: number, signal?: AbortSignal): Promise<void> => {
      if (fake.operations.size > before) controller.abort();
      await sleep(ms, signal);
    };
    const report = await swap(site({ signal: controller.signal, sleep: cancelling }), { signal: controller.signal });
    expect(report.outcome).toBe('cancelled');
    expect(report.operations[0]?.message).toBe("cancelled while Azure ran it; it goes on at Azure's side");
    expect(report.message).toBe(
      "Cancelled while Azure ran the swap: stopped following the swap of staging into production: Azure accepted it and it goes on at Azure's side. Check the app's activity log before acting again.",
    );
    await swapSettled();
  });
});

describe('tokens reach the masking callback before any request carries them', () => {
  test('ARM tokens from a real @azure/identity credential (managed identity, loopback endpoint), each value once', async () => {
    const mi = await startManagedIdentityFake(null, { header: 'mi-header-secret', token: TOKEN });
    const saved = { IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT, IDENTITY_HEADER: process.env.IDENTITY_HEADER };
    Object.assign(process.env, mi.env);
    try {
      const secrets: { value: string; armRequests: number }[] = [];
      const identity = await createCredential({
        auth: 'managed-identity',
        cloud: CLOUDS.azurecloud!,
        env: {},
        onSecret: (value) => secrets.push({ value, armRequests: fake.log.length }),
      });
      const web = site({ credential: identity.credential });
      expect((await web.appSettings('staging')).TaskHubName).toBe('OrderHubStaging');
      await identity.credential.getToken('https://management.azure.com/.default');
      expect(secrets).toEqual([{ value: TOKEN, armRequests: 0 }]);
      // The process-wide sink (what the Action sets) reaches credentials made without onSecret.
      const sunk: string[] = [];
      reportSecretsTo((value) => sunk.push(value));
      try {
        const other = await createCredential({ auth: 'managed-identity', cloud: CLOUDS.azurecloud!, env: {} });
        await other.credential.getToken('https://storage.azure.com/.default');
        expect(sunk).toEqual([TOKEN]);
      } finally {
        reportSecretsTo(undefined);
      }
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await mi.close();
    }
  });

  test("GitHub's OIDC token (and the job's request token) are reported as soon as they are known", async () => {
    const oidc = await startGitHubOidcFake(null, { requestToken: 'request-token-secret' });
    try {
      const seen: string[] = [];
      const token = await githubToken(oidc.requestUrl, 'request-token-secret', undefined, (value) => seen.push(value));
      expect(seen).toEqual(['request-token-secret', token]);
      expect(oidc.issued).toEqual([token]);
    } finally {
      await oidc.close();
    }
  });
});
