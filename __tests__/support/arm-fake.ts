/**
 * A loopback stand-in for Azure Resource Manager's App Service (Microsoft.Web) API, for tests of slot
 * swaps. It mimics: bearer auth (401 + WWW-Authenticate), the mandatory `?api-version=`, case-insensitive
 * resource paths, ARM's `{"error":{code,message}}` and App Service's `{"Code","Message",...}` error shapes,
 * GET sites / slots / serverfarms, appsettings/list, slotConfigNames, `slotsswap` as a long-running
 * operation (polled via Azure-AsyncOperation or Location), swap with preview (applySlotConfig /
 * resetSlotConfig), the 409 "another operation is in progress" while a swap runs, and `/health` endpoints
 * serving each slot's deployed content. Faults can be injected (429, 503, 409, a failing swap), and
 * `inject.faults` puts something else in ARM's place for chosen requests: a raw answer (a 401 on an
 * operation poll while the swap goes on, a proxy's HTML page with 200), silence, or a drip of bytes.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { startHttps, type Certificate } from './https.js';

export interface FakeSlot {
  settings: Record<string, string>;
  content: { version: string; healthy: boolean };
}
/** A swap with preview in phase 1: `source` runs with `target`'s sticky settings; `original` restores it. */
export interface FakePreview {
  source: string;
  target: string;
  original: Record<string, string>;
}
export interface ArmFakeOptions {
  subscription: string;
  resourceGroup: string;
  site: string;
  /** App Service plan sku tier, default 'ElasticPremium'; 'FlexConsumption' for a plan without slots. */
  planTier?: string;
  /** slot name -> state; 'production' is the site itself. */
  slots: Record<string, FakeSlot>;
  /** App setting names marked as slot settings (sticky). */
  stickySettings?: string[];
  /** The bearer token the fake accepts. */
  token: string;
  /** Long-running operation style for swaps: 'azure-async-operation' (default) or 'location'. */
  lroStyle?: 'azure-async-operation' | 'location';
  /** How long a swap runs, ms (default 300). */
  swapMs?: number;
  /** Live state: set by applySlotConfig, cleared by resetSlotConfig or by the swap that completes it. */
  preview?: FakePreview;
}
export interface FakeOperation {
  id: string;
  source: string;
  target: string;
  createdTime: string;
  endTime?: string;
  status: 'InProgress' | 'Succeeded' | 'Failed';
  error?: string;
  failWith?: string;
}
export interface ArmFakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body?: unknown;
}
/**
 * Something other than ARM's answer, for the requests it matches (before auth: a proxy or a broken
 * front end answers). Operations go on regardless: a poll answered 401 does not stop the swap.
 */
export interface ArmFault {
  /** 'poll': operation status/result GETs; 'swap': POST slotsswap; 'read': any other request; or a RegExp on "METHOD /path?query". */
  on: 'poll' | 'swap' | 'read' | RegExp;
  /** A raw answer (body sent as is), 'silent' (never answers), or 'drip' (200 headers, then one byte a second, never ending). */
  answer: { status: number; body?: string; contentType?: string; headers?: Record<string, string> } | 'silent' | 'drip';
  /** How many requests it answers (default: all until removed). */
  times?: number;
}
export interface ArmFake {
  url: string;
  healthUrl: string;
  log: ArmFakeRequest[];
  options: ArmFakeOptions;
  inject: { throttle: number; serverErrors: number; failNextSwap?: string; conflicts: number; faults: ArmFault[] };
  /** Every swap started, by id (lower case). */
  operations: Map<string, FakeOperation>;
  close(): Promise<void>;
}

const LOCATION = 'westeurope';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SKUS: Record<string, { name: string; kind: string }> = {
  ElasticPremium: { name: 'EP1', kind: 'elastic' },
  FlexConsumption: { name: 'FC1', kind: 'functionapp' },
  Dynamic: { name: 'Y1', kind: 'functionapp' },
  PremiumV3: { name: 'P1v3', kind: 'app' },
  Standard: { name: 'S1', kind: 'app' },
};

type Send = (status: number, body?: unknown, headers?: Record<string, string>) => void;
const armError = (code: string, message: string) => ({ error: { code, message } });
/** App Service's own error shape (used by the resource provider behind ARM). */
const webError = (code: string, message: string) => ({
  Code: code,
  Message: message,
  Target: null,
  Details: [{ Message: message }, { Code: code }, { ErrorEntity: { Code: code, Message: message } }],
  Innererror: null,
});

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function startArmFake(certificate: Certificate, options: ArmFakeOptions): Promise<ArmFake> {
  if (!options.slots.production) throw new Error("arm-fake: options.slots must include 'production'");
  const { subscription: sub, resourceGroup: rg, site } = options;
  const tier = () => options.planTier ?? 'ElasticPremium';
  const plan = `${site}-plan`;
  const base = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Web`;
  const log: ArmFakeRequest[] = [];
  const inject: ArmFake['inject'] = { throttle: 0, serverErrors: 0, conflicts: 0, faults: [] };
  /** Answers held open by 'silent' and 'drip' faults, ended when the fake closes. */
  const held = new Set<ServerResponse>();
  const drips = new Set<NodeJS.Timeout>();

  /** Answers with the first fault matching the request, if any; true when it did. */
  function fault(req: IncomingMessage, res: ServerResponse, u: URL): boolean {
    const method = req.method ?? 'GET';
    const kind =
      method === 'GET' && /\/operationresults\//i.test(u.pathname) ? 'poll' : method === 'POST' && /\/slotsswap$/i.test(u.pathname) ? 'swap' : 'read';
    const index = inject.faults.findIndex((f) => (f.on instanceof RegExp ? f.on.test(`${method} ${u.pathname}${u.search}`) : f.on === kind));
    const found = inject.faults[index];
    if (!found) return false;
    if (found.times !== undefined && --found.times <= 0) inject.faults.splice(index, 1);
    const { answer } = found;
    if (answer === 'silent' || answer === 'drip') {
      held.add(res);
      res.on('close', () => held.delete(res));
      if (answer === 'drip') {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.write('{');
        const timer = setInterval(() => res.write(' '), 1000);
        drips.add(timer);
        res.on('close', () => {
          clearInterval(timer);
          drips.delete(timer);
        });
      }
      return true;
    }
    const body = answer.body ?? '';
    res.writeHead(answer.status, {
      'x-ms-request-id': randomUUID(),
      'content-length': String(Buffer.byteLength(body)),
      ...(answer.contentType ? { 'content-type': answer.contentType } : {}),
      ...answer.headers,
    });
    res.end(body);
    return true;
  }
  const operations = new Map<string, FakeOperation>();
  const timers = new Set<NodeJS.Timeout>();
  let url = '';

  /** The state key of a slot name (case-insensitive), 'production' for the site; undefined if absent. */
  const slotKey = (name: string): string | undefined => {
    if (name.toLowerCase() === 'production') return 'production';
    if (tier() === 'FlexConsumption') return undefined; // Flex Consumption plans have no slots
    return Object.keys(options.slots).find((k) => k !== 'production' && k.toLowerCase() === name.toLowerCase());
  };
  const slotNames = () => (tier() === 'FlexConsumption' ? [] : Object.keys(options.slots).filter((k) => k !== 'production'));
  const siteId = (slot: string) => (slot === 'production' ? `${base}/sites/${site}` : `${base}/sites/${site}/slots/${slot}`);
  const notFound = (type: string) =>
    armError(
      'ResourceNotFound',
      `The Resource '${type}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
  const busy = (slotName: string, id: string, created: string) =>
    webError(
      'Conflict',
      `Cannot modify this site because another operation is in progress. Details: Id: ${id}, OperationName: SwapSiteSlots, CreatedTime: ${created}, WebSystemName: WebSites, SubscriptionId: ${sub}, WebSpace: ${rg}-WestEuropewebspace, WebSiteName: ${site}, SlotName: ${slotName}, ServerFarm: , GeoOperationId: (null)`,
    );
  const sticky = () => new Set(options.stickySettings ?? []);
  const pick = (settings: Record<string, string>, isSticky: boolean) =>
    Object.fromEntries(Object.entries(settings).filter(([k]) => sticky().has(k) === isSticky));

  const resource = (slot: string) => {
    const flex = tier() === 'FlexConsumption';
    return {
      id: siteId(slot),
      name: slot === 'production' ? site : `${site}/${slot}`,
      type: slot === 'production' ? 'Microsoft.Web/sites' : 'Microsoft.Web/sites/slots',
      kind: 'functionapp',
      location: LOCATION,
      properties: {
        state: 'Running',
        enabled: true,
        sku: tier(),
        serverFarmId: `${base}/serverfarms/${plan}`,
        // A swap with preview in phase one: the slot it will swap into.
        targetSwapSlot: options.preview?.source === slot ? options.preview.target : null,
        defaultHostName: `${slot === 'production' ? site : `${site}-${slot}`}.azurewebsites.net`,
        ...(flex
          ? {
              functionAppConfig: {
                deployment: {
                  storage: {
                    type: 'blobContainer',
                    value: `https://${site}sa.blob.core.windows.net/app-package-${site}`,
                    authentication: { type: 'SystemAssignedIdentity' },
                  },
                },
                runtime: { name: 'node', version: '20' },
                scaleAndConcurrency: { maximumInstanceCount: 100, instanceMemoryMB: 2048 },
              },
            }
          : {}),
      },
    };
  };

  function finishSwap(op: FakeOperation): void {
    op.endTime = new Date().toISOString();
    if (op.failWith !== undefined) {
      op.status = 'Failed';
      op.error = op.failWith;
      return;
    } // nothing changes
    const p = options.preview;
    if (p && p.source === op.source && p.target === op.target) {
      options.slots[p.source]!.settings = p.original;
      delete options.preview;
    }
    const a = options.slots[op.source]!,
      b = options.slots[op.target]!;
    [a.settings, b.settings] = [
      { ...pick(b.settings, false), ...pick(a.settings, true) },
      { ...pick(a.settings, false), ...pick(b.settings, true) },
    ];
    [a.content, b.content] = [b.content, a.content];
    op.status = 'Succeeded';
  }

  /** Validates `{"targetSlot": ...}`; answers the request and returns undefined when it is not usable. */
  function targetOf(body: unknown, slot: string, send: Send): string | undefined {
    const name = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).targetSlot : undefined;
    if (typeof name !== 'string' || !name)
      return void send(400, webError('BadRequest', 'The request body must be JSON with a non-empty string \'targetSlot\', e.g. {"targetSlot":"production"}.'));
    const key = slotKey(name);
    if (!key) return void send(404, notFound(`Microsoft.Web/sites/${site}/slots/${name}`));
    if (key === slot) return void send(400, webError('BadRequest', `Cannot swap slot '${slot}' with itself.`));
    const p = options.preview;
    if (p && !(p.source === slot && p.target === key))
      return void send(
        409,
        webError(
          'Conflict',
          `The slot cannot be changed because its configuration settings have been prepared for swap (between '${p.source}' and '${p.target}').`,
        ),
      );
    return key;
  }

  async function handle(req: IncomingMessage, entry: ArmFakeRequest, u: URL, send: Send): Promise<void> {
    const method = req.method ?? 'GET';
    const body = (entry.body = await readBody(req));
    const nf = () => send(404, armError('NotFound', `No route for ${method} ${u.pathname}${u.search} in this fake of Microsoft.Web.`));

    const health = /^\/(?:slots\/([^/]+)\/)?health\/?$/i.exec(u.pathname); // the apps themselves: no auth
    if (health) {
      const key = health[1] === undefined ? 'production' : slotKey(decodeURIComponent(health[1]));
      if (method !== 'GET' || key === undefined) return nf();
      const { version, healthy } = options.slots[key]!.content;
      return healthy ? send(200, { version }) : send(503, { status: 'unhealthy', version });
    }
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (bearer?.[1] !== options.token) {
      return send(401, armError('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing or invalid."), {
        'WWW-Authenticate': 'Bearer authorization_uri="https://login.microsoftonline.com/common", error="invalid_token"',
      });
    }
    const apiVersion = u.searchParams.get('api-version');
    if (!apiVersion) return send(400, armError('MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.'));
    const write = MUTATING.has(method) && !/\/list$/i.test(u.pathname); // list actions are reads
    if (inject.throttle > 0) {
      inject.throttle--;
      return send(
        429,
        armError(
          'TooManyRequests',
          'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/armthrottling',
        ),
        { 'Retry-After': '1' },
      );
    }
    if (inject.serverErrors > 0) {
      inject.serverErrors--;
      return send(503, webError('ServiceUnavailable', 'The service is temporarily unavailable. Please try again later.'));
    }
    if (write && inject.conflicts > 0) {
      inject.conflicts--;
      return send(409, busy(slotNames()[0] ?? 'staging', randomUUID(), new Date().toISOString()));
    }

    const raw = u.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const low = raw.map((s) => s.toLowerCase());
    const at = (i: number, v: string) => low[i] === v.toLowerCase();
    if (!at(0, 'subscriptions') || raw.length < 2) return nf();
    if (!at(1, sub)) return send(404, armError('SubscriptionNotFound', `The subscription '${raw[1]}' could not be found.`));
    if (raw.length === 8 && at(2, 'providers') && at(3, 'Microsoft.Web') && at(4, 'locations') && at(6, 'operationResults') && method === 'GET') {
      const op = operations.get(low[7]!); // Azure-AsyncOperation: always 200 with a status
      if (!op) return send(404, armError('NotFound', `The operation '${raw[7]}' was not found.`));
      return send(
        200,
        {
          id: u.pathname,
          name: op.id,
          status: op.status,
          startTime: op.createdTime,
          ...(op.endTime ? { endTime: op.endTime } : {}),
          ...(op.status === 'Failed' ? { error: { code: 'SwapFailed', message: op.error } } : {}),
        },
        op.status === 'InProgress' ? { 'Retry-After': '1' } : {},
      );
    }
    if (!at(2, 'resourceGroups') || !at(4, 'providers') || !at(5, 'Microsoft.Web') || raw.length < 8) return nf();
    if (!at(3, rg)) return send(404, armError('ResourceGroupNotFound', `Resource group '${raw[3]}' could not be found.`));
    if (at(6, 'serverfarms') && raw.length === 8 && method === 'GET') {
      if (!at(7, plan)) return send(404, notFound(`Microsoft.Web/serverFarms/${raw[7]}`));
      const sku = SKUS[tier()] ?? { name: tier(), kind: 'app' };
      return send(200, {
        id: `${base}/serverfarms/${plan}`,
        name: plan,
        type: 'Microsoft.Web/serverfarms',
        kind: sku.kind,
        location: LOCATION,
        sku: { name: sku.name, tier: tier(), size: sku.name, family: sku.name.replace(/\d.*$/, ''), capacity: 1 },
        properties: { status: 'Ready', numberOfSites: 1, reserved: true, maximumElasticWorkerCount: tier() === 'ElasticPremium' ? 20 : 1 },
      });
    }
    if (!at(6, 'sites')) return nf();
    if (!at(7, site)) return send(404, notFound(`Microsoft.Web/sites/${raw[7]}`));
    if (raw.length === 9 && at(8, 'slots') && method === 'GET') return send(200, { value: slotNames().map(resource) });
    let slot = 'production';
    let tail = low.slice(8);
    if (at(8, 'slots') && raw.length >= 10) {
      const key = slotKey(raw[9]!);
      if (key === undefined || key === 'production') return send(404, notFound(`Microsoft.Web/sites/${site}/slots/${raw[9]}`));
      [slot, tail] = [key, low.slice(10)];
    }
    const running = [...operations.values()].find((o) => o.status === 'InProgress');
    if (running && write) return send(409, busy(running.source === 'production' ? running.target : running.source, running.id, running.createdTime));

    const route = `${method} ${tail.join('/')}`;
    if (route === 'GET ') return send(200, resource(slot));
    if (route === 'POST config/appsettings/list') {
      const type = slot === 'production' ? 'Microsoft.Web/sites/config' : 'Microsoft.Web/sites/slots/config';
      return send(200, {
        id: `${siteId(slot)}/config/appsettings`,
        name: 'appsettings',
        type,
        location: LOCATION,
        properties: { ...options.slots[slot]!.settings },
      });
    }
    if (route === 'GET config/slotconfignames' && slot === 'production') {
      return send(200, {
        id: `${siteId(slot)}/config/slotConfigNames`,
        name: 'slotConfigNames',
        type: 'Microsoft.Web/sites/config',
        location: LOCATION,
        properties: { connectionStringNames: [], appSettingNames: [...(options.stickySettings ?? [])], azureStorageConfigNames: [] },
      });
    }
    if (route === 'POST slotsswap') {
      const target = targetOf(body, slot, send);
      if (target === undefined) return;
      const op: FakeOperation = {
        id: randomUUID(),
        source: slot,
        target,
        status: 'InProgress',
        createdTime: new Date().toISOString(),
        ...(inject.failNextSwap !== undefined ? { failWith: inject.failNextSwap } : {}),
      };
      delete inject.failNextSwap;
      operations.set(op.id, op);
      const timer = setTimeout(() => {
        timers.delete(timer);
        finishSwap(op);
      }, options.swapMs ?? 300);
      timers.add(timer);
      const query = `?api-version=${encodeURIComponent(apiVersion)}`;
      const headers: Record<string, string> = { Location: `${url}${siteId(slot)}/operationresults/${op.id}${query}`, 'Retry-After': '1' };
      if ((options.lroStyle ?? 'azure-async-operation') === 'azure-async-operation') {
        headers['Azure-AsyncOperation'] = `${url}/subscriptions/${sub}/providers/Microsoft.Web/locations/${LOCATION}/operationResults/${op.id}${query}`;
      }
      return send(202, undefined, headers);
    }
    if (route === 'POST applyslotconfig') {
      const target = targetOf(body, slot, send);
      if (target === undefined) return;
      if (!options.preview) {
        const source = options.slots[slot]!;
        options.preview = { source: slot, target, original: { ...source.settings } };
        source.settings = { ...pick(source.settings, false), ...pick(options.slots[target]!.settings, true) };
      }
      return send(200);
    }
    if (route === 'POST resetslotconfig') {
      const p = options.preview;
      if (p && (p.source === slot || p.target === slot)) {
        options.slots[p.source]!.settings = p.original;
        delete options.preview;
      }
      return send(200);
    }
    if (method === 'GET' && tail.length === 2 && tail[0] === 'operationresults') {
      const op = operations.get(tail[1]!); // Location: 202 while running, then the final result or the error
      if (!op) return send(404, armError('NotFound', `The operation '${tail[1]}' was not found.`));
      if (op.status === 'InProgress') return send(202, undefined, { 'Retry-After': '1' });
      return op.status === 'Succeeded' ? send(200) : send(400, armError('SwapFailed', op.error ?? 'The swap failed.'));
    }
    return nf();
  }

  const server = await startHttps(certificate, (req: IncomingMessage, res: ServerResponse, u: URL) => {
    const entry: ArmFakeRequest = { method: req.method ?? 'GET', path: `${u.pathname}${u.search}`, headers: req.headers };
    log.push(entry);
    const send: Send = (status, body, headers = {}) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, {
        'x-ms-request-id': randomUUID(),
        'content-length': String(Buffer.byteLength(text)),
        ...(text ? { 'content-type': 'application/json; charset=utf-8' } : {}),
        ...headers,
      });
      res.end(text);
    };
    if (fault(req, res, u)) return;
    handle(req, entry, u, send).catch((error: unknown) => {
      if (!res.headersSent) send(500, armError('InternalServerError', `arm-fake: ${String(error)}`));
    });
  });
  url = server.url;
  return {
    url,
    healthUrl: `${url}/health`,
    log,
    options,
    inject,
    operations,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const timer of drips) clearInterval(timer);
      for (const res of held) res.destroy();
      await server.close();
    },
  };
}
