export const id = 298;
export const ids = [298];
export const modules = {

/***/ 210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ AZURE_OPTIONS),
/* harmony export */   k: () => (/* binding */ AZURE_HELP)
/* harmony export */ });
/** The options every command that reaches Azure Resource Manager takes. */
const AZURE_HELP = `Azure:
  --app-name <name>       The function app (site) name.
  --resource-group <name> Its resource group.
  --subscription <id>     Its subscription (default: AZURE_SUBSCRIPTION_ID).
  --auth <kind>           azure-cli (default: the login az or azure/login left), oidc (GitHub's OIDC
                          token for --client-id in --tenant-id; the job needs id-token: write),
                          managed-identity (self-hosted runners), default (DefaultAzureCredential).
  --client-id <id>        oidc: the app registration or managed identity (default AZURE_CLIENT_ID);
                          managed-identity: a user-assigned identity.
  --tenant-id <id>        The tenant (default AZURE_TENANT_ID).
  --environment <cloud>   AzureCloud (default), AzureChinaCloud or AzureUSGovernment.
  --arm-endpoint <url>    Another Resource Manager endpoint (Azure Stack, private clouds).`;
const AZURE_OPTIONS = {
    'app-name': { type: 'string' },
    'resource-group': { type: 'string' },
    subscription: { type: 'string' },
    auth: { type: 'string' },
    'client-id': { type: 'string' },
    'tenant-id': { type: 'string' },
    environment: { type: 'string' },
    'arm-endpoint': { type: 'string' },
    slot: { type: 'string' },
};


/***/ }),

/***/ 6052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AD: () => (/* binding */ parseWaitFor),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   E9: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_2__.E),
/* harmony export */   O7: () => (/* binding */ parseStatuses),
/* harmony export */   g$: () => (/* reexport safe */ _harness_report_text_js__WEBPACK_IMPORTED_MODULE_3__.g$),
/* harmony export */   pe: () => (/* binding */ parseTime),
/* harmony export */   zq: () => (/* binding */ parseCount)
/* harmony export */ });
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9410);
/* harmony import */ var _taskhub_azure_tables_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2645);
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3180);
/* harmony import */ var _harness_report_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1941);
/** Option values shared by the commands, parsed once with messages that quote the bad value. */


// Kept apart so that replay parses durations without loading the Azure SDKs.

function parseStatuses(option, values) {
    if (!values || values.length === 0)
        return [..._taskhub_azure_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .IN_FLIGHT_STATUSES */ .MZ];
    if (values.every((v) => v.split(',').every((part) => part.trim() === ''))) {
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid ${option} '${values.join(',')}': it names no status. Expected one or more of ${_taskhub_azure_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .ALL_STATUSES */ .nY.join(', ')}, separated by commas, or leave ${option} out for the in-flight ones.`);
    }
    const out = [];
    for (const raw of values.flatMap((v) => v.split(','))) {
        const value = raw.trim();
        if (!value)
            continue;
        const match = _taskhub_azure_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .ALL_STATUSES */ .nY.find((s) => s.toLowerCase() === value.toLowerCase());
        if (!match)
            throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid ${option} '${value}'. Expected one or more of ${_taskhub_azure_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .ALL_STATUSES */ .nY.join(', ')}, separated by commas.`);
        if (!out.includes(match))
            out.push(match);
    }
    return out;
}
/** Strict ISO 8601: a date (read as UTC midnight) or a date-time with Z or an offset. */
function parseTime(option, text) {
    const match = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?(Z|[+-]\d\d:\d\d))?$/.exec(text.trim());
    const invalid = new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid ${option} '${text}'. Expected an ISO 8601 date or time with its zone, such as 2026-11-20 or 2026-11-20T08:00:00Z.`);
    if (!match || (match[4] !== undefined && match[7] === undefined))
        throw invalid;
    const [, y, m, d] = match;
    const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(m) - 1 || day.getUTCDate() !== Number(d))
        throw invalid;
    const time = Date.parse(match[4] === undefined ? `${text.trim()}T00:00:00Z` : text.trim());
    if (Number.isNaN(time))
        throw invalid;
    return new Date(time);
}
function parseCount(option, text) {
    if (!/^\d+$/.test(text) || Number(text) < 1)
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid ${option} '${text}'. Expected a whole number of 1 or more.`);
    return Number(text);
}
/** Never print a secret: keys, SAS signatures, tokens, whole connection strings. */
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets)
        if (secret.length >= 8)
            out = out.split(secret).join('***');
    return out
        .replace(/(AccountKey=)[^;\s]+/gi, '$1***')
        .replace(/(SharedAccessSignature=)[^;\s]+/gi, '$1***')
        .replace(/([?&]sig=)[^&\s]+/gi, '$1***')
        .replace(/(Bearer\s+)[A-Za-z0-9._-]+/g, '$1***');
}
// Instance ids come from callers: shown with control characters escaped, never raw.

/** gate --wait-for: every instance in flight (all), or only those the new code breaks (breaking). */
function parseWaitFor(text) {
    const value = (text || 'all').toLowerCase();
    if (value !== 'all' && value !== 'breaking')
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid wait-for '${text}'. Expected all (every instance in flight) or breaking (only those the new code breaks; needs the app).`);
    return value;
}


/***/ }),

/***/ 5298:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GATE_USAGE: () => (/* binding */ GATE_USAGE),
  RECORD_USAGE: () => (/* binding */ RECORD_USAGE),
  gateCommand: () => (/* binding */ gateCommand),
  parse: () => (/* binding */ parse),
  recordCommand: () => (/* binding */ recordCommand),
  recordKeeping: () => (/* binding */ recordKeeping),
  recordReport: () => (/* binding */ recordReport),
  renderGateText: () => (/* binding */ renderGateText)
});

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./harness/errors.ts
var errors = __webpack_require__(9410);
// EXTERNAL MODULE: ./harness/history/paths.ts
var paths = __webpack_require__(1626);
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
/** Replays in-flight histories from an Azure Storage task hub against the new code, with a cache keyed by execution and last update. */
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
function race(work, signal, limitMs) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve('late'), Math.min(limitMs, 2_000_000_000));
        const onAbort = () => resolve('cancelled');
        signal?.addEventListener('abort', onAbort, { once: true });
        work.then(resolve, reject).finally(() => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
        });
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
            return app?.close();
        });
        return { found, report };
    }
    finally {
        work.clear();
    }
}

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
/** The longest Retry-After honoured: the gate's own timeout counts more than the service's guess. */
const MAX_RETRY_AFTER_MS = 60_000;
/** A listing longer than this is not a task hub's in-flight list but a service going round in circles. */
const MAX_PAGES = 10_000;
class HttpApiSource {
    options;
    base;
    constructor(options) {
        this.options = options;
        let url;
        try {
            url = new URL(options.endpoint);
        }
        catch {
            throw new errors/* UsageError */.eb(`Invalid --http-endpoint '${options.endpoint}'. Expected the app's URL, e.g. https://my-app.azurewebsites.net.`);
        }
        if (url.protocol !== 'https:' && url.protocol !== 'http:')
            throw new errors/* UsageError */.eb(`Invalid --http-endpoint '${options.endpoint}'. Expected an http(s) URL.`);
        const path = url.pathname.replace(/\/+$/, '');
        url.pathname = /\/runtime\/webhooks\/durabletask$/i.test(path) ? path : `${path}/runtime/webhooks/durabletask`;
        url.search = '';
        this.base = url;
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
        const signal = anySignal(this.options.signal, query.signal);
        const names = query.names?.map((n) => n.toLowerCase());
        const seen = new Set();
        let token;
        let pages = 0;
        do {
            if (++pages > MAX_PAGES)
                throw new HttpApiError(`${this.describe}: more than ${MAX_PAGES} pages of instances, each with a continuation token: stopped reading. Is --http-endpoint the function app's URL?`);
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
        const odd = (what) => new HttpApiError(`${this.describe}: the instances list ${what} (HTTP ${response.status}, ${(0,http/* describeBody */.MP)(response)}), so nothing can be said of what is in flight. Is --http-endpoint the function app's URL, with nothing (a proxy, a sign-in page) answering in its place?`);
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
    /** One GET with retries on 429, 5xx, resets and timeouts within the retry budget; Retry-After is honoured, up to a minute. */
    async get(url, headers, signal) {
        const retries = this.options.retries ?? 6;
        const sleep = this.options.sleep ?? http/* sleep */.yy;
        const deadline = Date.now() + (this.options.retryBudgetMs ?? 120_000);
        const cancelled = () => new HttpApiError(`${this.describe}: stopped (${(0,host/* stopReason */.PJ)(signal)}) before the instances list was read.`);
        for (let attempt = 0;; attempt++) {
            if (signal?.aborted)
                throw cancelled();
            let retryAfterMs;
            let failure;
            try {
                const response = await (0,http/* send */.tN)(url, {
                    headers: { accept: 'application/json', 'x-functions-key': this.options.systemKey, ...headers },
                    timeoutMs: Math.min(this.options.timeoutMs ?? 30_000, Math.max(deadline - Date.now(), 5000)),
                    ...(this.options.ca ? { ca: this.options.ca } : {}),
                    ...(signal ? { signal } : {}),
                });
                const { status } = response;
                if (status === 200)
                    return response;
                retryAfterMs = (0,http/* retryAfter */.P9)(response.headers['retry-after']);
                failure = `HTTP ${status}${response.body ? ` (${(0,http/* describeBody */.MP)(response)})` : ''}`;
                if (status === 401 || status === 403)
                    throw new HttpApiError(`${this.describe}: the system key was refused (HTTP ${status}). Use the durabletask_extension system key (az functionapp keys list ... --query systemKeys.durabletask_extension).`);
                if (status === 404)
                    throw new HttpApiError(`${this.describe}: not found (HTTP 404). Is --http-endpoint the function app's URL, and is the app running?`);
                // The list answers 200; another 2xx or a redirect (a sign-in page, a proxy) is not the list.
                if (status < 400)
                    throw new HttpApiError(`${this.describe}: the instances list was answered with ${failure}, not the list. Is --http-endpoint the function app's URL, with nothing answering in its place?`);
                if (status !== 408 && status !== 429 && status < 500)
                    throw new HttpApiError(`${this.describe}: ${failure}`);
            }
            catch (error) {
                if (error instanceof HttpApiError)
                    throw error;
                if (signal?.aborted)
                    throw cancelled();
                const tls = (0,http/* tlsProblem */.hE)(error);
                if (tls)
                    throw new HttpApiError(`${this.describe}: ${tls}`);
                failure = error.code || error.message;
            }
            const pause = Math.min(retryAfterMs ?? Math.min(30_000, (this.options.retryDelayMs ?? 1000) * 2 ** attempt), MAX_RETRY_AFTER_MS);
            if (attempt >= retries || Date.now() + pause > deadline)
                throw new HttpApiError(`${this.describe}: ${failure} (after ${attempt + 1} attempt(s)).`);
            await sleep(pause, signal);
        }
    }
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
function anySignal(...signals) {
    const present = signals.filter((s) => s !== undefined);
    return present.length <= 1 ? present[0] : AbortSignal.any(present);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./harness/report/write.ts
var write = __webpack_require__(1967);
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


const REDACTED = '[redacted]';
const KINDS = { input: ['Input'], result: ['Result'], failure: ['Reason', 'Details'] };
const FIELDS = ['Input', 'Result', 'Reason', 'Details'];
const EXPECTED = 'expected [input:|result:|failure:]$ followed by .name, ["name"], [0], [*], .* or ..name, e.g. $.customer.email, input:$.items[*].sku or $..email';
const TOKEN = /\.\.([A-Za-z_$][\w$-]*)|\.([A-Za-z_$][\w$-]*)|\.\*|\[\*\]|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
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
        return !entityMessage && paths.some((p) => p.segments.length === 0) ? { text: REDACTED, count: 1 } : undefined;
    }
    const holder = { $: root };
    let count = 0;
    const replace = (parent, key) => {
        const value = parent[key];
        if (value === REDACTED || (entityMessage && parent === root && ENTITY_FIELDS.has(String(key))))
            return;
        if (entityMessage && parent === holder && isNode(value) && !Array.isArray(value)) {
            for (const k of Object.keys(value))
                replace(value, k);
            return;
        }
        parent[key] = REDACTED;
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
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 16, Math.max(1, instances.length)) }, worker));
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
        try {
            await (0,write/* writeWhole */.f)(path, text);
        }
        catch (error) {
            throw new Error(`cannot write ${path}: ${error.code ?? error.message}`);
        }
        if (replaced)
            summary.updated += 1;
        else
            summary.written += 1;
        summary.events += history.events.length;
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

// EXTERNAL MODULE: ./src/commands/options.ts
var options = __webpack_require__(6052);
// EXTERNAL MODULE: ./src/commands/azure-options.ts
var azure_options = __webpack_require__(210);
;// CONCATENATED MODULE: ./src/commands/taskhub.ts
/** `durable-gate record` and `durable-gate gate` over an Azure Storage task hub. */













const CONNECTION_HELP = `  --task-hub <name>      The task hub (host.json extensions.durableTask.hubName).
  --connection <name>    The app setting with the storage connection (default AzureWebJobsStorage):
                         an environment variable holding a connection string (UseDevelopmentStorage=true
                         for Azurite), or identity-based settings <name>__accountName,
                         <name>__tableServiceUri, <name>__credential=managedidentity, <name>__clientId.
  --app <dir>            Also read the app's local.settings.json Values (the environment wins).
  --table-prefix <name>  The tables' prefix when the tracking store is shared (default: the task hub).`;
const RECORD_USAGE = `Usage: durable-gate record --task-hub <name> --out <dir> [options]

Exports the histories of in-flight instances, one durable-gate history file per instance.

Options:
${CONNECTION_HELP}
  --out <dir>            Where the files go (created if missing). Another instance's file is never
                         replaced; the same instance's file is updated.
  --status <list>        Statuses to record (default Pending,Running,Suspended,ContinuedAsNew).
  --orchestrator <name>  Only instances of this orchestrator (repeatable; any letter case).
  --instance <id>        Only this instance (repeatable).
  --created-after <time> Only instances created at or after this time (ISO 8601).
  --limit <n>            At most n instances.
  --redact <path>        Replace a payload value before writing (repeatable): $.customer.email,
                         input:$.card, result:$.token, $..email, $.items[*].sku. Redacting a value the
                         orchestrator branches on can change what replay finds: redact personal
                         data, not the values the code decides on.
  --keep-per-orchestrator <n>
                         After recording, keep only the n most recently recorded files per
                         orchestrator in --out (a folder kept for pull-request checks).
  --max-age <duration>   After recording, remove files in --out recorded longer ago than this (7d).
  --timeout <duration>   Stop after this long (default 30m): instances not recorded by then are
                         listed. Files are written whole or not at all.
  -h, --help             Show this help.

Exit codes: 0 recorded; 1 some instances could not be recorded whole (they are listed); 2 could not
read the task hub, bad options, or stopped by --timeout or a cancel (what was not recorded is listed).
`;
const GATE_USAGE = `Usage: durable-gate gate --task-hub <name> [options]
       durable-gate gate --slot <slot> --app <dir> --app-name <name> --resource-group <name> [options]

Waits until nothing is in flight in the task hub, or the timeout passes. With --slot, the task
hub and its storage are discovered from the slot's app settings (through Azure Resource Manager)
and the app's host.json: no storage secret is needed.

Options:
${CONNECTION_HELP}
  --timeout <duration>   How long to wait (default 30m). Durations: 90s, 30m, 2h, 1h30m.
  --interval <duration>  Time between polls (default 15s).
  --status <list>        Statuses that block (default Pending,Running,Suspended,ContinuedAsNew:
                         suspended instances resume on the new code).
  --http-endpoint <url>  Instead of the storage tables, ask the app's Durable Functions HTTP API
                         (any storage backend). The durabletask_extension system key is read from
                         the environment variable named by --http-key-env (default
                         DURABLE_GATE_SYSTEM_KEY).
  --http-key-env <name>  The environment variable holding that system key.
  --wait-for <what>      all (default): wait for every instance in flight. breaking: replay the
                         in-flight histories against the new code (--app, built) at each poll and
                         wait only for the instances it breaks or cannot check; the others go on
                         running on the new code. One more poll confirms before the gate passes.
  --stale-after <dur>    Mark instances not updated for this long as possibly stuck.
  --ignore-stale         Let possibly stuck instances pass (needs --stale-after; the report says so).
  --format text|json     Report format on stdout (default text).
  --slot <name>          Discover the hub bound to this slot (e.g. staging); --app gives host.json.
${azure_options/* AZURE_HELP */.k}
  -h, --help             Show this help.

Exit codes: 0 drained; 1 timed out (what blocks is listed); 2 could not query the task hub,
cancelled (SIGINT/SIGTERM), or bad options. The gate fails closed.
`;
const CONNECTION_OPTIONS = {
    'task-hub': { type: 'string' },
    connection: { type: 'string' },
    app: { type: 'string' },
    'table-prefix': { type: 'string' },
    status: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
};
/** node:util parseArgs, its errors said as usage errors that point at the command's help. */
function parse(command, args, options) {
    try {
        return (0,external_node_util_.parseArgs)({ args, options, strict: true, allowPositionals: false });
    }
    catch (error) {
        const message = (0,errors/* errorMessage */.gJ)(error).split('\n')[0];
        throw new errors/* UsageError */.eb(`${message.replace(/\. To specify.*$/, '').replace(/\.?$/, '.')} Run 'durable-gate ${command} --help'.`);
    }
}
function openHub(values, io, command, signal) {
    if (!values['task-hub'])
        throw new errors/* UsageError */.eb(`missing --task-hub <name>: the task hub to read (host.json extensions.durableTask.hubName). Run 'durable-gate ${command} --help'.`);
    return (0,azure_tables/* openTaskHub */.$O)({
        taskHub: values['task-hub'],
        env: io.env,
        ...(values.connection ? { setting: values.connection } : {}),
        ...(values.app ? { appDir: (0,external_node_path_.resolve)(io.cwd, values.app) } : {}),
        ...(values['table-prefix'] ? { tablePrefix: values['table-prefix'] } : {}),
        signal,
    });
}
async function recordCommand(args, io, signal) {
    if (args.some((a) => a === '--http-endpoint' || a.startsWith('--http-endpoint='))) {
        throw new errors/* UsageError */.eb("record cannot use --http-endpoint: the HTTP API's history (showHistory) drops the sequence ids and events a replay needs. Record from the task hub's storage with --connection.");
    }
    const { values } = parse('record', args, {
        ...CONNECTION_OPTIONS,
        out: { type: 'string' },
        orchestrator: { type: 'string', multiple: true },
        instance: { type: 'string', multiple: true },
        'created-after': { type: 'string' },
        limit: { type: 'string' },
        redact: { type: 'string', multiple: true },
        'keep-per-orchestrator': { type: 'string' },
        'max-age': { type: 'string' },
        timeout: { type: 'string' },
    });
    if (values.help) {
        io.stdout.write(RECORD_USAGE);
        return 0;
    }
    if (!values.out)
        throw new errors/* UsageError */.eb("missing --out <dir>: the folder for the history files. Run 'durable-gate record --help'.");
    const statuses = (0,options/* parseStatuses */.O7)('--status', values.status);
    const createdAfter = values['created-after'] ? (0,options/* parseTime */.pe)('--created-after', values['created-after']) : undefined;
    const limit = values.limit !== undefined ? (0,options/* parseCount */.zq)('--limit', values.limit) : undefined;
    const keeping = recordKeeping(values.redact ?? [], values['keep-per-orchestrator'], values['max-age'], '--');
    const timeout = values.timeout ?? '30m';
    const deadline = (0,src_deadline/* withDeadline */.NE)(signal, (0,options/* parseDuration */.E9)('--timeout', timeout), `--timeout ${timeout} passed`);
    const { hub, connection } = openHub(values, io, 'record', deadline.signal);
    io.stderr.write(`durable-gate: reading ${hub.describe}\n`);
    const progress = io.stderr.isTTY === true;
    try {
        const summary = await recordHistories({
            signal: deadline.signal,
            hub,
            outDir: (0,external_node_path_.resolve)(io.cwd, values.out),
            query: {
                statuses,
                ...(createdAfter ? { createdAfter } : {}),
                ...(values.orchestrator ? { names: values.orchestrator } : {}),
                ...(values.instance ? { instanceIds: values.instance } : {}),
            },
            ...(limit ? { limit } : {}),
            ...keeping,
            onProgress: (done, total) => {
                if (progress && total >= 20)
                    io.stderr.write(done < total ? `\rrecorded ${done}/${total}` : '\r\u001b[K');
            },
        });
        const report = recordReport(summary, (0,paths/* displayPath */.Gt)((0,external_node_path_.resolve)(io.cwd, values.out), io.cwd), connection.secrets);
        io.stdout.write([report.headline, ...report.notes].join('\n') + '\n');
        return summary.stopped ? 2 : report.missed > 0 ? 1 : 0;
    }
    catch (error) {
        io.stderr.write(`durable-gate: ${(0,options/* redact */.E$)((0,errors/* errorMessage */.gJ)(error), connection.secrets)}\n`);
        return 2;
    }
    finally {
        deadline.clear();
    }
}
/** --redact, --keep-per-orchestrator and --max-age, parsed once for the CLI and the Action. */
function recordKeeping(redact, keep, maxAge, prefix) {
    const paths = redact
        .flatMap((line) => line.split(/\r?\n/))
        .map((p) => p.trim())
        .filter(Boolean)
        .map(parseRedactPath);
    const keepPerOrchestrator = keep ? (0,options/* parseCount */.zq)(`${prefix}keep-per-orchestrator`, keep) : undefined;
    const maxAgeMs = maxAge ? (0,options/* parseDuration */.E9)(`${prefix}max-age`, maxAge) : undefined;
    return {
        ...(paths.length ? { redact: paths } : {}),
        ...(keepPerOrchestrator !== undefined || maxAgeMs !== undefined
            ? { retention: { ...(keepPerOrchestrator !== undefined ? { keepPerOrchestrator } : {}), ...(maxAgeMs !== undefined ? { maxAgeMs } : {}) } }
            : {}),
    };
}
/** What a record run says, the same for the CLI and the Action. Ids are escaped, secrets redacted. */
function recordReport(summary, out, secrets) {
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
        ...summary.pruned.map(({ file, reason }) => `Removed ${(0,external_node_path_.basename)(file)}: ${reason}.`),
    ].map(options/* printable */.g$);
    return { headline, notes, missed: summary.changed.length + summary.unreadable.length + summary.skipped.length };
}
/** Up to `shown` ids, then how many more. */
function listSome(ids, shown = 20) {
    return ids.slice(0, shown).join(', ') + (ids.length > shown ? ` and ${ids.length - shown} more` : '');
}
function storageSource(values, io, signal) {
    const { hub, connection } = openHub(values, io, 'gate', signal);
    return { source: hub, hub, secrets: connection.secrets };
}
function httpSource(endpoint, keyEnv, io, signal) {
    const variable = keyEnv ?? 'DURABLE_GATE_SYSTEM_KEY';
    const systemKey = io.env[variable];
    if (!systemKey)
        throw new errors/* UsageError */.eb(`--http-endpoint needs the durabletask_extension system key in the environment variable ${variable} (see az functionapp keys list). Secrets are never taken as flags.`);
    return { source: new HttpApiSource({ endpoint, systemKey, signal }), secrets: [systemKey] };
}
function ago(seconds) {
    if (seconds === undefined)
        return '?';
    const d = Math.floor(seconds / 86_400);
    const h = Math.floor((seconds % 86_400) / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m ${seconds % 60}s`;
}
function renderGateText(report) {
    const lines = [];
    switch (report.outcome) {
        case 'drained':
            if (report.waitFor === 'breaking' && report.safe?.length) {
                const passed = report.ignoredStale.length
                    ? `Nothing in flight that the new code breaks, except ${report.ignoredStale.length} possibly stuck instance(s) let through by --ignore-stale (${report.ignoredStale.map(options/* printable */.g$).join(', ')}): they will fail on the new code if they ever resume`
                    : 'Nothing in flight that the new code breaks';
                lines.push(`${passed}, after ${report.polls} poll(s), ${report.waitedSeconds} s: the deployment may go on. ${report.safe.length} instance(s) still in flight replay cleanly on the new code and continue on it:`);
                for (const i of report.safe)
                    lines.push(`  ${(0,options/* printable */.g$)(i.instanceId)} (${(0,options/* printable */.g$)(i.name)}, ${i.runtimeStatus}): ${i.reason ?? ''}`);
                break;
            }
            lines.push(`Drained after ${report.polls} poll(s), ${report.waitedSeconds} s: nothing in flight blocks the deployment.`);
            if (report.ignoredStale.length)
                lines.push(`Let through as possibly stuck (--ignore-stale): ${report.ignoredStale.map(options/* printable */.g$).join(', ')}`);
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
            lines.push('Possibly stuck: not updated for longer than --stale-after. Check them; --ignore-stale lets them pass.');
        if (selective && report.safe?.length)
            lines.push(`${report.safe.length} other instance(s) in flight replay cleanly on the new code: not waited for.`);
    }
    return lines.join('\n') + '\n';
}
async function gateCommand(args, io, signal) {
    const { values } = parse('gate', args, {
        ...CONNECTION_OPTIONS,
        timeout: { type: 'string' },
        interval: { type: 'string' },
        'stale-after': { type: 'string' },
        'ignore-stale': { type: 'boolean' },
        format: { type: 'string' },
        'http-endpoint': { type: 'string' },
        'http-key-env': { type: 'string' },
        'wait-for': { type: 'string' },
        ...azure_options/* AZURE_OPTIONS */.H,
    });
    if (values.help) {
        io.stdout.write(GATE_USAGE);
        return 0;
    }
    const timeoutMs = (0,options/* parseDuration */.E9)('--timeout', values.timeout ?? '30m');
    const intervalMs = (0,options/* parseDuration */.E9)('--interval', values.interval ?? '15s');
    const staleAfterMs = values['stale-after'] ? (0,options/* parseDuration */.E9)('--stale-after', values['stale-after']) : undefined;
    if (values['ignore-stale'] && staleAfterMs === undefined)
        throw new errors/* UsageError */.eb('--ignore-stale needs --stale-after <duration>: it says which instances count as possibly stuck.');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json')
        throw new errors/* UsageError */.eb(`Invalid --format '${format}'. Expected text or json.`);
    const statuses = (0,options/* parseStatuses */.O7)('--status', values.status);
    if (values.slot && (values['task-hub'] || values['http-endpoint'] || values.connection)) {
        throw new errors/* UsageError */.eb('--slot discovers the task hub and its storage from the slot; leave out --task-hub, --connection and --http-endpoint.');
    }
    const waitFor = (0,options/* parseWaitFor */.AD)(values['wait-for']);
    if (waitFor === 'breaking' && !values.app)
        throw new errors/* UsageError */.eb('--wait-for breaking needs --app <dir>: the function app folder with the new code (built), whose replay decides which instances must finish first.');
    if (waitFor === 'breaking' && values['http-endpoint'])
        throw new errors/* UsageError */.eb("--wait-for breaking reads the in-flight histories from the task hub's storage; the HTTP API's history is lossy. Use --task-hub (or --slot) instead of --http-endpoint.");
    const what = waitFor === 'breaking' ? `the ${statuses.join(', ')} instances that the new code in ${values.app} breaks` : `${statuses.join(', ')} instances`;
    const { report, found } = await runGateJob({
        open: async (requests) => values.slot
            ? (await __webpack_require__.e(/* import() */ 867).then(__webpack_require__.bind(__webpack_require__, 8867))).slotSource(values, io, signal, timeoutMs)
            : values['http-endpoint']
                ? httpSource(values['http-endpoint'], values['http-key-env'], io, requests)
                : storageSource(values, io, requests),
        statuses,
        timeoutMs,
        timeoutReason: `--timeout ${values.timeout ?? '30m'} passed`,
        intervalMs,
        ...(staleAfterMs !== undefined ? { staleAfterMs } : {}),
        ...(values['ignore-stale'] ? { ignoreStale: true } : {}),
        ...(waitFor === 'breaking' ? { appDir: (0,external_node_path_.resolve)(io.cwd, values.app) } : {}),
        ...(signal ? { signal } : {}),
        onStart: ({ source }) => io.stderr.write(`durable-gate: gating on ${source.describe}; waiting for ${what} to finish (timeout ${values.timeout ?? '30m'})\n`),
        onWarning: (warning) => io.stderr.write(`durable-gate: warning: ${warning}\n`),
        onPoll: (poll, judged) => {
            const oldest = poll.oldest
                ? `, oldest ${(0,options/* printable */.g$)(poll.oldest.instanceId)} (${(0,options/* printable */.g$)(poll.oldest.name)}, ${poll.oldest.runtimeStatus} since ${poll.oldest.createdTime ?? '?'})`
                : '';
            const change = poll.change === undefined ? '' : `, ${poll.change >= 0 ? '+' : ''}${poll.change} since last poll`;
            const stale = poll.stale ? `, ${poll.stale} possibly stuck` : '';
            const breaking = judged
                ? `; ${poll.breaking ?? poll.blocking} the new code breaks or cannot check, ${poll.inFlight - (poll.breaking ?? poll.blocking)} replay cleanly`
                : '';
            io.stderr.write(`poll ${poll.poll}: ${poll.inFlight} in flight${oldest}${change}${stale}${breaking}\n`);
        },
    });
    const { hub, secrets } = found;
    if (hub?.neverRan)
        io.stderr.write(`durable-gate: ${hub.describe} has no tables yet: nothing has ever run there (the first deployment with this hub), so nothing is in flight.\n`);
    if (report.error)
        report.error = (0,options/* redact */.E$)(report.error, secrets);
    io.stdout.write(format === 'json' ? JSON.stringify(report, null, 2) + '\n' : renderGateText(report));
    return gateExitCode(report);
}


/***/ }),

/***/ 6803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ bodySnippet),
/* harmony export */   MP: () => (/* binding */ describeBody),
/* harmony export */   P9: () => (/* binding */ retryAfter),
/* harmony export */   hE: () => (/* binding */ tlsProblem),
/* harmony export */   t1: () => (/* binding */ DEFAULT_TIMEOUT_MS),
/* harmony export */   tN: () => (/* binding */ send),
/* harmony export */   vQ: () => (/* binding */ neverSent),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_BODY_BYTES, TIMED_OUT, TOO_LARGE, ABORTED */
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _harness_report_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1941);
/**
 * One HTTP(S) exchange with node's own stack (proxy-free, NODE_EXTRA_CA_CERTS honoured), shared by
 * the Durable HTTP API source, the ARM client, the GitHub OIDC token request and the health check.
 */



const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;
/** Error codes of send's own failures (besides the platform's: ECONNREFUSED, ECONNRESET, ...). */
const TIMED_OUT = 'ETIMEDOUT';
const TOO_LARGE = 'ERESPONSETOOLARGE';
const ABORTED = 'ABORT_ERR';
/** True when the failed exchange certainly never reached the service. */
function neverSent(error) {
    return error?.requestSent === false;
}
function send(url, request = {}) {
    const call = url.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_0__.request : node_http__WEBPACK_IMPORTED_MODULE_1__.request;
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const { signal } = request;
    const options = {
        method: request.method ?? 'GET',
        headers: {
            ...(request.body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(request.body)) } : {}),
            ...request.headers,
        },
        ...(request.ca ? { ca: request.ca } : {}),
    };
    return new Promise((resolve, reject) => {
        let connected = false;
        let settled = false;
        const failure = (message, code, name) => Object.assign(new Error(message), { code, ...(name ? { name } : {}) });
        if (signal?.aborted)
            return reject(Object.assign(failure('the request was cancelled before it was sent', ABORTED, 'AbortError'), { requestSent: false }));
        // One deadline for the whole exchange; the socket's own idle timeout would let a drip go on forever.
        const timer = setTimeout(() => fail(failure(`no complete answer from ${url.origin} within ${Math.round(timeoutMs / 100) / 10} s`, TIMED_OUT)), timeoutMs);
        const onAbort = () => fail(failure('the request was cancelled', ABORTED, 'AbortError'));
        signal?.addEventListener('abort', onAbort, { once: true });
        const done = () => {
            settled = true;
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
        };
        const fail = (error) => {
            if (settled)
                return;
            done();
            const tagged = (error instanceof Error ? error : new Error(String(error)));
            tagged.requestSent ??= connected;
            req.destroy();
            reject(tagged);
        };
        const req = call(url, options, (res) => {
            const chunks = [];
            let size = 0;
            const tooLarge = () => fail(failure(`the answer from ${url.origin} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: not read`, TOO_LARGE));
            if (Number(res.headers['content-length']) > maxBytes)
                return tooLarge();
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > maxBytes)
                    return tooLarge();
                chunks.push(chunk);
            });
            res.on('end', () => {
                if (settled)
                    return;
                done();
                resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers });
            });
            res.on('error', fail);
            // A connection closed before the body ended is a failure, not a short answer.
            res.on('close', () => {
                if (!res.complete)
                    fail(failure(`the connection to ${url.origin} closed before the answer was complete`, 'ECONNRESET'));
            });
        });
        req.on('socket', (socket) => {
            if (!socket.connecting)
                connected = true;
            else
                socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => (connected = true));
        });
        req.on('error', fail);
        req.end(request.body);
    });
}
/** Retry-After in seconds or as an HTTP date, in milliseconds. */
function retryAfter(value) {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text)
        return undefined;
    const seconds = Number(text);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
/** A TLS failure said so that the reader knows what to do. */
function tlsProblem(error) {
    const code = error.code ?? '';
    return /CERT|SELF_SIGNED|TLS|SSL/i.test(code)
        ? `the TLS certificate was not accepted (${code}). For a private CA, point NODE_EXTRA_CA_CERTS at its certificate.`
        : undefined;
}
const sleep = (ms, signal) => new Promise((resolve) => {
    if (signal?.aborted)
        return resolve();
    const timer = setTimeout(() => {
        signal?.removeEventListener('abort', done);
        resolve();
    }, ms);
    const done = () => {
        clearTimeout(timer);
        resolve();
    };
    signal?.addEventListener('abort', done, { once: true });
});
/** What an answer's body is, for messages: its content type and how it begins (control characters escaped). */
function describeBody(response) {
    const type = response.headers['content-type'] || 'no content type';
    const text = bodySnippet(response.body);
    return `${(0,_harness_report_text_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(String(type))}${text ? `, beginning '${text}'` : ', empty'}`;
}
/** How a body begins, for messages: spaces collapsed, control characters escaped, 60 characters. */
function bodySnippet(body) {
    return (0,_harness_report_text_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)((body ?? '').trim().replace(/\s+/g, ' ')).slice(0, 60);
}


/***/ }),

/***/ 7194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ maskingCredential),
/* harmony export */   _f: () => (/* binding */ secretSink)
/* harmony export */ });
/* unused harmony export reportSecretsTo */
/**
 * Where secrets go when the caller gave no onSecret: set once by a front end that masks secrets
 * (the Action), so that every credential made in the process reports its tokens, whichever
 * command made it.
 */
let processSecretSink;
function reportSecretsTo(sink) {
    processSecretSink = sink;
}
function secretSink() {
    return processSecretSink;
}
/** The credential, with every token it hands out passed to `onSecret` first. */
function maskingCredential(credential, onSecret) {
    // The SDKs ask again and again for a token they hold: each value is reported once.
    const reported = new Set();
    return {
        getToken: async (scopes, options) => {
            const token = await credential.getToken(scopes, options);
            if (token?.token && !reported.has(token.token)) {
                reported.add(token.token);
                onSecret(token.token);
            }
            return token;
        },
    };
}


/***/ }),

/***/ 2645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $O: () => (/* binding */ openTaskHub),
/* harmony export */   $s: () => (/* binding */ AzureTablesTaskHub),
/* harmony export */   MZ: () => (/* binding */ IN_FLIGHT_STATUSES),
/* harmony export */   nY: () => (/* binding */ ALL_STATUSES)
/* harmony export */ });
/* unused harmony export TaskHubAccessError */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(869);
/* harmony import */ var _azure_data_tables__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3632);
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9410);
/* harmony import */ var _connection_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1394);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1930);
/**
 * Reads a task hub in Azure Storage (DurableTask.AzureStorage layout; docs/runtime-rules.md §7):
 * `<hub>Instances` for what is in flight, `<hub>History` for histories, large values in the
 * `<hub lower-case>-largemessages` blob container.
 */






/** Statuses an instance can resume from on new code: the gate waits for these by default. */
const IN_FLIGHT_STATUSES = ['Pending', 'Running', 'Suspended', 'ContinuedAsNew'];
const ALL_STATUSES = ['Pending', 'Running', 'Completed', 'ContinuedAsNew', 'Failed', 'Canceled', 'Terminated', 'Suspended'];
/** The service said no in a way retrying cannot fix: says which table, account and credential. */
const TaskHubAccessError = (0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .brandedError */ .fi)('TaskHubAccessError', class extends _harness_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .DurableGateError */ .B7 {
});
let sharedHttpClient;
function httpClient() {
    return (sharedHttpClient ??= (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__/* .createDefaultHttpClient */ .fl)());
}
const REPEATED_CONTINUATION = 'the service sent a continuation token it had sent before, so the listing would never end. Something other than the Table service is answering (a proxy or a wrong endpoint); nothing from these answers was counted.';
/** More rows than any history the runtime writes: DurableTask.Core's replay would not get through it. */
const MAX_HISTORY_ROWS = 1_000_000;
/** One large-message blob, whole: they hold at most a few MB of compressed JSON. */
const BLOB_TIMEOUT_MS = 120_000;
const INSTANCE_COLUMNS = ['PartitionKey', 'Name', 'Version', 'ExecutionId', 'RuntimeStatus', 'CreatedTime', 'LastUpdatedTime'];
class AzureTablesTaskHub {
    connection;
    taskHub;
    options;
    instancesTable;
    historyTable;
    container;
    instancesClient;
    historyClient;
    constructor(connection, taskHub, options = {}) {
        this.connection = connection;
        this.taskHub = taskHub;
        this.options = options;
        if (!/^[A-Za-z][A-Za-z0-9]{2,44}$/.test(taskHub)) {
            throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`Invalid task hub name '${taskHub}'. Expected 3 to 45 letters and digits, starting with a letter (host.json extensions.durableTask.hubName).`);
        }
        const prefix = this.options.trackingPrefix ?? taskHub;
        this.instancesTable = `${prefix}Instances`;
        this.historyTable = `${prefix}History`;
        this.container = `${taskHub.toLowerCase()}-largemessages`;
        this.instancesClient = connection.tableClient(this.instancesTable);
        this.historyClient = connection.tableClient(this.historyTable);
    }
    /** Set when the hub's Instances table was found missing (with missingIsEmpty): nothing ever ran there. */
    neverRan = false;
    get describe() {
        return `task hub ${this.taskHub} (${this.connection.describe})`;
    }
    async *instances(query) {
        const names = query.names?.map((n) => n.toLowerCase());
        const keep = (row) => query.statuses.includes(row.runtimeStatus) &&
            (!names || names.includes(row.name.toLowerCase())) &&
            (!query.createdAfter || (row.createdTime !== undefined && Date.parse(row.createdTime) >= query.createdAfter.getTime()));
        if (query.instanceIds) {
            for (const id of new Set(query.instanceIds)) {
                if (id.startsWith('@'))
                    continue; // a durable entity, never an orchestration in flight
                const row = await this.guard(this.instancesTable, async () => {
                    try {
                        return await this.instancesClient.getEntity((0,_keys_js__WEBPACK_IMPORTED_MODULE_5__/* .escapePartitionKey */ .z8)(id), '', { queryOptions: { select: INSTANCE_COLUMNS } });
                    }
                    catch (error) {
                        if (error.statusCode === 404 && !this.tableMissing(error))
                            return undefined;
                        throw error;
                    }
                });
                const summary = row ? toSummary(row) : undefined;
                if (summary && keep(summary))
                    yield summary;
            }
            return;
        }
        // Entities live in the same table with partition keys '@name@key' and stay Running forever:
        // excluded on the server, as are statuses not asked for.
        const statusFilter = query.statuses.map((s) => (0,_azure_data_tables__WEBPACK_IMPORTED_MODULE_2__/* .odata */ .Ye) `RuntimeStatus eq ${s}`).join(' or ');
        let filter = `(PartitionKey lt '@' or PartitionKey ge 'A') and (${statusFilter})`;
        if (query.createdAfter)
            filter += ` and CreatedTime ge datetime'${query.createdAfter.toISOString()}'`;
        const pages = this.instancesClient.listEntities({ queryOptions: { filter, select: INSTANCE_COLUMNS } }).byPage({ maxPageSize: query.pageSize ?? 1000 });
        const iterator = pages[Symbol.asyncIterator]();
        const tokens = new Set();
        for (;;) {
            // Pages are followed until no continuation token is left, empty pages included.
            let next;
            try {
                next = await iterator.next();
            }
            catch (error) {
                if (this.options.missingIsEmpty && error.statusCode === 404 && this.tableMissing(error)) {
                    this.neverRan = true;
                    return;
                }
                throw this.explain(this.instancesTable, error);
            }
            if (next.done)
                return;
            const token = next.value.continuationToken;
            if (token !== undefined) {
                // A service that hands out the same continuation again would be listed for ever.
                if (tokens.has(token))
                    throw new TaskHubAccessError(`${this.instancesTable} in storage account ${this.connection.account}: ${REPEATED_CONTINUATION}`);
                tokens.add(token);
            }
            for (const row of next.value) {
                const summary = toSummary(row);
                if (keep(summary))
                    yield summary;
            }
        }
    }
    /**
     * The rows of one instance's history, with large values fetched from blobs and gunzipped.
     * Read through the client's own pipeline (authentication, retries honouring Retry-After), but
     * as plain JSON without OData metadata: parsing it natively costs a fraction of the SDK's
     * typed deserializer, which dominated recording time.
     */
    async historyRows(instanceId) {
        const partition = (0,_keys_js__WEBPACK_IMPORTED_MODULE_5__/* .escapePartitionKey */ .z8)(instanceId);
        const rows = [];
        const tokens = new Set();
        let next;
        do {
            const page = await this.guard(this.historyTable, () => this.queryPage(this.historyClient, (0,_azure_data_tables__WEBPACK_IMPORTED_MODULE_2__/* .odata */ .Ye) `PartitionKey eq ${partition}`, next));
            rows.push(...page.rows);
            next = page.next;
            if (next) {
                const token = `${next.partition}\u0000${next.row ?? ''}`;
                if (tokens.has(token))
                    throw new TaskHubAccessError(`${this.historyTable} in storage account ${this.connection.account}: ${REPEATED_CONTINUATION}`);
                tokens.add(token);
            }
            if (rows.length > MAX_HISTORY_ROWS) {
                throw new TaskHubAccessError(`${this.historyTable} in storage account ${this.connection.account}: the history of ${instanceId} has more than ${MAX_HISTORY_ROWS} rows; no orchestration the runtime can replay is that long, so the answers are not what the service sends.`);
            }
        } while (next);
        checkCheckpoint(rows, `${this.historyTable} in storage account ${this.connection.account}: the history of ${instanceId}`);
        let blobs = 0;
        const container = this.connection.blobService().getContainerClient(this.container);
        for (const row of rows) {
            for (const key of Object.keys(row)) {
                if (!key.endsWith('BlobName') || typeof row[key] !== 'string' || row[key] === '')
                    continue;
                const blobName = row[key];
                const abortSignal = AbortSignal.any([AbortSignal.timeout(BLOB_TIMEOUT_MS), ...(this.connection.signal ? [this.connection.signal] : [])]);
                const buffer = await this.guard(`${this.container}/${blobName}`, () => container.getBlobClient(blobName).downloadToBuffer(0, undefined, { abortSignal }));
                row[key.slice(0, -'BlobName'.length)] = (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync)(buffer).toString('utf8');
                delete row[key];
                blobs += 1;
            }
        }
        return { rows, blobs };
    }
    /** One page of a table query, as the Table service's REST API returns it (odata=nometadata). */
    async queryPage(client, filter, from) {
        const url = new URL(client.url);
        url.pathname = `${url.pathname.replace(/\/$/, '')}/${client.tableName}()`;
        url.searchParams.set('$filter', filter);
        url.searchParams.set('$top', '1000');
        if (from) {
            url.searchParams.set('NextPartitionKey', from.partition);
            if (from.row !== undefined)
                url.searchParams.set('NextRowKey', from.row);
        }
        const request = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__/* .createPipelineRequest */ .G6)({
            url: url.toString(),
            method: 'GET',
            allowInsecureConnection: url.protocol === 'http:',
            headers: (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__/* .createHttpHeaders */ .Nc)({ Accept: 'application/json;odata=nometadata', 'x-ms-version': '2019-02-02', DataServiceVersion: '3.0' }),
        });
        const response = await client.pipeline.sendRequest(httpClient(), request);
        if (response.status >= 400) {
            let code;
            try {
                code = JSON.parse(response.bodyAsText ?? '')['odata.error']?.code;
            }
            catch {
                code = undefined;
            }
            throw Object.assign(new Error(`HTTP ${response.status}${code ? ` ${code}` : ''}`), { statusCode: response.status, code });
        }
        // The pipeline's tableAnswerPolicy has checked that this is a JSON page with a 'value' list.
        const body = JSON.parse(response.bodyAsText ?? '');
        const nextPartition = response.headers.get('x-ms-continuation-nextpartitionkey');
        const nextRow = response.headers.get('x-ms-continuation-nextrowkey');
        return { rows: body.value, ...(nextPartition ? { next: { partition: nextPartition, ...(nextRow ? { row: nextRow } : {}) } } : {}) };
    }
    tableMissing(error) {
        const code = error.code ?? error.details?.errorCode;
        return code === 'TableNotFound' || /TableNotFound/.test(String(error.message));
    }
    /** Turns errors retrying cannot fix into plain messages naming the table, account and credential. */
    async guard(resource, call) {
        try {
            return await call();
        }
        catch (error) {
            throw this.explain(resource, error);
        }
    }
    explain(resource, error) {
        const status = error.statusCode;
        const code = error.code ?? error.details?.errorCode ?? '';
        const where = `${resource} in storage account ${this.connection.account} (${this.connection.credentialKind})`;
        if (status === 404 && (code === 'TableNotFound' || code === 'ResourceNotFound' || /TableNotFound/.test(String(error.message)))) {
            return new TaskHubAccessError(`${where}: the table does not exist. Is the task hub name right (host.json extensions.durableTask.hubName, or --task-hub), and is this the app's durable storage account?`);
        }
        if (status === 404 && (code === 'BlobNotFound' || code === 'ContainerNotFound')) {
            return new TaskHubAccessError(`${where}: the large-message blob is missing (${code}), so this history cannot be read whole.`);
        }
        if (status === 403 || code === 'AuthenticationFailed' || code === 'AuthorizationFailure' || code === 'AuthorizationPermissionMismatch') {
            return new TaskHubAccessError(`${where}: access denied (${code || status}). ${ACCESS_ADVICE[this.connection.credentialKind] ?? ACCESS_ADVICE.identity}`);
        }
        if (status === 401)
            return new TaskHubAccessError(`${where}: the credential was refused (401). Sign in again or check the token's audience and tenant.`);
        const network = error.code;
        if (network === 'ECONNREFUSED' || network === 'ENOTFOUND' || network === 'ETIMEDOUT' || network === 'ECONNRESET' || network === 'REQUEST_SEND_ERROR') {
            return new TaskHubAccessError(`${where}: cannot reach the storage service (${network}) after retrying.`);
        }
        const message = error.message?.split('\n')[0] || [status && `HTTP ${status}`, code].filter(Boolean).join(' ') || String(error);
        return new TaskHubAccessError(`${where}: ${message}`);
    }
}
/**
 * The provider writes its sentinel row (RowKey "sentinel") in every history batch, with
 * IsCheckpointComplete true once the episode's last batch is written (docs/runtime-rules.md §7).
 * History rows without it were cut short on the way, or caught mid-checkpoint: never judged whole.
 */
function checkCheckpoint(rows, what) {
    if (!rows.some((row) => row.RowKey !== 'sentinel'))
        return;
    const sentinel = rows.find((row) => row.RowKey === 'sentinel');
    if (!sentinel) {
        throw new TaskHubAccessError(`${what} came without its sentinel row, which the runtime writes with every checkpoint: the answer may have been cut short, so it is not taken as the whole history. Read it again; if it persists, check what answers for the storage account.`);
    }
    if (sentinel.IsCheckpointComplete === false) {
        throw new TaskHubAccessError(`${what} is being written (its checkpoint is not complete yet): read it again in a moment.`);
    }
}
const ACCESS_ADVICE = {
    'account key': 'Check the account key in the connection string.',
    SAS: 'Check the SAS token in the connection string: it must not have expired, and must allow read and list (sp=rl) on the table and blob services (ss=tb) for containers and objects (srt=co).',
    identity: 'Check that the identity has the Storage Table Data Reader and Storage Blob Data Reader roles on the account.',
};
function toSummary(row) {
    const str = (v) => (typeof v === 'string' && v !== '' ? v : v instanceof Date ? v.toISOString() : undefined);
    return {
        instanceId: (0,_keys_js__WEBPACK_IMPORTED_MODULE_5__/* .unescapePartitionKey */ .yy)(String(row.partitionKey)),
        name: str(row.Name) ?? '',
        ...(str(row.Version) ? { version: str(row.Version) } : {}),
        ...(str(row.ExecutionId) ? { executionId: str(row.ExecutionId) } : {}),
        runtimeStatus: str(row.RuntimeStatus) ?? 'Unknown',
        ...(str(row.CreatedTime) ? { createdTime: str(row.CreatedTime) } : {}),
        ...(str(row.LastUpdatedTime) ? { lastUpdatedTime: str(row.LastUpdatedTime) } : {}),
    };
}
/** A task hub and its storage connection, resolved from app settings the way the host does. */
function openTaskHub(options) {
    const connection = (0,_connection_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveConnection */ .XC)({
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.setting ? { setting: options.setting } : {}),
        ...(options.env ? { env: options.env } : {}),
        ...(options.appDir ? { appDir: options.appDir } : {}),
    });
    const hub = new AzureTablesTaskHub(connection, options.taskHub, options.tablePrefix ? { trackingPrefix: options.tablePrefix } : {});
    return { hub, connection };
}


/***/ }),

/***/ 1394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XC: () => (/* binding */ resolveConnection)
/* harmony export */ });
/* unused harmony exports REQUEST_TIMEOUT_MS, ServiceAnswerError, requestDeadlinePolicy, commandSignalPolicy, tableAnswerPolicy, checkTableAnswer, parseConnectionString */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _azure_data_tables__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3632);
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4869);
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(869);
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9410);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6803);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7194);
/**
 * Resolves the durable storage connection the way the Functions host does: `--connection <Name>`
 * (default AzureWebJobsStorage) names an app setting; its value is a connection string
 * (UseDevelopmentStorage=true included), or identity-based settings `<Name>__accountName`,
 * `<Name>__tableServiceUri`, `<Name>__blobServiceUri`, `<Name>__credential`, `<Name>__clientId`.
 * Settings come from the environment, then from the app's local.settings.json Values.
 */








/** Azurite's well-known development account (public, documented by Microsoft). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/**
 * How long one request may take, connection to last byte. The SDK's own timeout only notices an
 * idle socket: a service that drips a byte a second would hold a request for ever.
 */
const REQUEST_TIMEOUT_MS = 30_000;
/** The storage service answered with something it never sends: never counted as an empty result. */
const ServiceAnswerError = (0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .brandedError */ .fi)('ServiceAnswerError', class extends _harness_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .DurableGateError */ .B7 {
});
/**
 * Each try of a request gets its own deadline (a timeout is retried like a reset) and the command's
 * signal (a cancel or the command's deadline ends it at once, without retries).
 */
function requestDeadlinePolicy(signal, timeoutMs = REQUEST_TIMEOUT_MS) {
    return {
        name: 'durableGateRequestDeadline',
        async sendRequest(request, next) {
            const callers = request.abortSignal;
            const own = AbortSignal.timeout(timeoutMs);
            request.abortSignal = AbortSignal.any([own, ...(callers ? [callers] : []), ...(signal ? [signal] : [])]);
            try {
                return await next(request);
            }
            catch (error) {
                if (own.aborted && !signal?.aborted && !callers?.aborted) {
                    throw new _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_4__/* .RestError */ .pj(`no complete answer within ${timeoutMs / 1000} s`, { code: 'ETIMEDOUT', request });
                }
                throw error;
            }
            finally {
                request.abortSignal = callers;
            }
        },
    };
}
/**
 * The command's signal on the whole call, retries included: the SDK's wait between tries (up to
 * its longest back-off) ends with the command too, not only each try.
 */
function commandSignalPolicy(signal) {
    return {
        name: 'durableGateCommandSignal',
        async sendRequest(request, next) {
            const callers = request.abortSignal;
            request.abortSignal = callers ? AbortSignal.any([callers, signal]) : signal;
            try {
                return await next(request);
            }
            finally {
                request.abortSignal = callers;
            }
        },
    };
}
/** Table service answers are checked before they count: a 2xx that is not a table page or an entity is an error, never an empty result. */
const tableAnswerPolicy = {
    name: 'durableGateTableAnswer',
    async sendRequest(request, next) {
        const response = await next(request);
        if (request.method === 'GET' && response.status >= 200 && response.status < 300) {
            checkTableAnswer(request, response.status, response.headers.get('content-type'), response.bodyAsText);
        }
        return response;
    },
};
/** What the Table service sends for a query (`Table()`, `Tables`): a JSON object with a `value` array; for a point read: one entity. */
function checkTableAnswer(request, status, contentType, body) {
    const path = decodeURIComponent(new URL(request.url).pathname);
    const pointRead = /\(PartitionKey=/.test(path);
    const expected = pointRead ? 'a table entity' : 'a table query page';
    const seen = () => {
        const text = (0,_http_js__WEBPACK_IMPORTED_MODULE_6__/* .bodySnippet */ .Iu)(body);
        return text ? `'${text}'` : 'an empty body';
    };
    const refuse = (what) => {
        throw new ServiceAnswerError(`the storage endpoint answered HTTP ${status} with ${what} where ${expected} was expected: something other than the Table service answered (a proxy, a firewall or sign-in page, a wrong endpoint). Nothing from this answer was counted; check the connection's TableEndpoint.`);
    };
    if (!contentType || !/json/i.test(contentType))
        refuse(`${contentType ? `content type ${contentType}` : 'no content type'} (${seen()})`);
    let parsed;
    try {
        parsed = JSON.parse(body ?? '');
    }
    catch {
        refuse(`text that is not JSON (${seen()})`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
        refuse(`JSON that is not an object (${seen()})`);
    const record = parsed;
    if (pointRead
        ? typeof record.PartitionKey !== 'string'
        : !Array.isArray(record.value) || !record.value.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))) {
        refuse(`JSON without ${pointRead ? 'a PartitionKey' : "a 'value' list of rows"} (${seen()})`);
    }
}
function localSettings(appDir) {
    if (!appDir)
        return {};
    try {
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(appDir, 'local.settings.json'), 'utf8'));
        return Object.fromEntries(Object.entries(parsed.Values ?? {}).filter((e) => typeof e[1] === 'string'));
    }
    catch {
        return {};
    }
}
function parseConnectionString(text) {
    const parts = {};
    for (const segment of text.split(';')) {
        const at = segment.indexOf('=');
        if (at <= 0)
            continue;
        parts[segment.slice(0, at).trim().toLowerCase()] = segment.slice(at + 1).trim();
    }
    return parts;
}
/** Transient failures (429, 5xx, resets, timeouts) are retried by the SDK pipelines, honouring Retry-After. */
const RETRY = { retryOptions: { maxRetries: 6, retryDelayInMs: 500, maxRetryDelayInMs: 15_000 } };
const BLOB_OPTIONS = { retryOptions: { maxTries: 7, retryDelayInMs: 500, maxRetryDelayInMs: 15_000 } };
function resolveConnection(options = {}) {
    const setting = options.setting ?? 'AzureWebJobsStorage';
    const env = options.env ?? process.env;
    const local = localSettings(options.appDir);
    const lookup = (name) => {
        const fromEnv = env[name] ?? env[name.replace(/__/g, ':')];
        return fromEnv !== undefined && fromEnv !== '' ? fromEnv : local[name] || undefined;
    };
    const clientOptions = {
        ...RETRY,
        ...options.clientOptions,
        additionalPolicies: [
            ...(options.clientOptions?.additionalPolicies ?? []),
            ...(options.signal ? [{ policy: commandSignalPolicy(options.signal), position: 'perCall' }] : []),
            { policy: requestDeadlinePolicy(options.signal), position: 'perRetry' },
            { policy: tableAnswerPolicy, position: 'perRetry' },
        ],
    };
    const withSignal = (connection) => (options.signal ? { ...connection, signal: options.signal } : connection);
    const value = lookup(setting);
    if (value)
        return withSignal(fromConnectionString(setting, value, clientOptions));
    const accountName = lookup(`${setting}__accountName`);
    const tableUri = lookup(`${setting}__tableServiceUri`) ?? (accountName ? `https://${accountName}.table.core.windows.net` : undefined);
    if (tableUri && !URL.canParse(tableUri))
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`${setting}__tableServiceUri is not a URL. Expected e.g. https://<account>.table.core.windows.net.`);
    const blobUri = lookup(`${setting}__blobServiceUri`) ?? (accountName ? `https://${accountName}.blob.core.windows.net` : undefined);
    if (tableUri)
        return withSignal(fromIdentity(setting, tableUri, blobUri, lookup, options.credential, clientOptions));
    if (options.origin)
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`${setting} is empty in ${options.origin}, and neither ${setting}__accountName nor ${setting}__tableServiceUri is set`);
    throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`no storage connection: the setting ${setting} is not set in the environment${options.appDir ? ' or in local.settings.json' : ''}, and neither is ${setting}__accountName or ${setting}__tableServiceUri. ` +
        `Set ${setting} to the task hub's storage connection string (or UseDevelopmentStorage=true for Azurite), or use --connection <SettingName>.`);
}
function fromConnectionString(setting, text, clientOptions) {
    const parts = parseConnectionString(text);
    if (parts.usedevelopmentstorage === 'true') {
        const host = parts.developmentstorageproxyuri ?? 'http://127.0.0.1';
        return keyConnection(setting, DEV_ACCOUNT, DEV_KEY, `${host}:10002/${DEV_ACCOUNT}`, `${host}:10000/${DEV_ACCOUNT}`, clientOptions, 'Azurite (UseDevelopmentStorage=true)');
    }
    const account = parts.accountname;
    const protocol = parts.defaultendpointsprotocol ?? 'https';
    const suffix = parts.endpointsuffix ?? 'core.windows.net';
    const tableEndpoint = parts.tableendpoint ?? (account ? `${protocol}://${account}.table.${suffix}` : undefined);
    const blobEndpoint = parts.blobendpoint ?? (account ? `${protocol}://${account}.blob.${suffix}` : undefined);
    if (!tableEndpoint) {
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`the setting ${setting} is not a storage connection string: expected AccountName=...;AccountKey=... (or TableEndpoint=...), or UseDevelopmentStorage=true.`);
    }
    for (const [name, endpoint] of [
        ['TableEndpoint', tableEndpoint],
        ['BlobEndpoint', blobEndpoint],
    ]) {
        if (endpoint !== undefined && !URL.canParse(endpoint)) {
            throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`the connection string in ${setting} has an invalid ${name} (not a URL). Expected e.g. https://<account>.table.core.windows.net.`);
        }
    }
    if (parts.accountkey && account)
        return keyConnection(setting, account, parts.accountkey, tableEndpoint, blobEndpoint, clientOptions);
    if (parts.sharedaccesssignature) {
        const sas = parts.sharedaccesssignature.replace(/^\?/, '');
        const name = account ?? accountOf(tableEndpoint);
        return {
            describe: `${setting}: storage account ${name} with a SAS token`,
            account: name,
            credentialKind: 'SAS',
            tableClient: (table) => new _azure_data_tables__WEBPACK_IMPORTED_MODULE_2__/* .TableClient */ .ID(`${tableEndpoint}?${sas}`, table, { ...clientOptions, allowInsecureConnection: tableEndpoint.startsWith('http:') }),
            blobService: () => new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_3__/* .BlobServiceClient */ .wS(`${blobEndpoint ?? ''}?${sas}`, undefined, BLOB_OPTIONS),
            secrets: [sas, text],
        };
    }
    throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(`the connection string in ${setting} has neither AccountKey nor SharedAccessSignature; durable-gate needs one of them, or identity-based settings (${setting}__accountName).`);
}
function keyConnection(setting, account, key, tableEndpoint, blobEndpoint, clientOptions, label) {
    const tableCredential = new _azure_data_tables__WEBPACK_IMPORTED_MODULE_2__/* .AzureNamedKeyCredential */ .Rk(account, key);
    return {
        describe: `${setting}: ${label ?? `storage account ${account} (${new URL(tableEndpoint).host})`} with an account key`,
        account,
        credentialKind: 'account key',
        tableClient: (table) => new _azure_data_tables__WEBPACK_IMPORTED_MODULE_2__/* .TableClient */ .ID(tableEndpoint, table, tableCredential, { ...clientOptions, allowInsecureConnection: tableEndpoint.startsWith('http:') }),
        blobService: () => new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_3__/* .BlobServiceClient */ .wS(blobEndpoint ?? tableEndpoint.replace('.table.', '.blob.'), new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_3__/* .StorageSharedKeyCredential */ .Z3(account, key), BLOB_OPTIONS),
        secrets: [key],
    };
}
function fromIdentity(setting, tableUri, blobUri, lookup, injected, clientOptions) {
    const kind = (lookup(`${setting}__credential`) ?? '').toLowerCase();
    const clientId = lookup(`${setting}__clientId`);
    let credentialKind = kind === 'managedidentity' ? 'managed identity' : 'default Azure credential';
    let credential = injected;
    if (injected)
        credentialKind = 'token credential';
    const account = accountOf(tableUri);
    const getCredential = async () => {
        if (credential)
            return credential;
        const identity = await __webpack_require__.e(/* import() */ 531).then(__webpack_require__.bind(__webpack_require__, 2531));
        const made = kind === 'managedidentity'
            ? new identity.ManagedIdentityCredential(clientId ? { clientId } : {})
            : new identity.DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
        // Storage tokens are masked like every other token (the Action reports them to core.setSecret).
        const sink = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_7__/* .secretSink */ ._f)();
        credential = sink ? (0,_secrets_js__WEBPACK_IMPORTED_MODULE_7__/* .maskingCredential */ .Ai)(made, sink) : made;
        return credential;
    };
    // The SDK clients take a credential object; this one defers creating the real one until a token is needed.
    const lazy = { getToken: async (scopes, opts) => (await getCredential()).getToken(scopes, opts) };
    return {
        describe: `${setting}: storage account ${account} (identity-based, ${credentialKind}${clientId ? `, client id ${clientId}` : ''})`,
        account,
        credentialKind,
        tableClient: (table) => new _azure_data_tables__WEBPACK_IMPORTED_MODULE_2__/* .TableClient */ .ID(tableUri, table, lazy, { ...clientOptions, allowInsecureConnection: tableUri.startsWith('http:') }),
        blobService: () => new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_3__/* .BlobServiceClient */ .wS(blobUri ?? tableUri.replace('.table.', '.blob.'), lazy, BLOB_OPTIONS),
        secrets: [],
    };
}
/** The account a service URL names: the first host label, or the first path segment for
 * path-style URLs (Azurite, IP addresses, localhost). */
function accountOf(serviceUrl) {
    const url = new URL(serviceUrl);
    const pathStyle = /^(\d+\.){3}\d+$|^localhost$|^\[/.test(url.hostname);
    return (pathStyle ? url.pathname.split('/').find(Boolean) : url.hostname.split('.')[0]) ?? url.host;
}


/***/ }),

/***/ 1930:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dJ: () => (/* binding */ fileNameFor),
/* harmony export */   yy: () => (/* binding */ unescapePartitionKey),
/* harmony export */   z8: () => (/* binding */ escapePartitionKey)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Partition keys of task hub tables escape characters Azure Tables forbids in keys
 * (DurableTask.AzureStorage KeySanitation.cs): '^' -> '^^', '/' -> '^0', '\' -> '^1',
 * '#' -> '^2', '?' -> '^3', control characters -> '^' + (char)(0xC0 + code).
 */
const ESCAPES = { '^': '^^', '/': '^0', '\\': '^1', '#': '^2', '?': '^3' };
const UNESCAPES = { '^': '^', '0': '/', '1': '\\', '2': '#', '3': '?' };
function isControl(code) {
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}
function escapePartitionKey(instanceId) {
    let out = '';
    for (const ch of instanceId) {
        const code = ch.charCodeAt(0);
        out += ESCAPES[ch] ?? (isControl(code) ? `^${String.fromCharCode(0xc0 + code)}` : ch);
    }
    return out;
}
function unescapePartitionKey(key) {
    if (!key.includes('^'))
        return key;
    let out = '';
    for (let i = 0; i < key.length; i++) {
        const ch = key[i];
        if (ch !== '^' || i + 1 >= key.length) {
            out += ch;
            continue;
        }
        const next = key[++i];
        const code = next.charCodeAt(0);
        out += UNESCAPES[next] ?? (code >= 0xc0 && isControl(code - 0xc0) ? String.fromCharCode(code - 0xc0) : next);
    }
    return out;
}
/** Names Windows reserves whatever their extension (CON.json is CON). */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;
/** Longest encoded id kept whole in a file name: with a hash, a suffix and `.json`, names stay under 255 bytes. */
const MAX_ENCODED = 150;
/**
 * File names for any instance id: reversible percent-encoding of everything outside
 * [A-Za-z0-9._-], so no id can name a path outside the folder. Ids too long for a file name are
 * cut and end with a hash of the whole id (which the file itself still holds whole).
 */
function fileNameFor(instanceId) {
    let encoded = Array.from(new TextEncoder().encode(instanceId), (byte) => {
        const ch = String.fromCharCode(byte);
        return /[A-Za-z0-9._-]/.test(ch) && byte < 0x80 ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }).join('');
    // Names of only dots would be special to file systems; reserved device names too.
    if (/^\.+$/.test(encoded))
        encoded = encoded.replace(/\./g, '%2E');
    if (RESERVED.test(encoded))
        encoded = `%${encoded.charCodeAt(0).toString(16).toUpperCase()}${encoded.slice(1)}`;
    if (encoded.length <= MAX_ENCODED)
        return encoded;
    // Never cut an escape in two.
    let cut = MAX_ENCODED;
    if (encoded[cut - 1] === '%')
        cut -= 1;
    else if (encoded[cut - 2] === '%')
        cut -= 2;
    return `${encoded.slice(0, cut)}~${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(instanceId).digest('hex').slice(0, 16)}`;
}


/***/ })

};
