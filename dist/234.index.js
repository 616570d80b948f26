export const id = 234;
export const ids = [234];
export const modules = {

/***/ 2234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runGateAction: () => (/* binding */ runGateAction),
/* harmony export */   runRecordAction: () => (/* binding */ runRecordAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4116);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9410);
/* harmony import */ var _harness_report_write_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1967);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6683);
/* harmony import */ var _commands_options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6052);
/* harmony import */ var _commands_taskhub_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6788);
/* harmony import */ var _gate_gate_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4512);
/* harmony import */ var _gate_job_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3728);
/* harmony import */ var _taskhub_azure_tables_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2645);
/* harmony import */ var _taskhub_record_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(8489);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8592);
/** The Action's `record` and `gate` commands: the same libraries as the CLI. */












const list = (value) => value
    .split(/\r?\n|,/)
    .map((s) => s.trim())
    .filter(Boolean);
function openHub(getInput, workspace, signal) {
    const taskHub = getInput('task-hub');
    if (!taskHub)
        throw new Error("Input 'task-hub' is required: the task hub name (host.json extensions.durableTask.hubName).");
    const setting = getInput('connection') || 'AzureWebJobsStorage';
    // Whatever the connection setting holds is a secret, whether or not it parses.
    const raw = process.env[setting];
    if (raw)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(raw);
    const app = getInput('app');
    const prefix = getInput('table-prefix');
    const opened = (0,_taskhub_azure_tables_js__WEBPACK_IMPORTED_MODULE_8__/* .openTaskHub */ .$O)({ taskHub, setting, signal, ...(app ? { appDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, app) } : {}), ...(prefix ? { tablePrefix: prefix } : {}) });
    for (const secret of opened.connection.secrets)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
    return opened;
}
function storageSource(getInput, workspace, signal) {
    const { hub, connection } = openHub(getInput, workspace, signal);
    return { source: hub, hub, secrets: connection.secrets };
}
async function runRecordAction(getInput, workspace, signal) {
    const out = getInput('out');
    if (!out)
        throw new Error("Input 'out' is required for command: record, the folder for the history files.");
    const statuses = (0,_commands_options_js__WEBPACK_IMPORTED_MODULE_4__/* .parseStatuses */ .O7)('status', list(getInput('status')));
    const created = getInput('created-after');
    const limit = getInput('limit');
    const orchestrators = list(getInput('orchestrator'));
    const instances = list(getInput('instance'));
    const keeping = (0,_commands_taskhub_js__WEBPACK_IMPORTED_MODULE_5__/* .recordKeeping */ .lD)([getInput('redact')], getInput('keep-per-orchestrator'), getInput('max-age'), '');
    const timeout = getInput('timeout') || '30m';
    const deadline = (0,_deadline_js__WEBPACK_IMPORTED_MODULE_11__/* .withDeadline */ .NE)(signal, (0,_commands_options_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)('timeout', timeout), `the timeout (${timeout}) passed`);
    const { hub, connection } = openHub(getInput, workspace, deadline.signal);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Reading ${hub.describe}`);
    try {
        const summary = await (0,_taskhub_record_js__WEBPACK_IMPORTED_MODULE_9__/* .recordHistories */ .C)({
            signal: deadline.signal,
            hub,
            outDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, out),
            query: {
                statuses,
                ...(created ? { createdAfter: (0,_commands_options_js__WEBPACK_IMPORTED_MODULE_4__/* .parseTime */ .pe)('created-after', created) } : {}),
                ...(orchestrators.length ? { names: orchestrators } : {}),
                ...(instances.length ? { instanceIds: instances } : {}),
            },
            ...(limit ? { limit: (0,_commands_options_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCount */ .zq)('limit', limit) } : {}),
            ...keeping,
        });
        const recorded = summary.written + summary.updated;
        const { headline, notes, missed } = (0,_commands_taskhub_js__WEBPACK_IMPORTED_MODULE_5__/* .recordReport */ .YK)(summary, out, connection.secrets);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(headline);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('recorded', recorded);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('in-flight', summary.instances);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('out', (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, out));
        for (const note of notes)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(note);
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z
            .addHeading('durable-gate record', 2)
            .addRaw(`Task hub ${hub.taskHub}: ${headline}`, true)
            .addList(notes)
            .write()
            .catch((error) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write the job summary: ${(0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`));
        if (summary.stopped)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`Stopped (${summary.stopped}): ${summary.notRecorded.length} instance(s) not recorded; they are listed above.`);
        else if (missed > 0)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`${missed} instance(s) could not be recorded; they are listed above.`);
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_commands_options_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)((0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error), connection.secrets));
    }
    finally {
        deadline.clear();
    }
}
async function runGateAction(getInput, workspace, signal) {
    const timeoutMs = (0,_commands_options_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)('timeout', getInput('timeout') || '30m');
    const intervalMs = (0,_commands_options_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)('interval', getInput('interval') || '15s');
    const staleInput = getInput('stale-after');
    const staleAfterMs = staleInput ? (0,_commands_options_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)('stale-after', staleInput) : undefined;
    const ignoreStale = (getInput('ignore-stale') || 'false').toLowerCase() === 'true';
    if (ignoreStale && staleAfterMs === undefined)
        throw new Error("Input 'ignore-stale' needs 'stale-after': it says which instances count as possibly stuck.");
    const statuses = (0,_commands_options_js__WEBPACK_IMPORTED_MODULE_4__/* .parseStatuses */ .O7)('status', list(getInput('status')));
    const waitFor = (0,_commands_options_js__WEBPACK_IMPORTED_MODULE_4__/* .parseWaitFor */ .AD)(getInput('wait-for'));
    const appInput = getInput('app');
    if (waitFor === 'breaking' && !appInput)
        throw new Error("Input 'wait-for: breaking' needs 'app': the function app folder with the new code (built), whose replay decides which instances must finish first.");
    const { report, found } = await (0,_gate_job_js__WEBPACK_IMPORTED_MODULE_7__/* .runGateJob */ .C)({
        open: async (requests) => getInput('slot') ? (await Promise.all(/* import() */[__webpack_require__.e(498), __webpack_require__.e(230)]).then(__webpack_require__.bind(__webpack_require__, 3849))).slotGateSource(getInput, workspace, signal, timeoutMs) : storageSource(getInput, workspace, requests),
        statuses,
        timeoutMs,
        timeoutReason: `the timeout (${getInput('timeout') || '30m'}) passed`,
        intervalMs,
        ...(staleAfterMs !== undefined ? { staleAfterMs } : {}),
        ...(ignoreStale ? { ignoreStale } : {}),
        ...(waitFor === 'breaking' ? { appDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, appInput) } : {}),
        signal,
        onStart: ({ source }) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Gating on ${source.describe}; waiting for ${statuses.join(', ')} instances to finish.`),
        onWarning: (warning) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(warning),
        onPoll: (poll, judged) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`poll ${poll.poll}: ${poll.inFlight} in flight${poll.change === undefined ? '' : `, ${poll.change >= 0 ? '+' : ''}${poll.change} since last poll`}${poll.stale ? `, ${poll.stale} possibly stuck` : ''}` +
            (judged ? `; ${poll.breaking ?? poll.blocking} the new code breaks or cannot check` : '')),
    });
    const { hub, secrets } = found;
    const judged = waitFor === 'breaking';
    if (hub?.neverRan)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${hub.describe} has no tables yet: nothing has ever run there (the first deployment with this hub), so nothing is in flight.`);
    if (report.error)
        report.error = (0,_commands_options_js__WEBPACK_IMPORTED_MODULE_4__/* .redact */ .E$)(report.error, secrets);
    (0,_log_js__WEBPACK_IMPORTED_MODULE_10__/* .logData */ .n)(getInput('format') === 'json' ? JSON.stringify(report, null, 2) : (0,_commands_taskhub_js__WEBPACK_IMPORTED_MODULE_5__/* .renderGateText */ .T5)(report));
    const reportPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(process.env.RUNNER_TEMP || workspace, 'durable-gate-gate.json');
    await (0,_harness_report_write_js__WEBPACK_IMPORTED_MODULE_3__/* .writeWhole */ .f)(reportPath, JSON.stringify(report, null, 2) + '\n');
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('drained', report.drained);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('in-flight', report.inFlight.length);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('report-path', reportPath);
    const summary = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addHeading('durable-gate gate', 2).addRaw((0,_commands_taskhub_js__WEBPACK_IMPORTED_MODULE_5__/* .renderGateText */ .T5)(report).split('\n')[0], true);
    const shown = report.waitFor === 'breaking' ? (report.blocking ?? []) : report.inFlight;
    if (!report.drained && shown.length > 0) {
        summary.addTable([
            ['Instance', 'Orchestrator', 'Status', 'Created', 'Last updated', ...(judged ? ['Verdict', 'Why it blocks'] : [])].map((data) => ({
                data,
                header: true,
            })),
            ...shown.map((i) => [
                i.instanceId,
                i.name,
                i.runtimeStatus + (i.possiblyStuck ? ' (possibly stuck)' : ''),
                i.createdTime ?? '',
                i.lastUpdatedTime ?? '',
                ...(judged ? [i.verdict ?? 'not checked', i.reason ?? ''] : []),
            ]),
        ]);
    }
    if (report.safe?.length) {
        summary.addRaw(`${report.safe.length} instance(s) in flight replay cleanly on the new code and were not waited for:`, true);
        summary.addList(report.safe.map((i) => `${i.instanceId} (${i.name}, ${i.runtimeStatus}): ${i.reason ?? ''}`));
    }
    await summary.write().catch((error) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write the job summary: ${(0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`));
    const code = (0,_gate_gate_js__WEBPACK_IMPORTED_MODULE_6__/* .gateExitCode */ .Bx)(report);
    if (code !== 0)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_commands_taskhub_js__WEBPACK_IMPORTED_MODULE_5__/* .renderGateText */ .T5)(report).split('\n')[0]);
}


/***/ })

};
