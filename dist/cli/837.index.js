export const id = 837;
export const ids = [837];
export const modules = {

/***/ 6837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gateCommand: () => (/* binding */ gateCommand),
  recordCommand: () => (/* binding */ recordCommand)
});

// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(6803);
// EXTERNAL MODULE: ./harness/app/host.ts
var host = __webpack_require__(6843);
// EXTERNAL MODULE: ./harness/report/text.ts
var report_text = __webpack_require__(1941);
// EXTERNAL MODULE: ./harness/history/events.ts
var history_events = __webpack_require__(961);
// EXTERNAL MODULE: ./harness/history/load.ts
var load = __webpack_require__(8716);
;// CONCATENATED MODULE: ./src/gate/selective.ts
/**
 * Selective drain (`gate --wait-for breaking`): each poll reads the histories of the instances in
 * flight (only those new or changed since the last poll) and replays them against the new code.
 * Only instances the new code would break (nondeterministic, failed) or that cannot be checked
 * (error: the gate fails closed on what it cannot judge) have to finish before the deployment.
 * Pending instances with no history yet start on the new code: nothing to replay, safe. Any other
 * instance without a readable history blocks: the runtime writes history rows before it marks an
 * instance Running, so an empty answer means the history could not be read, not that there is none.
 */




/** Whether an instance must finish first: anything not judged safe blocks (the gate fails closed). */
function blocks(judgement) {
    return judgement?.verdict !== 'ok' && judgement?.verdict !== 'not started';
}
/** Replays in-flight histories from a task hub (Azure Storage or the scheduler) against the new code, with a cache keyed by execution and last update. */
class ReplayJudge {
    hub;
    app;
    concurrency;
    cache = new Map();
    lastReplayed = 0;
    lastTimings = { readSeconds: 0, replaySeconds: 0 };
    stopped = false;
    stop() {
        this.stopped = true;
    }
    constructor(hub, app, concurrency = 16) {
        this.hub = hub;
        this.app = app;
        this.concurrency = concurrency;
    }
    async judge(instances) {
        const out = new Map();
        const stale = [];
        for (const instance of instances) {
            const hit = this.cache.get(instance.instanceId);
            if (hit && hit.key === keyOf(instance))
                out.set(instance.instanceId, hit.judgement);
            else
                stale.push(instance);
        }
        this.lastReplayed = stale.length;
        const readStart = performance.now();
        const items = [];
        let next = 0;
        await Promise.all(Array.from({ length: Math.min(this.concurrency, stale.length) }, async () => {
            while (next < stale.length && !this.stopped) {
                const instance = stale[next++];
                const judged = await this.read(instance);
                if ('value' in judged)
                    items.push({ instance, value: judged.value });
                else
                    this.remember(instance, judged, out);
            }
        }));
        const replayStart = performance.now();
        if (this.stopped)
            return out;
        if (items.length > 0) {
            const results = await this.app.replay(items.map(({ instance, value }) => ({ value, source: `${this.hub.historyTable}/${instance.instanceId}` })));
            results.forEach((result, i) => {
                const { instance } = items[i];
                const judgement = result.verdict === 'ok'
                    ? { verdict: 'ok', reason: `replays cleanly on the new code (${result.events ?? 0} events)` }
                    : { verdict: result.verdict, reason: (0,report_text/* problemSummary */.u8)(result, undefined, false), ...(result.divergence ? { divergence: result.divergence } : {}) };
                this.remember(instance, judgement, out);
            });
        }
        this.lastTimings = { readSeconds: (replayStart - readStart) / 1000, replaySeconds: (performance.now() - replayStart) / 1000 };
        return out;
    }
    remember(instance, judgement, out) {
        this.cache.set(instance.instanceId, { key: keyOf(instance), judgement });
        out.set(instance.instanceId, judgement);
    }
    /** The history as a text to replay, or a judgement when there is nothing to replay. */
    async read(instance) {
        let rows;
        try {
            ({ rows } = await this.hub.historyRows(instance.instanceId));
        }
        catch (error) {
            return { verdict: 'error', reason: `its history could not be read: ${error instanceof Error ? error.message : String(error)}` };
        }
        if (rows.filter((row) => row.RowKey !== 'sentinel').length === 0) {
            return instance.runtimeStatus === 'Pending'
                ? { verdict: 'not started', reason: 'Pending with no history yet: it starts on the new code' }
                : {
                    verdict: 'error',
                    reason: `the task hub returned no history for this ${instance.runtimeStatus} instance, so it cannot be checked (the runtime writes history before an instance runs): it blocks until its history can be read`,
                };
        }
        try {
            const history = (0,load/* parseHistory */.i6)(rows, `${this.hub.historyTable}/${instance.instanceId}`);
            return {
                value: {
                    schema: history_events/* HISTORY_SCHEMA */.NF,
                    taskHub: this.hub.taskHub,
                    instanceId: instance.instanceId,
                    ...(history.executionId ? { executionId: history.executionId } : {}),
                    name: history.orchestrator,
                    version: history.version,
                    runtimeStatus: instance.runtimeStatus,
                    recordedAt: new Date().toISOString(),
                    history: history.events,
                },
            };
        }
        catch (error) {
            return { verdict: 'error', reason: `its history could not be read: ${error instanceof Error ? error.message : String(error)}` };
        }
    }
}
/** What identifies the state a verdict was given for: a new event updates LastUpdatedTime. */
function keyOf(instance) {
    return `${instance.executionId ?? ''}|${instance.lastUpdatedTime ?? ''}|${instance.runtimeStatus}`;
}
/**
 * The new code loaded and a judge over the hub's histories, for `--wait-for breaking` (the CLI and
 * the Action). The app's warnings go to `warn`; `close` ends its worker.
 */
async function openJudge(hub, appDir, warn, options = {}) {
    const app = await (0,host/* loadApp */.AT)(appDir, { userOutput: 'stderr', ...options });
    for (const warning of app.info.warnings)
        warn(warning);
    return { ...(hub ? { judge: new ReplayJudge(hub, app) } : {}), close: () => app.close() };
}

;// CONCATENATED MODULE: ./src/gate/gate.ts
/**
 * The drain gate: polls the task hub until nothing is in flight, or the timeout passes. A pure
 * function of its source, clock and sleep, so tests drive it with a virtual clock. It fails
 * closed: a poll that cannot be made ends the gate with `error`, never with `drained`.
 */


const GATE_REPORT_SCHEMA = 'durable-gate.gate-report/v1';
async function runGate(options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? http/* sleep */.yy;
    const start = now();
    let polls = 0;
    let previous;
    let last = [];
    let confirming = false;
    const judge = options.judge;
    const finish = (outcome, extra = {}) => ({
        schema: GATE_REPORT_SCHEMA,
        source: options.source.describe,
        drained: outcome === 'drained',
        outcome,
        polls,
        waitedSeconds: Math.round((now() - start) / 1000),
        inFlight: last,
        ignoredStale: [],
        ...(judge ? { waitFor: 'breaking', blocking: last.filter((i) => blocks(i)), safe: last.filter((i) => !blocks(i)) } : {}),
        ...extra,
    });
    for (;;) {
        if (options.signal?.aborted)
            return finish('cancelled');
        polls += 1;
        const at = now();
        let instances;
        try {
            // A poll stuck in retries neither outlives the timeout nor delays a cancel.
            const answer = await race(collectAll(options.source, options.statuses), options.signal, Math.max(options.timeoutMs - (at - start), 0) + (options.graceMs ?? GATE_GRACE_MS));
            if (answer === 'cancelled')
                return finish('cancelled');
            if (answer === 'late')
                return finish('error', {
                    error: `the task hub did not answer within the timeout (${Math.round(options.timeoutMs / 1000)} s) and the retries that followed.`,
                });
            instances = answer;
        }
        catch (error) {
            return finish('error', { error: error instanceof Error ? error.message : String(error) });
        }
        last = instances
            .map((instance) => {
            const updated = instance.lastUpdatedTime ? Date.parse(instance.lastUpdatedTime) : undefined;
            const created = instance.createdTime ? Date.parse(instance.createdTime) : undefined;
            const stuck = options.staleAfterMs !== undefined && updated !== undefined && at - updated > options.staleAfterMs;
            return { ...instance, ...(created !== undefined ? { ageSeconds: Math.round((at - created) / 1000) } : {}), ...(stuck ? { possiblyStuck: true } : {}) };
        })
            .sort((a, b) => (a.createdTime ?? '').localeCompare(b.createdTime ?? ''));
        if (judge) {
            let verdicts;
            try {
                const answer = await race(judge.judge(last), options.signal, Math.max(options.timeoutMs - (now() - start), 0) + (options.graceMs ?? GATE_GRACE_MS));
                if (answer === 'cancelled' || answer === 'late')
                    judge.stop?.();
                if (answer === 'cancelled')
                    return finish('cancelled');
                if (answer === 'late')
                    return finish('error', {
                        error: `the in-flight histories could not be read and replayed within the timeout (${Math.round(options.timeoutMs / 1000)} s).`,
                    });
                verdicts = answer;
            }
            catch (error) {
                return finish('error', { error: `could not replay the in-flight histories: ${error instanceof Error ? error.message : String(error)}` });
            }
            last = last.map((instance) => {
                const judged = verdicts.get(instance.instanceId);
                return judged
                    ? { ...instance, verdict: judged.verdict, reason: judged.reason, ...(judged.divergence ? { divergence: judged.divergence } : {}) }
                    : instance;
            });
        }
        const stale = last.filter((i) => i.possiblyStuck);
        const waiting = judge ? last.filter((i) => blocks(i)) : last;
        const blocking = options.ignoreStale ? waiting.filter((i) => !i.possiblyStuck) : waiting;
        options.onPoll?.({
            poll: polls,
            inFlight: last.length,
            blocking: blocking.length,
            ...(judge ? { breaking: waiting.length } : {}),
            stale: stale.length,
            ...(previous !== undefined ? { change: last.length - previous } : {}),
            ...(last[0] ? { oldest: last[0] } : {}),
            elapsedMs: at - start,
        });
        previous = last.length;
        if (blocking.length === 0) {
            // Selective drain: the verdicts may already be behind the task hub; one more poll, at once, confirms them.
            if (judge && !confirming && last.length > 0) {
                confirming = true;
                continue;
            }
            return finish('drained', { ignoredStale: options.ignoreStale ? stale.map((i) => i.instanceId) : [] });
        }
        confirming = false;
        const remaining = options.timeoutMs - (now() - start);
        if (remaining <= 0)
            return finish('timeout');
        await sleep(Math.min(options.intervalMs, remaining), options.signal);
        if (options.signal?.aborted)
            return finish('cancelled');
    }
}
/**
 * Time a poll may still take after the timeout, for its retries to run out: the gate ends at most
 * this long after its --timeout (the README says so).
 */
const GATE_GRACE_MS = 5_000;
/** The report of a gate that could not start polling (the new code could not be loaded, a cancel): it fails closed. */
function gateErrorReport(source, outcome, error) {
    return {
        schema: GATE_REPORT_SCHEMA,
        source,
        drained: false,
        outcome,
        polls: 0,
        waitedSeconds: 0,
        inFlight: [],
        ignoredStale: [],
        ...(outcome === 'error' ? { error } : {}),
    };
}
async function collectAll(source, statuses) {
    const out = [];
    for await (const instance of source.instances({ statuses }))
        out.push(instance);
    return out;
}
/** The work's result, or 'cancelled' or 'late', whichever comes first; the timer and the listener end with it (work that never settles holds nothing). */
function race(work, signal, limitMs) {
    return new Promise((resolve, reject) => {
        const settle = (end) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            end();
        };
        const timer = setTimeout(() => settle(() => resolve('late')), Math.min(limitMs, 2_000_000_000));
        const onAbort = () => settle(() => resolve('cancelled'));
        signal?.addEventListener('abort', onAbort, { once: true });
        work.then((value) => settle(() => resolve(value)), (error) => settle(() => reject(error instanceof Error ? error : new Error(String(error)))));
    });
}
function gateExitCode(report) {
    switch (report.outcome) {
        case 'drained':
            return 0;
        case 'timeout':
            return 1;
        case 'cancelled':
        case 'error':
            return 2;
    }
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./harness/errors.ts
var errors = __webpack_require__(9410);
// EXTERNAL MODULE: ./src/deadline.ts
var src_deadline = __webpack_require__(6683);
;// CONCATENATED MODULE: ./src/gate/job.ts
/**
 * The gate as one job for both front ends (CLI and Action): open the source, load the new code
 * when it waits only for what breaks, poll, and end every request and the app's worker when the
 * gate has decided. Nothing outlives the gate's timeout plus its grace.
 */




async function runGateJob(job) {
    // A backstop a second after the gate's own limit: the gate decides first and says why.
    const work = (0,src_deadline/* withDeadline */.NE)(job.signal, job.timeoutMs + GATE_GRACE_MS + 1000, job.timeoutReason);
    try {
        const found = await job.open(work.signal);
        job.onStart?.(found);
        let app;
        try {
            app = job.appDir ? await openJudge(found.hub, job.appDir, job.onWarning, { signal: work.signal }) : undefined;
        }
        catch (error) {
            // The gate fails closed with its report: the new code could not be loaded to judge anything.
            if (!(error instanceof errors/* AppLoadError */._n))
                throw error;
            return {
                found,
                report: gateErrorReport(found.source.describe, job.signal?.aborted ? 'cancelled' : 'error', `could not load the new code in ${job.appDir}: ${error.message}`),
            };
        }
        const report = await runGate({
            source: found.source,
            ...(app?.judge ? { judge: app.judge } : {}),
            statuses: job.statuses,
            timeoutMs: job.timeoutMs,
            intervalMs: job.intervalMs,
            graceMs: GATE_GRACE_MS,
            ...(job.staleAfterMs !== undefined ? { staleAfterMs: job.staleAfterMs } : {}),
            ...(job.ignoreStale ? { ignoreStale: true } : {}),
            ...(job.signal ? { signal: job.signal } : {}),
            onPoll: (poll) => job.onPoll(poll, app !== undefined),
        }).finally(() => {
            // The gate has decided: a poll still waiting on the service is abandoned, not left running.
            work.abort('the gate has decided');
            found.close?.();
            return app?.close();
        });
        return { found, report };
    }
    finally {
        work.clear();
    }
}

// EXTERNAL MODULE: ./src/option-names.ts
var option_names = __webpack_require__(1635);
// EXTERNAL MODULE: ./src/secrets.ts
var secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./src/http/client.ts
var client = __webpack_require__(3329);
// EXTERNAL MODULE: ./src/taskhub/azure-tables.ts
var azure_tables = __webpack_require__(2645);
;// CONCATENATED MODULE: ./src/taskhub/http-api.ts
/**
 * The Durable Functions HTTP management API as a source for the gate (provider-agnostic: works
 * whatever storage backend the app uses). docs: "HTTP API reference" of Durable Functions;
 * quirks in ../shared/docs/durable-protocol.md §7:
 * - paging by the x-ms-continuation-token response header, sent back as a request header;
 *   pages can be empty and still carry a token;
 * - statuses the extension cannot parse are dropped, and if none parse no filter is applied:
 *   the statuses are always checked again here;
 * - durable entities are listed too (ids starting with '@'): left out here.
 * Its history (showHistory) is lossy, so `record` refuses this source.
 */







const HttpApiError = (0,errors/* brandedError */.fi)('HttpApiError', class extends errors/* DurableGateError */.B7 {
});
/** A listing longer than this is not a task hub's in-flight list but a service going round in circles. */
const MAX_PAGES = 10_000;
class HttpApiSource {
    options;
    base;
    /** Every request to the API, with the one retry policy (../http/client.ts). */
    http;
    constructor(options) {
        this.options = options;
        let url;
        try {
            url = new URL(options.endpoint);
        }
        catch {
            throw new errors/* UsageError */.eb(`Invalid ${(0,option_names/* option */.u)('http-endpoint')} '${options.endpoint}'. Expected the app's URL, e.g. https://my-app.azurewebsites.net.`);
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            throw new errors/* UsageError */.eb(`Invalid ${(0,option_names/* option */.u)('http-endpoint')} '${options.endpoint}'. Expected an http(s) URL.`);
        const path = url.pathname.replace(/\/+$/, '');
        url.pathname = /\/runtime\/webhooks\/durabletask$/i.test(path) ? path : `${path}/runtime/webhooks/durabletask`;
        url.search = '';
        this.base = url;
        const { ca, timeoutMs, retries, retryDelayMs: baseDelayMs, retryBudgetMs: budgetMs, clock, sleep } = options;
        this.http = new client/* HttpClient */.Qq({ ca, timeoutMs, retry: { retries, baseDelayMs, budgetMs }, clock, sleep });
    }
    get describe() {
        return `the Durable Functions HTTP API at ${this.base.origin}`;
    }
    /**
     * Every instance the query selects, page by page. Each answer is checked before it counts (status,
     * JSON content type, a list of instances, a usable continuation token): an answer that is not
     * the API's is an error, so the gate fails closed rather than read it as "nothing in flight".
     */
    async *instances(query) {
        const signal = (0,client/* anySignal */.JG)(this.options.signal, query.signal);
        const names = query.names?.map((n) => n.toLowerCase());
        const seen = new Set();
        let token;
        let pages = 0;
        do {
            if (++pages > MAX_PAGES)
                throw new HttpApiError(`${this.describe}: more than ${MAX_PAGES} pages of instances, each with a continuation token: stopped reading. Is ${(0,option_names/* option */.u)('http-endpoint')} the function app's URL?`);
            const url = new URL(`${this.base.pathname}/instances`, this.base);
            url.searchParams.set('runtimeStatus', query.statuses.join(','));
            url.searchParams.set('top', String(query.pageSize ?? 500));
            url.searchParams.set('showInput', 'false');
            if (query.createdAfter)
                url.searchParams.set('createdTimeFrom', query.createdAfter.toISOString());
            const response = await this.get(url, token ? { 'x-ms-continuation-token': token } : {}, signal);
            for (const raw of this.page(response)) {
                const id = raw.instanceId;
                const status = raw.runtimeStatus;
                if (id.startsWith('@'))
                    continue;
                if (!query.statuses.includes(status))
                    continue;
                if (names && !names.includes((raw.name ?? '').toLowerCase()))
                    continue;
                if (query.instanceIds && !query.instanceIds.includes(id))
                    continue;
                yield {
                    instanceId: id,
                    name: raw.name ?? '',
                    runtimeStatus: status,
                    ...(raw.createdTime ? { createdTime: raw.createdTime } : {}),
                    ...(raw.lastUpdatedTime ? { lastUpdatedTime: raw.lastUpdatedTime } : {}),
                };
            }
            token = this.continuation(response, seen);
        } while (token);
    }
    /** The instances of one answer, checked: a JSON list of objects that each carry an id and a status. */
    page(response) {
        const odd = (what) => new HttpApiError(`${this.describe}: the instances list ${what} (HTTP ${response.status}, ${(0,http/* describeBody */.MP)(response)}), so nothing can be said of what is in flight. Is ${(0,option_names/* option */.u)('http-endpoint')} the function app's URL, with nothing (a proxy, a sign-in page) answering in its place?`);
        const type = header(response.headers, 'content-type') ?? '';
        if (!/\bjson\b/i.test(type))
            throw odd('is not JSON');
        if (!response.body.trim())
            throw odd('is empty');
        let page;
        try {
            page = JSON.parse(response.body);
        }
        catch {
            throw odd('is not valid JSON');
        }
        if (!Array.isArray(page))
            throw odd('is not a list');
        page.forEach((raw, index) => {
            if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
                throw odd(`has an entry that is not an instance (entry ${index + 1})`);
            const entry = raw;
            if (typeof entry.instanceId !== 'string' || entry.instanceId === '')
                throw odd(`has an entry without an instanceId (entry ${index + 1})`);
            if (entry.runtimeStatus === undefined || entry.runtimeStatus === null)
                throw odd(`has an entry without a runtimeStatus (instance ${JSON.stringify(entry.instanceId.slice(0, 100))})`);
            // A status the runtime does not have is never taken as "not in flight": it fails closed.
            const status = typeof entry.runtimeStatus === 'string'
                ? azure_tables/* ALL_STATUSES */.nY.find((known) => known.toLowerCase() === entry.runtimeStatus.toLowerCase())
                : undefined;
            if (!status)
                throw odd(`has an entry whose runtimeStatus ${(0,report_text/* printable */.g$)(JSON.stringify(entry.runtimeStatus).slice(0, 40))} is not one the runtime has (${azure_tables/* ALL_STATUSES */.nY.join(', ')}) (instance ${JSON.stringify(entry.instanceId.slice(0, 100))})`);
            entry.runtimeStatus = status;
            for (const field of ['name', 'createdTime', 'lastUpdatedTime']) {
                if (entry[field] !== undefined && entry[field] !== null && typeof entry[field] !== 'string')
                    throw odd(`has an entry whose ${field} is not text (instance ${JSON.stringify(entry.instanceId.slice(0, 100))})`);
            }
        });
        return page;
    }
    /** The next page's token: none (absent, empty, "null"), or a new one. A token seen before would loop forever. */
    continuation(response, seen) {
        const next = response.headers['x-ms-continuation-token'];
        if (next === undefined)
            return undefined;
        if (typeof next !== 'string')
            throw new HttpApiError(`${this.describe}: the answer carries more than one x-ms-continuation-token, so the next page is unclear: stopped reading.`);
        if (next === '' || next === 'null')
            return undefined;
        if (seen.has(next))
            throw new HttpApiError(`${this.describe}: the API sent a continuation token it had sent before, so paging would never end: stopped reading.`);
        seen.add(next);
        return next;
    }
    /**
     * One GET of a page, through the one HTTP client: 408, 429, 5xx, resets and timeouts retried within
     * the retry budget, Retry-After honoured up to a minute. Only a 200 is the list.
     */
    async get(url, headers, signal) {
        const cancelled = () => new HttpApiError(`${this.describe}: stopped (${(0,host/* stopReason */.PJ)(signal)}) before the instances list was read.`);
        let response;
        let attempts;
        try {
            ({ response, attempts } = await this.http.request(url, {
                headers: { accept: 'application/json', 'x-functions-key': this.options.systemKey, ...headers },
                ...(signal ? { signal } : {}),
            }));
        }
        catch (error) {
            if (!(error instanceof client/* HttpFailure */.HR))
                throw error;
            if (error.cancelled)
                throw cancelled();
            if (error.tls)
                throw new HttpApiError(`${this.describe}: ${error.tls}`);
            throw new HttpApiError(`${this.describe}: ${error.code} (after ${error.attempts} attempt(s)): ${error.message}. Is ${(0,option_names/* option */.u)('http-endpoint')} the function app's URL, and is the app running?`);
        }
        const { status } = response;
        if (status === 200)
            return response;
        const failure = `HTTP ${status}${response.body ? ` (${(0,http/* describeBody */.MP)(response)})` : ''}`;
        if (status === 401 || status === 403)
            throw new HttpApiError(`${this.describe}: the system key was refused (HTTP ${status}). Use the durabletask_extension system key (az functionapp keys list ... --query systemKeys.durabletask_extension).`);
        if (status === 404)
            throw new HttpApiError(`${this.describe}: not found (HTTP 404). Is ${(0,option_names/* option */.u)('http-endpoint')} the function app's URL, and is the app running?`);
        // The list answers 200; another 2xx or a redirect (a sign-in page, a proxy) is not the list.
        if (status < 400)
            throw new HttpApiError(`${this.describe}: the instances list was answered with ${failure}, not the list. Is ${(0,option_names/* option */.u)('http-endpoint')} the function app's URL, with nothing answering in its place?`);
        if ((0,client/* retryableStatus */.Fd)(status))
            throw new HttpApiError(`${this.describe}: ${failure} (after ${attempts} attempt(s)).`);
        throw new HttpApiError(`${this.describe}: ${failure}`);
    }
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}

// EXTERNAL MODULE: ./harness/app/host-json.ts
var host_json = __webpack_require__(9362);
// EXTERNAL MODULE: ./harness/history/paths.ts
var paths = __webpack_require__(1626);
// EXTERNAL MODULE: ./src/azure/discovery.ts
var discovery = __webpack_require__(441);
// EXTERNAL MODULE: ./harness/nearest.ts
var nearest = __webpack_require__(447);
// EXTERNAL MODULE: ./src/taskhub/connection.ts
var taskhub_connection = __webpack_require__(1394);
// EXTERNAL MODULE: ./src/taskhub/dts-connection.ts
var dts_connection = __webpack_require__(4926);
;// CONCATENATED MODULE: ./src/commands/hub.ts
/** Which Azure Storage task hub `record` and `gate` read, and how they reach it: settings shared by both commands. */










const HUB_OPTIONS = { 'task-hub': 'text', connection: 'text', app: 'text', 'table-prefix': 'text' };
/** The setting the Functions host reads the storage connection from when host.json names none. */
const DEFAULT_CONNECTION_SETTING = 'AzureWebJobsStorage';
/** The hub's settings; `why` says what the task hub is needed for when neither it nor the app is given. */
function readHubSettings(input, why) {
    const taskHub = input.text('task-hub');
    const app = input.text('app');
    if (!taskHub && !app)
        throw new errors/* UsageError */.eb(`missing ${input.label('task-hub')}: ${why} (host.json extensions.durableTask.hubName). Or give ${input.label('app')}, the function app folder: its host.json and local.settings.json name the hub and its storage, as func start reads them.`);
    const connection = input.text('connection');
    const tablePrefix = input.text('table-prefix');
    return {
        ...(taskHub ? { taskHub } : {}),
        ...(connection ? { connection } : {}),
        ...(app ? { app } : {}),
        ...(tablePrefix ? { tablePrefix } : {}),
    };
}
/**
 * The task hub and its connection setting as the extension finds them for a local `func start`
 * (docs/runtime-rules.md §8): host.json hubName with %Setting% references resolved from the
 * environment, then local.settings.json Values; without hubName, WEBSITE_SITE_NAME (letters and
 * digits only) or "TestHubName"; the connection setting storageProvider.connectionName (default
 * AzureWebJobsStorage).
 */
function resolveHubSettings(settings, services) {
    const appDir = settings.app ? (0,external_node_path_.resolve)(services.cwd, settings.app) : undefined;
    const given = { ...(appDir ? { appDir } : {}), ...(settings.tablePrefix ? { tablePrefix: settings.tablePrefix } : {}) };
    if (settings.taskHub && (settings.connection || !appDir)) {
        return { taskHub: settings.taskHub, connection: settings.connection ?? DEFAULT_CONNECTION_SETTING, ...given };
    }
    const config = (0,host_json/* readHostConfig */.Rc)(appDir);
    const shown = (0,paths/* displayPath */.Gt)(config.file, services.cwd);
    if (config.otherProvider) {
        const meant = (0,nearest/* nearestName */.q)(config.otherProvider, ['azureManaged', 'AzureStorage']);
        throw new errors/* UsageError */.eb(meant
            ? `${shown} sets storageProvider.type ${config.otherProvider}: did you mean ${meant}? (azureManaged is the Durable Task Scheduler; AzureStorage, or no type, Azure Storage.)`
            : `${shown} sets storageProvider.type ${config.otherProvider}: record and gate read Azure Storage task hubs (no type, or AzureStorage) and the Durable Task Scheduler (azureManaged). Give --task-hub and --connection for an Azure Storage task hub; gate can also ask the app's HTTP management API (--http-endpoint).`);
    }
    if (!settings.connection && config.trackingStoreConnectionName)
        throw new errors/* UsageError */.eb(`${shown} keeps the Instances and History tables under another connection (trackingStoreConnectionName ${config.trackingStoreConnectionName}): pass --connection ${config.trackingStoreConnectionName} to read them.`);
    const local = (0,taskhub_connection/* localSettings */.f3)(appDir);
    const values = { ...local };
    for (const [name, value] of Object.entries(services.env))
        if (value)
            values[name] = value;
    const origins = [];
    let taskHub = settings.taskHub;
    if (!taskHub && config.durableTaskScheduler && !config.hubName) {
        // The scheduler's own default hub is not documented: its connection string's TaskHub, or the user's word.
        const setting = settings.connection ?? config.connectionName;
        const value = values[setting];
        const fromConnection = value ? (0,dts_connection/* parseDtsConnectionString */.qY)(value, setting).taskHub : undefined;
        if (!fromConnection)
            throw new errors/* UsageError */.eb(`${shown} names no hubName for the Durable Task Scheduler, nor does its connection string a TaskHub: set hubName, or give --task-hub (the scheduler's task hub).`);
        taskHub = fromConnection;
        origins.push(`task hub ${taskHub} from the connection string's TaskHub`);
    }
    if (!taskHub) {
        const site = values.WEBSITE_SITE_NAME;
        const hub = (0,discovery/* resolveHubName */.di)(config, values, site ?? 'TestHubName');
        if (hub.missingSetting)
            throw new errors/* UsageError */.eb(`${shown} hubName '${config.hubName}' refers to the setting ${hub.missingSetting}, which neither the environment nor ${(0,paths/* displayPath */.Gt)((0,external_node_path_.join)(appDir, 'local.settings.json'), services.cwd)} Values holds. Set it, or give --task-hub.`);
        // The Azure Storage provider's name rules: the scheduler has its own.
        if (hub.problem && !config.durableTaskScheduler)
            throw new errors/* UsageError */.eb(`${shown}: ${hub.problem} The extension would not start with it.`);
        taskHub = hub.hub;
        origins.push(config.hubName
            ? `task hub ${taskHub} from ${config.section}.hubName${config.hubName !== taskHub ? ` '${config.hubName}'` : ''}`
            : `task hub ${taskHub}: no hubName in host.json, so the extension's default (${site ? 'WEBSITE_SITE_NAME' : 'TestHubName outside Azure'})`);
    }
    const connection = settings.connection ?? config.connectionName;
    if (!settings.connection)
        origins.push(connection === DEFAULT_CONNECTION_SETTING || (config.durableTaskScheduler && !config.connectionNamed)
            ? `connection setting ${connection} (the default${config.durableTaskScheduler ? ' for the scheduler' : ''}: ${shown} names no other)`
            : `connection setting ${connection} from ${shown} ${config.section}.storageProvider`);
    const tablePrefix = settings.tablePrefix ?? config.trackingStoreNamePrefix;
    return {
        taskHub,
        connection,
        ...(config.durableTaskScheduler ? { scheduler: true } : {}),
        ...given,
        ...(tablePrefix ? { tablePrefix } : {}),
        ...(origins.length > 0 ? { origin: origins.join('; ') } : {}),
    };
}
/** An Azure Storage task hub, its requests ended by `signal`. Whatever the connection setting holds is reported as a secret, whether or not it parses. */
function openStorageHub(resolved, services, signal) {
    // The keys and SAS tokens in a value from local.settings.json are masked as the connection's secrets below.
    const raw = services.env[resolved.connection];
    if (raw)
        (0,secrets/* secretSink */._f)()?.(raw);
    const opened = (0,azure_tables/* openTaskHub */.$O)({
        taskHub: resolved.taskHub,
        setting: resolved.connection,
        env: services.env,
        signal,
        ...(resolved.appDir ? { appDir: resolved.appDir } : {}),
        ...(resolved.tablePrefix ? { tablePrefix: resolved.tablePrefix } : {}),
    });
    for (const secret of opened.connection.secrets)
        (0,secrets/* secretSink */._f)()?.(secret);
    return opened;
}
/**
 * The hub record and the gate read: an Azure Storage task hub, or a Durable Task
 * Scheduler's when the app's host.json names the scheduler. `close` ends the scheduler's connection.
 */
async function openHistorySource(settings, services, signal) {
    const resolved = resolveHubSettings(settings, services);
    if (!resolved.scheduler)
        return { ...openStorageHub(resolved, services, signal), resolved, close: () => undefined };
    // An empty variable counts as unset, as for the other settings: local.settings.json is read next.
    const value = services.env[resolved.connection] || (0,taskhub_connection/* localSettings */.f3)(resolved.appDir)[resolved.connection];
    if (!value)
        throw new errors/* UsageError */.eb(`the setting ${resolved.connection} (the Durable Task Scheduler's connection string) is not set in the environment${resolved.appDir ? ' nor in local.settings.json Values' : ''}. Set it, e.g. Endpoint=https://<scheduler>.<region>.durabletask.io;Authentication=DefaultAzure.`);
    const connection = (0,dts_connection/* parseDtsConnectionString */.qY)(value, resolved.connection);
    const { openSchedulerHub } = await Promise.all(/* import() */[__webpack_require__.e(33), __webpack_require__.e(670)]).then(__webpack_require__.bind(__webpack_require__, 7670));
    const hub = openSchedulerHub({ connection, taskHub: resolved.taskHub, env: services.env, signal });
    return { hub, connection: { secrets: [] }, resolved, close: () => hub.close() };
}

// EXTERNAL MODULE: ./src/commands/input.ts
var commands_input = __webpack_require__(4378);
// EXTERNAL MODULE: ./src/commands/options.ts
var options = __webpack_require__(6052);
// EXTERNAL MODULE: ./src/azure/site.ts
var site = __webpack_require__(5444);
// EXTERNAL MODULE: ./src/commands/site.ts + 1 modules
var commands_site = __webpack_require__(6107);
;// CONCATENATED MODULE: ./src/commands/gate.ts
/**
 * `gate`: its settings, parsed once from either front end, and the job: wait until nothing in
 * flight in the task hub blocks the deployment (or, with `wait-for breaking`, nothing the new code
 * breaks), or the timeout passes. The gate fails closed.
 */











const GATE_OPTIONS = {
    ...HUB_OPTIONS,
    ...commands_site.AZURE_OPTIONS,
    slot: 'text',
    status: 'list',
    timeout: 'text',
    interval: 'text',
    'stale-after': 'text',
    'ignore-stale': 'flag',
    format: 'text',
    'http-endpoint': 'text',
    'http-key-env': 'text',
    'wait-for': 'text',
};
function readGateSettings(given, env) {
    const input = (0,commands_input/* declaredInput */.B)('gate', GATE_OPTIONS, given);
    const timeoutText = input.text('timeout') ?? '30m';
    const staleAfter = input.text('stale-after');
    const staleAfterMs = staleAfter ? (0,options/* parseDuration */.E9)(input.label('stale-after'), staleAfter) : undefined;
    const ignoreStale = input.flag('ignore-stale');
    if (ignoreStale && staleAfterMs === undefined)
        throw new errors/* UsageError */.eb(`${input.label('ignore-stale')} needs ${input.label('stale-after')}: it says which instances count as possibly stuck.`);
    const waitFor = (0,options/* parseWaitFor */.AD)(input.label('wait-for'), input.text('wait-for'));
    const app = input.text('app');
    if (waitFor === 'breaking' && !app)
        throw new errors/* UsageError */.eb(`${input.label('wait-for')} breaking needs ${input.label('app')}: the function app folder with the new code (built), whose replay decides which instances must finish first.`);
    return {
        target: readTarget(input, env, waitFor),
        statuses: (0,options/* parseStatuses */.O7)(input.label('status'), input.list('status')),
        timeoutMs: (0,options/* parseDuration */.E9)(input.label('timeout'), timeoutText),
        timeoutText,
        timeoutReason: input.passed('timeout', timeoutText),
        intervalMs: (0,options/* parseDuration */.E9)(input.label('interval'), input.text('interval') ?? '15s'),
        ...(staleAfterMs !== undefined ? { staleAfterMs } : {}),
        ignoreStale,
        waitFor,
        ...(app ? { app } : {}),
        format: (0,options/* parseFormat */.Xc)(input.label('format'), input.text('format')),
    };
}
function readTarget(input, env, waitFor) {
    const slot = input.text('slot');
    const endpoint = input.text('http-endpoint');
    const connection = input.text('connection');
    if (slot) {
        if (input.text('task-hub') || endpoint || (connection && connection !== DEFAULT_CONNECTION_SETTING))
            throw new errors/* UsageError */.eb(`${input.label('slot')} discovers the task hub and its storage from the slot; leave out ${input.label('task-hub')}, ${input.label('connection')} and ${input.label('http-endpoint')}.`);
        const app = input.text('app');
        // In a slot other than production the extension refuses to start without an explicit hubName.
        if (!app && !(0,site/* isProduction */.KV)(slot))
            throw new errors/* UsageError */.eb(`gate with ${input.label('slot')} ${slot} needs ${input.label('app')}: the app folder being deployed, whose host.json names the task hub (in a slot other than production the extension refuses to start without an explicit hubName, so the default cannot be right).`);
        return { kind: 'slot', slot, azure: (0,commands_site.readAzureSettings)(input, env, 'gate'), ...(app ? { app } : {}) };
    }
    if (endpoint) {
        if (waitFor === 'breaking')
            throw new errors/* UsageError */.eb(`${input.label('wait-for')} breaking reads the in-flight histories from the task hub's storage; the HTTP API's history is lossy. Use ${input.label('task-hub')} (or ${input.label('slot')}) instead of ${input.label('http-endpoint')}.`);
        if (!URL.canParse(endpoint) || !/^https?:/i.test(endpoint))
            throw new errors/* UsageError */.eb(`Invalid ${input.label('http-endpoint')} '${endpoint}'. Expected the function app's http(s) URL, e.g. https://my-app.azurewebsites.net.`);
        const keyVariable = input.text('http-key-env') ?? 'DURABLE_GATE_SYSTEM_KEY';
        if (!env[keyVariable])
            throw new errors/* UsageError */.eb(`${input.label('http-endpoint')} needs the durabletask_extension system key in the environment variable ${keyVariable} (see az functionapp keys list; ${input.label('http-key-env')} names another variable). Secrets are never taken as options.`);
        return { kind: 'http', endpoint, keyVariable };
    }
    return { kind: 'storage', hub: readHubSettings(input, 'the task hub to gate on') };
}
/** Polls until the gate decides. The report's error, if any, has its secrets redacted. */
async function runGateCommand(settings, services, events = {}) {
    const judged = settings.waitFor === 'breaking';
    const target = settings.target;
    const { report, found } = await runGateJob({
        open: (requests) => openTarget(target, settings, services, events, requests),
        statuses: settings.statuses,
        timeoutMs: settings.timeoutMs,
        timeoutReason: settings.timeoutReason,
        intervalMs: settings.intervalMs,
        ...(settings.staleAfterMs !== undefined ? { staleAfterMs: settings.staleAfterMs } : {}),
        ...(settings.ignoreStale ? { ignoreStale: true } : {}),
        ...(judged && settings.app ? { appDir: (0,external_node_path_.resolve)(services.cwd, settings.app) } : {}),
        ...(services.signal ? { signal: services.signal } : {}),
        onStart: ({ source }) => {
            const what = judged
                ? `the ${settings.statuses.join(', ')} instances that the new code in ${settings.app} breaks`
                : `${settings.statuses.join(', ')} instances`;
            events.onStart?.(`gating on ${source.describe}; waiting for ${what} to finish (timeout ${settings.timeoutText})`);
        },
        onWarning: (warning) => events.onWarning?.(warning),
        onPoll: (poll, withJudge) => events.onPoll?.(poll, pollLine(poll, withJudge)),
    });
    if (found.hub?.neverRan)
        events.onNotice?.(`${found.hub.describe} has no tables yet: nothing has ever run there (the first deployment with this hub), so nothing is in flight.`);
    if (report.error)
        report.error = (0,options/* redact */.E$)(report.error, found.secrets);
    return report;
}
async function openTarget(target, settings, services, events, requests) {
    switch (target.kind) {
        case 'slot':
            return (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 6107))).slotSource(target.azure, target, services, events, {
                ...(services.signal ? { signal: services.signal } : {}),
                timeoutMs: settings.timeoutMs,
                requests,
            });
        case 'http': {
            const systemKey = services.env[target.keyVariable];
            (0,secrets/* secretSink */._f)()?.(systemKey);
            return { source: new HttpApiSource({ endpoint: target.endpoint, systemKey, signal: requests }), secrets: [systemKey] };
        }
        case 'storage': {
            const { hub, connection, resolved, close } = await openHistorySource(target.hub, services, requests);
            if (resolved.origin)
                events.onNotice?.(`from the app's files: ${resolved.origin}`);
            return { source: hub, hub, secrets: connection.secrets, close };
        }
    }
}
/** One poll in one line: how many are in flight, the oldest, the change, and with the new code judging, how many it breaks. */
function pollLine(poll, judged) {
    const oldest = poll.oldest
        ? `, oldest ${(0,options/* printable */.g$)(poll.oldest.instanceId)} (${(0,options/* printable */.g$)(poll.oldest.name)}, ${poll.oldest.runtimeStatus} since ${poll.oldest.createdTime ?? '?'})`
        : '';
    const change = poll.change === undefined ? '' : `, ${poll.change >= 0 ? '+' : ''}${poll.change} since last poll`;
    const stale = poll.stale ? `, ${poll.stale} possibly stuck` : '';
    const breaking = judged
        ? `; ${poll.breaking ?? poll.blocking} the new code breaks or cannot check, ${poll.inFlight - (poll.breaking ?? poll.blocking)} replay cleanly`
        : '';
    return `poll ${poll.poll}: ${poll.inFlight} in flight${oldest}${change}${stale}${breaking}`;
}
function ago(seconds) {
    if (seconds === undefined)
        return '?';
    const d = Math.floor(seconds / 86_400);
    const h = Math.floor((seconds % 86_400) / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m ${seconds % 60}s`;
}
/** The report as text: the outcome first, then what blocks (a table) when it did not pass. */
function renderGateText(report) {
    const lines = [];
    switch (report.outcome) {
        case 'drained':
            if (report.waitFor === 'breaking' && report.safe?.length) {
                const passed = report.ignoredStale.length
                    ? `Nothing in flight that the new code breaks, except ${report.ignoredStale.length} possibly stuck instance(s) let through by ${(0,option_names/* option */.u)('ignore-stale')} (${report.ignoredStale.map(options/* printable */.g$).join(', ')}): they will fail on the new code if they ever resume`
                    : 'Nothing in flight that the new code breaks';
                lines.push(`${passed}, after ${report.polls} poll(s), ${report.waitedSeconds} s: the deployment may go on. ${report.safe.length} instance(s) still in flight replay cleanly on the new code and continue on it:`);
                for (const i of report.safe)
                    lines.push(`  ${(0,options/* printable */.g$)(i.instanceId)} (${(0,options/* printable */.g$)(i.name)}, ${i.runtimeStatus}): ${i.reason ?? ''}`);
                break;
            }
            lines.push(`Drained after ${report.polls} poll(s), ${report.waitedSeconds} s: nothing in flight blocks the deployment.`);
            if (report.ignoredStale.length)
                lines.push(`Let through as possibly stuck (${(0,option_names/* option */.u)('ignore-stale')}): ${report.ignoredStale.map(options/* printable */.g$).join(', ')}`);
            break;
        case 'timeout':
            lines.push(report.waitFor === 'breaking'
                ? `Timed out after ${report.waitedSeconds} s and ${report.polls} poll(s): ${report.blocking?.length ?? 0} instance(s) in flight that the new code breaks (or that could not be checked) have not finished. Do not deploy over this task hub yet: let them finish, or see the advice of durable-gate replay.`
                : `Timed out after ${report.waitedSeconds} s and ${report.polls} poll(s): ${report.inFlight.length} instance(s) still in flight. Do not deploy over this task hub yet.`);
            break;
        case 'cancelled':
            lines.push(`Cancelled after ${report.polls} poll(s): nothing was decided; do not deploy.`);
            break;
        case 'error':
            lines.push(`Could not query the task hub (the gate fails closed; do not deploy): ${report.error ?? ''}`);
            break;
    }
    const shown = report.waitFor === 'breaking' ? (report.blocking ?? []) : report.inFlight;
    if (report.outcome !== 'drained' && shown.length > 0) {
        const selective = report.waitFor === 'breaking';
        const rows = [
            ['instance', 'orchestrator', 'status', 'created', 'last updated', 'age', ...(selective ? ['verdict', 'why it blocks'] : [])],
            ...shown.map((i) => [
                (0,options/* printable */.g$)(i.instanceId),
                (0,options/* printable */.g$)(i.name),
                i.runtimeStatus + (i.possiblyStuck ? ' (possibly stuck)' : ''),
                i.createdTime ?? '',
                i.lastUpdatedTime ?? '',
                ago(i.ageSeconds),
                ...(selective ? [i.verdict ?? 'not checked', (0,options/* printable */.g$)(i.reason ?? '')] : []),
            ]),
        ];
        const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
        for (const row of rows)
            lines.push(row
                .map((cell, c) => cell.padEnd(widths[c]))
                .join('  ')
                .trimEnd());
        if (shown.some((i) => i.possiblyStuck))
            lines.push(`Possibly stuck: not updated for longer than ${(0,option_names/* option */.u)('stale-after')}. Check them; ${(0,option_names/* option */.u)('ignore-stale')} lets them pass.`);
        if (selective && report.safe?.length)
            lines.push(`${report.safe.length} other instance(s) in flight replay cleanly on the new code: not waited for.`);
    }
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./harness/report/write.ts
var write = __webpack_require__(1967);
// EXTERNAL MODULE: ./harness/replay/inputs.ts
var inputs = __webpack_require__(464);
;// CONCATENATED MODULE: ./src/taskhub/redact.ts
/**
 * Redaction of recorded histories: values inside the events' JSON payloads are replaced by
 * "[redacted]"; event types, names, ids, timestamps and sequence numbers are never touched.
 *
 * Path syntax (property names match in any letter case; a bad path throws a UsageError):
 *   [kind:]$ segment*      kind: input (Input), result (Result), failure (Reason, Details);
 *                          without a kind, all four payload fields
 *   .name  ["any key"]     a property              [*]  .*   every element or property
 *   [2]                    an array element        ..name     a property at any depth
 * e.g. $.customer.email, input:$.items[*].sku, result:$.token, $..email, $ (the whole payload).
 */




const KINDS = { input: ['Input'], result: ['Result'], failure: ['Reason', 'Details'] };
const FIELDS = ['Input', 'Result', 'Reason', 'Details'];
const EXPECTED = 'expected [input:|result:|failure:]$ followed by .name, ["name"], [0], [*], .* or ..name, e.g. $.customer.email, input:$.items[*].sku or $..email';
const TOKEN = /\.\.([A-Za-z_$][\w$-]*)|\.([A-Za-z_$][\w$-]*)|\.\*|\[\*\]|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
// Hand-written, not a JSONPath package: this subset (names, indexes, *, ..name, a payload kind) is all redaction needs, and each bad path gets a message naming it.
function parseRedactPath(text) {
    const bad = (why) => new errors/* UsageError */.eb(`redact path ${JSON.stringify(text)}: ${why}; ${EXPECTED}.`);
    const source = text.trim();
    let rest = source;
    let kind;
    const prefix = /^([A-Za-z]+):/.exec(source);
    if (prefix) {
        const name = prefix[1].toLowerCase();
        if (!Object.hasOwn(KINDS, name))
            throw bad(`"${prefix[1]}" is not a payload kind (input, result or failure)`);
        kind = name;
        rest = source.slice(prefix[0].length);
    }
    if (rest[0] !== '$')
        throw bad(rest === '' ? 'the path is empty' : 'a path starts with $ (the payload)');
    const segments = [];
    TOKEN.lastIndex = 1;
    while (TOKEN.lastIndex < rest.length) {
        const at = TOKEN.lastIndex;
        const m = TOKEN.exec(rest);
        if (!m)
            throw bad(`cannot read ${JSON.stringify(rest.slice(at))}`);
        if (m[1] !== undefined)
            segments.push({ type: 'name', name: m[1], deep: true });
        else if (m[2] !== undefined)
            segments.push({ type: 'name', name: m[2], deep: false });
        else if (m[3] !== undefined)
            segments.push({ type: 'index', index: Number(m[3]) });
        else if (m[4] !== undefined)
            segments.push({ type: 'name', name: JSON.parse(m[4]), deep: false });
        else
            segments.push({ type: 'any' });
    }
    return { text: source, ...(kind ? { kind } : {}), segments };
}
/** Entity messages (EventSent to "@entity@key"): replay reads these fields, so they are kept. */
const ENTITY_FIELDS = new Set(['id', 'op', 'signal', 'parent', 'parentExecution', 'lockSet', 'position']);
const isNode = (value) => typeof value === 'object' && value !== null;
const keysOf = (node) => (Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node));
/** Redacts one payload text; undefined when it is not JSON or nothing matched. */
function redactText(text, paths, entityMessage) {
    let root;
    try {
        root = JSON.parse(text);
    }
    catch {
        // Plain text (a failure's Reason or Details): only a path naming the whole payload ($) reaches it.
        return !entityMessage && paths.some((p) => p.segments.length === 0) ? { text: inputs/* REDACTED */.XF, count: 1 } : undefined;
    }
    const holder = { $: root };
    let count = 0;
    const replace = (parent, key) => {
        const value = parent[key];
        if (value === inputs/* REDACTED */.XF || (entityMessage && parent === root && ENTITY_FIELDS.has(String(key))))
            return;
        if (entityMessage && parent === holder && isNode(value) && !Array.isArray(value)) {
            for (const k of Object.keys(value))
                replace(value, k);
            return;
        }
        parent[key] = inputs/* REDACTED */.XF;
        count += 1;
    };
    const visit = (parent, key, segments, i) => {
        const segment = segments[i];
        if (segment === undefined)
            return replace(parent, key);
        const value = parent[key];
        if (!isNode(value))
            return;
        for (const k of keysOf(value)) {
            if (segment.type === 'any' || (segment.type === 'index' && k === segment.index))
                visit(value, k, segments, i + 1);
            else if (segment.type === 'name' && typeof k === 'string' && k.toLowerCase() === segment.name.toLowerCase())
                visit(value, k, segments, i + 1);
            if (segment.type === 'name' && segment.deep)
                visit(value, k, segments, i);
        }
    };
    for (const path of paths)
        visit(holder, '$', path.segments, 0);
    return count === 0 ? undefined : { text: JSON.stringify(holder.$), count };
}
/**
 * A redacted copy of `file` (which is not changed) and the number of values replaced. Payloads
 * nothing matched are kept as they are, byte for byte; a payload that is not JSON is replaced only
 * by a path naming the whole payload ($).
 */
function redactHistory(file, paths) {
    const { history, ...meta } = structuredClone(file);
    let total = 0;
    for (const event of history) {
        const entityMessage = event.EventType === history_events/* EventType */.Bx.EventSent && typeof event.InstanceId === 'string' && event.InstanceId.startsWith('@');
        for (const field of FIELDS) {
            const text = event[field];
            const applicable = paths.filter((p) => p.kind === undefined || KINDS[p.kind].includes(field));
            if (typeof text !== 'string' || text === '' || applicable.length === 0)
                continue;
            const done = redactText(text, applicable, entityMessage);
            if (!done)
                continue;
            event[field] = done.text;
            total += done.count;
        }
    }
    const before = Array.isArray(meta.redacted) ? meta.redacted : [];
    const redacted = [...new Set([...before, ...paths.map((p) => p.text)])];
    return { file: { ...meta, redacted, history }, redacted: total };
}

;// CONCATENATED MODULE: ./src/taskhub/retention.ts
/**
 * Retention for a folder of recorded histories: removes history files recorded longer ago than
 * `maxAgeMs`, then keeps only the `keepPerOrchestrator` most recently recorded files of each
 * orchestrator (equal `recordedAt`: the file name first in sort order is kept). Only `*.json`
 * files holding a durable-gate history file (schema, name and a valid recordedAt) are
 * candidates; anything else, including JSON that cannot be parsed, is never touched. A file
 * that changed since it was read (a `record` run replaced it) is not removed.
 */




async function pruneHistories(dir, options) {
    const { keepPerOrchestrator: keep, maxAgeMs } = options;
    if (keep !== undefined && (!Number.isInteger(keep) || keep < 1))
        throw new errors/* UsageError */.eb(`keep per orchestrator must be a whole number of 1 or more, not ${keep}.`);
    if (maxAgeMs !== undefined && !(maxAgeMs > 0 && Number.isFinite(maxAgeMs)))
        throw new errors/* UsageError */.eb(`max age must be a positive duration, not ${maxAgeMs} ms.`);
    const now = (options.now ?? new Date()).getTime();
    const summary = { kept: 0, removed: [], skipped: [] };
    const candidates = [];
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => compare(a.name, b.name))) {
        if (!entry.isFile() || !entry.name.endsWith('.json'))
            continue;
        const file = (0,external_node_path_.join)(dir, entry.name);
        const read = await readCandidate(file);
        if (typeof read === 'string')
            summary.skipped.push({ file, reason: read });
        else
            candidates.push(read);
    }
    const doomed = new Map();
    for (const c of candidates) {
        if (maxAgeMs !== undefined && now - c.recordedAt > maxAgeMs) {
            doomed.set(c, `recorded ${duration(now - c.recordedAt, Math.ceil)} ago, older than --max-age ${duration(maxAgeMs)}`);
        }
    }
    if (keep !== undefined) {
        const byName = new Map();
        for (const c of candidates)
            if (!doomed.has(c))
                byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
        for (const [name, group] of byName) {
            group.sort((a, b) => b.recordedAt - a.recordedAt || compare(a.file, b.file));
            for (const c of group.slice(keep))
                doomed.set(c, `more than ${keep} of ${name}: ${keep} recorded later are kept`);
        }
    }
    for (const c of candidates) {
        const reason = doomed.get(c);
        if (reason === undefined || !(await unchanged(c))) {
            summary.kept += 1;
            continue;
        }
        try {
            await (0,promises_.rm)(c.file);
        }
        catch (error) {
            const code = error.code;
            if (code !== 'ENOENT')
                throw new Error(`cannot remove ${c.file}: ${code ?? String(error)}`);
        }
        summary.removed.push({ file: c.file, reason });
    }
    return summary;
}
/** The history file's facts, or why it is left alone. */
async function readCandidate(file) {
    let text;
    let value;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
        value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    }
    catch (error) {
        return error instanceof SyntaxError ? 'not valid JSON' : `cannot read it (${error.code ?? String(error)})`;
    }
    const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
    if (record.schema !== history_events/* HISTORY_SCHEMA */.NF)
        return `not a durable-gate history file (no "schema": "${history_events/* HISTORY_SCHEMA */.NF}")`;
    if (typeof record.name !== 'string' || record.name === '')
        return 'the history file names no orchestrator ("name")';
    const recordedAt = typeof record.recordedAt === 'string' ? Date.parse(record.recordedAt) : NaN;
    if (Number.isNaN(recordedAt))
        return 'the history file has no valid "recordedAt" time';
    return { file, text, name: record.name, recordedAt };
}
async function unchanged(c) {
    return (0,promises_.readFile)(c.file, 'utf8').then((text) => text === c.text, () => false);
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
const UNITS = [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
];
/** 9d, 1.5d, 20h, 45s: the largest unit with at least 1, at most one decimal (rounded up for ages). */
function duration(ms, round = Math.round) {
    const [unit, size] = UNITS.find(([, size]) => ms >= size) ?? ['ms', 1];
    return `${round((ms / size) * 10) / 10}${unit}`;
}

// EXTERNAL MODULE: ./src/taskhub/keys.ts
var keys = __webpack_require__(1930);
;// CONCATENATED MODULE: ./src/taskhub/record.ts
/**
 * `durable-gate record`: one canonical history file (design.md) per instance. Files are written
 * whole (temporary file, then rename), never over another instance's file; an instance whose
 * execution changes while it is read is read again, and reported if it keeps changing.
 */












async function recordHistories(options) {
    const started = Date.now();
    const clock = options.clock ?? (() => new Date());
    const instances = [];
    const seen = new Set();
    let truncated = false;
    try {
        for await (const instance of options.hub.instances(options.query)) {
            if (seen.has(instance.instanceId))
                continue;
            if (options.limit !== undefined && instances.length >= options.limit) {
                truncated = true;
                break;
            }
            seen.add(instance.instanceId);
            instances.push(instance);
        }
    }
    catch (error) {
        // A cancel or the deadline while listing: said as such, not as the aborted request's error.
        if (options.signal?.aborted)
            throw new errors/* DurableGateError */.B7(`stopped before the instances in flight were listed (${(0,host/* stopReason */.PJ)(options.signal)}): nothing was recorded.`);
        throw error;
    }
    // Listing succeeded, so the hub exists: only now is the folder created.
    await (0,promises_.mkdir)(options.outDir, { recursive: true });
    const leftoversRemoved = await removeLeftovers(options.outDir);
    const summary = {
        instances: instances.length,
        written: 0,
        updated: 0,
        events: 0,
        bytes: 0,
        blobs: 0,
        seconds: 0,
        pendingWithoutHistory: [],
        externalPayloads: [],
        changed: [],
        vanished: [],
        unreadable: [],
        skipped: await explainMissing(options, seen),
        files: [],
        truncated,
        redacted: 0,
        pruned: [],
        notRecorded: [],
        leftoversRemoved,
    };
    // File names are chosen before any is written, so two instances can never race for one.
    const targets = await chooseTargets(options.outDir, instances.map((i) => i.instanceId));
    let next = 0;
    let done = 0;
    const concurrency = Math.min(options.concurrency ?? 16, Math.max(1, instances.length));
    const worker = async () => {
        while (next < instances.length && !options.signal?.aborted) {
            const instance = instances[next++];
            try {
                await recordOne(options, instance, summary, clock, targets.get(instance.instanceId));
            }
            catch (error) {
                // One instance never stops the others: it is reported and the run goes on.
                if (options.signal?.aborted)
                    summary.notRecorded.push(instance.instanceId);
                else
                    summary.unreadable.push({ instanceId: instance.instanceId, message: error instanceof Error && error.message ? error.message : String(error) });
            }
            done += 1;
            options.onProgress?.(done, instances.length);
        }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (options.signal?.aborted) {
        summary.stopped = (0,host/* stopReason */.PJ)(options.signal);
        summary.notRecorded.push(...instances.slice(next).map((i) => i.instanceId));
    }
    summary.files.sort();
    if (options.retention && (options.retention.keepPerOrchestrator !== undefined || options.retention.maxAgeMs !== undefined)) {
        summary.pruned = (await pruneHistories(options.outDir, { ...options.retention, now: clock() })).removed;
        const gone = new Set(summary.pruned.map((p) => p.file));
        summary.files = summary.files.filter((f) => !gone.has(f));
    }
    summary.seconds = (Date.now() - started) / 1000;
    return summary;
}
/** A temporary file as writeWhole names it: `<file>.json.<pid>.<random>.tmp`. */
const TEMP_FILE = /\.json\.(\d+)\.[a-z0-9]+\.tmp$/;
/** Temporary files left by a run that was killed mid-write (its process is gone): removed, never read as histories. */
async function removeLeftovers(dir) {
    let removed = 0;
    for (const name of await (0,promises_.readdir)(dir)) {
        const pid = TEMP_FILE.exec(name)?.[1];
        if (pid === undefined || processAlive(Number(pid)))
            continue;
        await (0,promises_.rm)((0,external_node_path_.join)(dir, name), { force: true });
        removed += 1;
    }
    return removed;
}
function processAlive(pid) {
    if (pid === process.pid)
        return true;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: it exists but belongs to someone else.
        return error.code === 'EPERM';
    }
}
/** For each instance the user named that was not listed: why. */
async function explainMissing(options, found) {
    const skipped = [];
    for (const id of new Set(options.query.instanceIds ?? [])) {
        if (found.has(id))
            continue;
        if (id.startsWith('@')) {
            skipped.push({ instanceId: id, reason: 'is a durable entity, not an orchestration: entities have no history to replay' });
            continue;
        }
        const [any] = await collect(options.hub.instances({ statuses: azure_tables/* ALL_STATUSES */.nY, instanceIds: [id] }));
        skipped.push({
            instanceId: id,
            reason: any ? `is ${any.runtimeStatus}, not one of the statuses asked for (${options.query.statuses.join(', ')})` : 'no such instance in the task hub',
        });
    }
    return skipped;
}
async function recordOne(options, instance, summary, clock, target) {
    for (let attempt = 0; attempt < 2; attempt++) {
        const { rows, blobs } = await options.hub.historyRows(instance.instanceId);
        const eventRows = rows.filter((r) => r.RowKey !== 'sentinel');
        if (eventRows.length === 0) {
            // No history: still Pending, or purged/deleted since it was listed. The runtime writes history
            // before an instance runs, so a running one without rows is a history that could not be read.
            const [still] = await collect(options.hub.instances({ statuses: options.query.statuses, instanceIds: [instance.instanceId] }));
            if (!still)
                summary.vanished.push(instance.instanceId);
            else if (still.runtimeStatus === 'Pending')
                summary.pendingWithoutHistory.push(instance.instanceId);
            else
                summary.unreadable.push({
                    instanceId: instance.instanceId,
                    message: `the task hub returned no history rows for this ${still.runtimeStatus} instance (the runtime writes them before an instance runs); record it again.`,
                });
            return;
        }
        let history;
        try {
            history = (0,load/* parseHistory */.i6)(rows, `${options.hub.historyTable}/${instance.instanceId}`);
        }
        catch (error) {
            summary.unreadable.push({ instanceId: instance.instanceId, message: error instanceof errors/* HistoryError */.tx ? error.detail : String(error) });
            return;
        }
        // The Instances row and the history must describe the same execution.
        if (instance.executionId && history.executionId && instance.executionId !== history.executionId) {
            const [again] = await collect(options.hub.instances({ statuses: options.query.statuses, instanceIds: [instance.instanceId] }));
            if (!again) {
                summary.changed.push(instance.instanceId);
                return;
            }
            instance = again;
            continue;
        }
        let file = {
            schema: history_events/* HISTORY_SCHEMA */.NF,
            taskHub: options.hub.taskHub,
            instanceId: instance.instanceId,
            ...(history.executionId ? { executionId: history.executionId } : {}),
            name: history.orchestrator,
            version: history.version,
            runtimeStatus: finishedStatus(history.events) ?? instance.runtimeStatus,
            recordedAt: clock().toISOString(),
            history: history.events,
        };
        if (options.redact?.length) {
            const redacted = redactHistory(file, options.redact);
            file = redacted.file;
            summary.redacted += redacted.redacted;
        }
        const text = JSON.stringify(file, null, 1) + '\n';
        const { path, replaced } = target;
        const events = history.events.length;
        // Written in this thread, while the other readers' queries are in flight: writing a history
        // file takes well under a millisecond, and a fraction of the CPU that trips through libuv's
        // thread pool cost (measured on 1,000 files of 5 KB: 0.03-0.3 CPU-s against 0.2-0.65).
        try {
            (0,write/* writeWholeSync */.Uh)(path, text);
        }
        catch (error) {
            summary.unreadable.push({
                instanceId: instance.instanceId,
                message: `cannot write ${path}: ${error.code ?? error.message}`,
            });
            return;
        }
        if (replaced)
            summary.updated += 1;
        else
            summary.written += 1;
        const references = history.externalPayloads;
        if (references)
            summary.externalPayloads.push({ instanceId: instance.instanceId, count: references.length, reference: references[0].reference });
        summary.events += events;
        summary.bytes += Buffer.byteLength(text);
        summary.blobs += blobs;
        summary.files.push(path);
        return;
    }
    summary.changed.push(instance.instanceId);
}
/**
 * Each instance's file. Another instance's file is never replaced, and names that differ only in
 * letter case count as the same (case-insensitive file systems): the later one gets a suffix.
 */
async function chooseTargets(dir, instanceIds) {
    // Existing files by lower-case name: on a case-insensitive file system "A.json" is "a.json".
    const existing = new Map((await (0,promises_.readdir)(dir)).map((name) => [name.toLowerCase(), name]));
    const claimed = new Set();
    const targets = new Map();
    for (const instanceId of instanceIds) {
        const base = (0,keys/* fileNameFor */.dJ)(instanceId);
        const candidates = [`${base}.json`, `${base}~${(0,external_node_crypto_.createHash)('sha256').update(instanceId).digest('hex').slice(0, 10)}.json`];
        const owners = await Promise.all(candidates.map(async (name) => {
            const actual = existing.get(name.toLowerCase());
            return actual === undefined ? undefined : ownerOf((0,external_node_path_.join)(dir, actual));
        }));
        // The file this instance already has wins; else the first name nobody holds.
        let index = owners.findIndex((owner, i) => owner === instanceId && !claimed.has(candidates[i].toLowerCase()));
        if (index < 0)
            index = owners.findIndex((owner, i) => owner === undefined && !claimed.has(candidates[i].toLowerCase()));
        if (index < 0)
            throw new Error(`cannot find a free file name for instance ${instanceId} in ${dir}: other instances' files already use its names.`);
        const name = existing.get(candidates[index].toLowerCase()) ?? candidates[index];
        claimed.add(name.toLowerCase());
        targets.set(instanceId, { path: (0,external_node_path_.join)(dir, name), replaced: owners[index] === instanceId });
    }
    return targets;
}
/** The instance id a history file holds; undefined when there is no file; null when the name is taken by something else. */
async function ownerOf(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (error) {
        return error.code === 'ENOENT' ? undefined : null;
    }
    try {
        const owner = JSON.parse(text).instanceId;
        return typeof owner === 'string' ? owner : null;
    }
    catch {
        return null;
    }
}
const STATUS_NAMES = ['Running', 'Completed', 'ContinuedAsNew', 'Failed', 'Canceled', 'Terminated', 'Pending', 'Suspended'];
/** An instance that finished while it was being read says so in its history. */
function finishedStatus(events) {
    const completed = events.find((e) => e.EventType === history_events/* EventType */.Bx.ExecutionCompleted);
    if (!completed)
        return undefined;
    const status = completed.OrchestrationStatus;
    return typeof status === 'number' ? STATUS_NAMES[status] : typeof status === 'string' ? status : undefined;
}
async function collect(items) {
    const out = [];
    for await (const item of items)
        out.push(item);
    return out;
}

;// CONCATENATED MODULE: ./src/commands/record.ts
/**
 * `record`: its settings, parsed once from either front end, and the job: export the histories of
 * in-flight instances, one history file per instance, within the timeout.
 */









const RECORD_OPTIONS = {
    ...HUB_OPTIONS,
    out: 'text',
    status: 'list',
    orchestrator: 'list',
    instance: 'list',
    'created-after': 'text',
    limit: 'text',
    redact: 'list',
    'keep-per-orchestrator': 'text',
    'max-age': 'text',
    timeout: 'text',
};
function readRecordSettings(given) {
    const input = (0,commands_input/* declaredInput */.B)('record', RECORD_OPTIONS, given);
    const out = input.text('out');
    if (!out)
        throw new errors/* UsageError */.eb(`missing ${input.label('out')}: the folder for the history files.`);
    const hub = readHubSettings(input, 'the task hub to record from');
    const created = input.text('created-after');
    const limit = input.text('limit');
    // Function names cannot hold a comma: "A,B" names two, as one per line does.
    const names = input.list('orchestrator').flatMap(splitCommas);
    const instanceIds = input
        .list('instance')
        .map((id) => id.trim())
        .filter(Boolean);
    const redactPaths = input.list('redact').flatMap(splitLines).map(parseRedactPath);
    const keep = input.text('keep-per-orchestrator');
    const maxAge = input.text('max-age');
    const keepPerOrchestrator = keep ? (0,options/* parseCount */.zq)(input.label('keep-per-orchestrator'), keep) : undefined;
    const maxAgeMs = maxAge ? (0,options/* parseDuration */.E9)(input.label('max-age'), maxAge) : undefined;
    const timeoutText = input.text('timeout') ?? '30m';
    return {
        hub,
        out,
        statuses: (0,options/* parseStatuses */.O7)(input.label('status'), input.list('status')),
        ...(names.length ? { names } : {}),
        ...(instanceIds.length ? { instanceIds } : {}),
        ...(created ? { createdAfter: (0,options/* parseTime */.pe)(input.label('created-after'), created) } : {}),
        ...(limit ? { limit: (0,options/* parseCount */.zq)(input.label('limit'), limit) } : {}),
        ...(redactPaths.length ? { redact: redactPaths } : {}),
        ...(keepPerOrchestrator !== undefined || maxAgeMs !== undefined
            ? { retention: { ...(keepPerOrchestrator !== undefined ? { keepPerOrchestrator } : {}), ...(maxAgeMs !== undefined ? { maxAgeMs } : {}) } }
            : {}),
        timeoutMs: (0,options/* parseDuration */.E9)(input.label('timeout'), timeoutText),
        timeoutReason: input.passed('timeout', timeoutText),
    };
}
const splitCommas = (value) => value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
const splitLines = (value) => value
    .split(/\r?\n/)
    .map((part) => part.trim())
    .filter(Boolean);
/**
 * Records within the timeout. An error reading the hub (it cannot be reached, refuses, answers
 * nonsense) is thrown with secrets redacted: nothing was recorded.
 */
async function runRecord(settings, services, events = {}) {
    const deadline = (0,src_deadline/* withDeadline */.NE)(services.signal, settings.timeoutMs, settings.timeoutReason);
    const { hub, connection, resolved, close } = await openHistorySource(settings.hub, services, deadline.signal);
    events.onNotice?.(`reading ${hub.describe}${resolved.origin ? ` (${resolved.origin})` : ''}`);
    const outDir = (0,external_node_path_.resolve)(services.cwd, settings.out);
    try {
        const summary = await recordHistories({
            signal: deadline.signal,
            hub,
            outDir,
            query: {
                statuses: settings.statuses,
                ...(settings.createdAfter ? { createdAfter: settings.createdAfter } : {}),
                ...(settings.names ? { names: settings.names } : {}),
                ...(settings.instanceIds ? { instanceIds: settings.instanceIds } : {}),
            },
            ...(settings.limit ? { limit: settings.limit } : {}),
            ...(settings.redact ? { redact: settings.redact } : {}),
            ...(settings.retention ? { retention: settings.retention } : {}),
            ...(events.onProgress ? { onProgress: events.onProgress } : {}),
        });
        const text = recordText(summary, (0,paths/* displayPath */.Gt)(outDir, services.cwd), connection.secrets);
        return { taskHub: resolved.taskHub, out: outDir, summary, ...text, exitCode: summary.stopped ? 2 : text.missed > 0 ? 1 : 0 };
    }
    catch (error) {
        throw new errors/* DurableGateError */.B7((0,options/* redact */.E$)((0,errors/* errorMessage */.gJ)(error), connection.secrets));
    }
    finally {
        close();
        deadline.clear();
    }
}
function recordText(summary, out, secrets) {
    const headline = `Recorded ${summary.written + summary.updated} of ${summary.instances} instance(s) to ${out}: ${summary.written} new, ${summary.updated} updated, ` +
        `${summary.events} events, ${summary.bytes} bytes${summary.blobs ? `, ${summary.blobs} large values fetched from blobs` : ''}, ${summary.seconds.toFixed(1)} s.`;
    const notes = [
        ...(summary.stopped
            ? [
                `Stopped: ${summary.stopped}. ${summary.notRecorded.length} instance(s) not recorded (no partial file was left; run record again to finish): ${listSome(summary.notRecorded)}`,
            ]
            : []),
        ...(summary.leftoversRemoved ? [`Removed ${summary.leftoversRemoved} temporary file(s) left by an earlier run that was stopped mid-write.`] : []),
        ...(summary.truncated ? ['Stopped at the limit: more instances match.'] : []),
        ...summary.pendingWithoutHistory.map((id) => `Pending, no history yet (nothing to replay): ${id}`),
        ...summary.vanished.map((id) => `Not recorded: ${id} was gone by the time its history was read (purged, or no longer in flight).`),
        ...summary.changed.map((id) => `Not recorded: ${id} changed execution while it was read (continue-as-new or restart); record again.`),
        ...summary.unreadable.map(({ instanceId, message }) => `Not recorded: ${instanceId}: ${(0,options/* redact */.E$)(message, secrets)}`),
        ...summary.skipped.map(({ instanceId, reason }) => `Not recorded: instance ${instanceId} ${reason}.`),
        ...(summary.redacted ? [`Redacted ${summary.redacted} payload value(s); each file lists the paths applied in "redacted".`] : []),
        ...(summary.externalPayloads.length
            ? [
                `Recorded with references: ${summary.externalPayloads.length} instance(s) hold payloads the SDK kept in Blob Storage, with only a reference in the history (the first: ${summary.externalPayloads[0].reference}); a replay says when its verdict would rest on one: ${listSome(summary.externalPayloads.map(({ instanceId, count }) => `${instanceId} (${count})`))}`,
            ]
            : []),
        ...summary.pruned.map(({ file, reason }) => `Removed ${(0,external_node_path_.basename)(file)}: ${reason}.`),
    ].map(options/* printable */.g$);
    return { headline, notes, missed: summary.changed.length + summary.unreadable.length + summary.skipped.length };
}
/** Up to `shown` ids, then how many more. */
function listSome(ids, shown = 20) {
    return ids.slice(0, shown).join(', ') + (ids.length > shown ? ` and ${ids.length - shown} more` : '');
}

// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __webpack_require__(7593);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __webpack_require__(7485);
;// CONCATENATED MODULE: ./src/cli/taskhub.ts
/** `durable-gate record` and `durable-gate gate` on the command line: flags in, lines and the report out, the exit code. */






async function recordCommand(args, io, signal) {
    if (args.some((a) => a === '--http-endpoint' || a.startsWith('--http-endpoint='))) {
        throw new errors/* UsageError */.eb("record cannot use --http-endpoint: the HTTP API's history (showHistory) drops the sequence ids and events a replay needs. Record from the task hub's storage with --connection.");
    }
    const { values, input } = (0,cli_args/* parseCommandArgs */.Qx)('record', args, RECORD_OPTIONS);
    if (values.help) {
        io.stdout.write(usage/* RECORD_USAGE */.cZ);
        return 0;
    }
    const settings = (0,cli_args/* withHelpHint */.dn)('record', () => readRecordSettings(input));
    const progress = io.stderr.isTTY === true;
    const report = await runRecord(settings, { cwd: io.cwd, env: io.env, ...(signal ? { signal } : {}) }, {
        onNotice: (0,cli_args/* say */.cv)(io),
        onWarning: (0,cli_args/* say */.cv)(io, 'warning: '),
        onProgress: (done, total) => {
            if (progress && total >= 20)
                io.stderr.write(done < total ? `\rrecorded ${done}/${total}` : '\r\u001b[K');
        },
    });
    io.stdout.write([report.headline, ...report.notes].join('\n') + '\n');
    return report.exitCode;
}
async function gateCommand(args, io, signal) {
    const { values, input } = (0,cli_args/* parseCommandArgs */.Qx)('gate', args, GATE_OPTIONS);
    if (values.help) {
        io.stdout.write(usage/* GATE_USAGE */.y3);
        return 0;
    }
    const settings = (0,cli_args/* withHelpHint */.dn)('gate', () => readGateSettings(input, io.env));
    const report = await runGateCommand(settings, { cwd: io.cwd, env: io.env, ...(signal ? { signal } : {}) }, {
        onStart: (0,cli_args/* say */.cv)(io),
        onNotice: (0,cli_args/* say */.cv)(io),
        onWarning: (0,cli_args/* say */.cv)(io, 'warning: '),
        onPoll: (_, line) => io.stderr.write(`${line}\n`),
    });
    io.stdout.write(settings.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderGateText(report));
    return gateExitCode(report);
}


/***/ })

};
