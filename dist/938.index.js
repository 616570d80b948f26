export const id = 938;
export const ids = [938];
export const modules = {

/***/ 9938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGateAction: () => (/* binding */ runGateAction),
  runRecordAction: () => (/* binding */ runRecordAction)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 15 modules
var core = __webpack_require__(4116);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./harness/errors.ts
var errors = __webpack_require__(9410);
// EXTERNAL MODULE: ./src/commands/options.ts
var options = __webpack_require__(6052);
// EXTERNAL MODULE: ./src/commands/taskhub.ts + 1 modules
var taskhub = __webpack_require__(6788);
;// CONCATENATED MODULE: ./src/gate/gate.ts
const GATE_REPORT_SCHEMA = 'durable-gate.gate-report/v1';
const defaultSleep = (ms, signal) => new Promise((resolve) => {
    if (signal?.aborted)
        return resolve();
    const timer = setTimeout(done, ms);
    function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
});
async function runGate(options) {
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? defaultSleep;
    const start = now();
    let polls = 0;
    let previous;
    let last = [];
    const finish = (outcome, extra = {}) => ({
        schema: GATE_REPORT_SCHEMA,
        drained: outcome === 'drained',
        outcome,
        polls,
        waitedSeconds: Math.round((now() - start) / 1000),
        inFlight: last,
        ignoredStale: [],
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
            const answer = await race(collectAll(options.source, options.statuses), options.signal, Math.max(options.timeoutMs - (at - start), 0) + (options.graceMs ?? GRACE_MS));
            if (answer === 'cancelled')
                return finish('cancelled');
            if (answer === 'late')
                return finish('error', { error: `the task hub did not answer within the timeout (${Math.round(options.timeoutMs / 1000)} s) and the retries that followed.` });
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
        const stale = last.filter((i) => i.possiblyStuck);
        const blocking = options.ignoreStale ? last.filter((i) => !i.possiblyStuck) : last;
        options.onPoll?.({
            poll: polls,
            inFlight: last.length,
            blocking: blocking.length,
            stale: stale.length,
            ...(previous !== undefined ? { change: last.length - previous } : {}),
            ...(last[0] ? { oldest: last[0] } : {}),
            elapsedMs: at - start,
        });
        previous = last.length;
        if (blocking.length === 0)
            return finish('drained', { ignoredStale: options.ignoreStale ? stale.map((i) => i.instanceId) : [] });
        const remaining = options.timeoutMs - (now() - start);
        if (remaining <= 0)
            return finish('timeout');
        await sleep(Math.min(options.intervalMs, remaining), options.signal);
        if (options.signal?.aborted)
            return finish('cancelled');
    }
}
/** Time a poll may still take after the timeout, for its retries to run out. */
const GRACE_MS = 10_000;
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

// EXTERNAL MODULE: ./src/taskhub/azure-tables.ts
var azure_tables = __webpack_require__(2645);
// EXTERNAL MODULE: ./src/taskhub/record.ts
var record = __webpack_require__(2163);
;// CONCATENATED MODULE: ./src/action/taskhub.ts
/** The Action's `record` and `gate` commands: the same libraries as the CLI. */









const list = (value) => value.split(/\r?\n|,/).map((s) => s.trim()).filter(Boolean);
function openHub(getInput, workspace) {
    const taskHub = getInput('task-hub');
    if (!taskHub)
        throw new Error("Input 'task-hub' is required: the task hub name (host.json extensions.durableTask.hubName).");
    const setting = getInput('connection') || 'AzureWebJobsStorage';
    // Whatever the connection setting holds is a secret, whether or not it parses.
    const raw = process.env[setting];
    if (raw)
        core/* setSecret */.Pq(raw);
    const app = getInput('app');
    const prefix = getInput('table-prefix');
    const opened = (0,azure_tables/* openTaskHub */.$O)({ taskHub, setting, ...(app ? { appDir: (0,external_node_path_.resolve)(workspace, app) } : {}), ...(prefix ? { tablePrefix: prefix } : {}) });
    for (const secret of opened.connection.secrets)
        core/* setSecret */.Pq(secret);
    return opened;
}
function storageSource(getInput, workspace) {
    const { hub, connection } = openHub(getInput, workspace);
    return { source: hub, secrets: connection.secrets };
}
async function runRecordAction(getInput, workspace) {
    const out = getInput('out');
    if (!out)
        throw new Error("Input 'out' is required for command: record, the folder for the history files.");
    const statuses = (0,options/* parseStatuses */.O7)('status', list(getInput('status')));
    const created = getInput('created-after');
    const limit = getInput('limit');
    const orchestrators = list(getInput('orchestrator'));
    const instances = list(getInput('instance'));
    const { hub, connection } = openHub(getInput, workspace);
    core/* info */.pq(`Reading ${hub.describe}`);
    try {
        const summary = await (0,record/* recordHistories */.C)({
            hub,
            outDir: (0,external_node_path_.resolve)(workspace, out),
            query: {
                statuses,
                ...(created ? { createdAfter: (0,options/* parseTime */.pe)('created-after', created) } : {}),
                ...(orchestrators.length ? { names: orchestrators } : {}),
                ...(instances.length ? { instanceIds: instances } : {}),
            },
            ...(limit ? { limit: (0,options/* parseCount */.zq)('limit', limit) } : {}),
        });
        const recorded = summary.written + summary.updated;
        const { headline, notes, missed } = (0,taskhub/* recordReport */.YK)(summary, out, connection.secrets);
        core/* info */.pq(headline);
        core/* setOutput */.uH('recorded', recorded);
        core/* setOutput */.uH('in-flight', summary.instances);
        core/* setOutput */.uH('out', (0,external_node_path_.resolve)(workspace, out));
        for (const note of notes)
            core/* info */.pq(note);
        await core/* summary */.z
            .addHeading('durable-gate record', 2)
            .addRaw(`Task hub ${hub.taskHub}: ${headline}`, true)
            .addList(notes)
            .write()
            .catch((error) => core/* warning */.$e(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(error)}`));
        if (missed > 0)
            core/* setFailed */.C1(`${missed} instance(s) could not be recorded; they are listed above.`);
    }
    catch (error) {
        core/* setFailed */.C1((0,options/* redact */.E$)((0,errors/* errorMessage */.gJ)(error), connection.secrets));
    }
}
async function runGateAction(getInput, workspace, signal) {
    const timeoutMs = (0,options/* parseDuration */.E9)('timeout', getInput('timeout') || '30m');
    const intervalMs = (0,options/* parseDuration */.E9)('interval', getInput('interval') || '15s');
    const staleInput = getInput('stale-after');
    const staleAfterMs = staleInput ? (0,options/* parseDuration */.E9)('stale-after', staleInput) : undefined;
    const ignoreStale = (getInput('ignore-stale') || 'false').toLowerCase() === 'true';
    if (ignoreStale && staleAfterMs === undefined)
        throw new Error("Input 'ignore-stale' needs 'stale-after': it says which instances count as possibly stuck.");
    const statuses = (0,options/* parseStatuses */.O7)('status', list(getInput('status')));
    const { source, secrets } = getInput('slot') ? await (await Promise.all(/* import() */[__webpack_require__.e(498), __webpack_require__.e(230)]).then(__webpack_require__.bind(__webpack_require__, 3849))).slotGateSource(getInput, workspace, signal) : storageSource(getInput, workspace);
    core/* info */.pq(`Gating on ${source.describe}; waiting for ${statuses.join(', ')} instances to finish.`);
    const report = await runGate({
        source,
        statuses,
        timeoutMs,
        intervalMs,
        signal,
        ...(staleAfterMs !== undefined ? { staleAfterMs } : {}),
        ...(ignoreStale ? { ignoreStale } : {}),
        onPoll: (poll) => core/* info */.pq(`poll ${poll.poll}: ${poll.inFlight} in flight${poll.change === undefined ? '' : `, ${poll.change >= 0 ? '+' : ''}${poll.change} since last poll`}${poll.stale ? `, ${poll.stale} possibly stuck` : ''}`),
    });
    if (report.error)
        report.error = (0,options/* redact */.E$)(report.error, secrets);
    core/* info */.pq((0,taskhub/* renderGateText */.T5)(report));
    const reportPath = (0,external_node_path_.join)(process.env.RUNNER_TEMP || workspace, 'durable-gate-gate.json');
    await (0,promises_.writeFile)(reportPath, JSON.stringify(report, null, 2) + '\n');
    core/* setOutput */.uH('drained', report.drained);
    core/* setOutput */.uH('in-flight', report.inFlight.length);
    core/* setOutput */.uH('report-path', reportPath);
    const summary = core/* summary */.z.addHeading('durable-gate gate', 2).addRaw((0,taskhub/* renderGateText */.T5)(report).split('\n')[0], true);
    if (!report.drained && report.inFlight.length > 0) {
        summary.addTable([
            ['Instance', 'Orchestrator', 'Status', 'Created', 'Last updated'].map((data) => ({ data, header: true })),
            ...report.inFlight.map((i) => [i.instanceId, i.name, i.runtimeStatus + (i.possiblyStuck ? ' (possibly stuck)' : ''), i.createdTime ?? '', i.lastUpdatedTime ?? '']),
        ]);
    }
    await summary.write().catch((error) => core/* warning */.$e(`Could not write the job summary: ${(0,errors/* errorMessage */.gJ)(error)}`));
    const code = gateExitCode(report);
    if (code !== 0)
        core/* setFailed */.C1((0,taskhub/* renderGateText */.T5)(report).split('\n')[0]);
}


/***/ })

};
