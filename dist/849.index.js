export const id = 849;
export const ids = [849,230];
export const modules = {

/***/ 3849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runSwapAction: () => (/* binding */ runSwapAction),
/* harmony export */   runValidateAction: () => (/* binding */ runValidateAction),
/* harmony export */   slotGateSource: () => (/* binding */ slotGateSource)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4116);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9410);
/* harmony import */ var _harness_report_write_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1967);
/* harmony import */ var _azure_slots_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1906);
/* harmony import */ var _azure_swap_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7456);
/* harmony import */ var _commands_azure_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9498);
/* harmony import */ var _commands_duration_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3180);
/** The Action's `validate` and `swap` commands, and slot discovery for `gate`: the CLI's libraries. */








/** Lines the libraries write for a terminal go to the log. */
function actionIo(workspace) {
    const log = {
        write: (text) => (_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(String(text)
            .replace(/^durable-gate: /, '')
            .trimEnd()),
            true),
    };
    return { stdout: log, stderr: log, cwd: workspace, env: process.env };
}
function azureValues(getInput) {
    const names = ['app-name', 'resource-group', 'subscription', 'auth', 'client-id', 'tenant-id', 'environment', 'arm-endpoint', 'slot', 'app'];
    return Object.fromEntries(names.map((name) => [name, getInput(name)]).filter(([, value]) => value));
}
/** gate with `slot`: the hub bound to the slot, found from its settings and host.json. Secrets masked. */
async function slotGateSource(getInput, workspace, signal, timeoutMs) {
    if (getInput('task-hub') || (getInput('connection') !== '' && getInput('connection') !== 'AzureWebJobsStorage')) {
        throw new Error("Input 'slot' discovers the task hub and its storage from the slot; leave out 'task-hub' and 'connection'.");
    }
    const found = await (0,_commands_azure_js__WEBPACK_IMPORTED_MODULE_6__.slotSource)(azureValues(getInput), actionIo(workspace), signal, timeoutMs);
    for (const secret of found.secrets)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
    return found;
}
async function writeReport(name, report, workspace) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(process.env.RUNNER_TEMP || workspace, name);
    await (0,_harness_report_write_js__WEBPACK_IMPORTED_MODULE_3__/* .writeWhole */ .f)(path, JSON.stringify(report, null, 2) + '\n');
    return path;
}
function summarizeFindings(summary, report) {
    if (report.slots.length) {
        summary.addTable([
            ['Slot', 'Task hub', 'Storage setting', 'Storage account'].map((data) => ({ data, header: true })),
            ...report.slots.map((s) => [s.slot, s.taskHub + (s.hubExplicit ? '' : ' (default)'), s.connection, s.storage ?? '(none)']),
        ]);
    }
    if (report.findings.length) {
        summary.addTable([['Level', 'Finding', 'Fix'].map((data) => ({ data, header: true })), ...report.findings.map((f) => [f.level, f.message, f.fix])]);
    }
}
function annotateFindings(report) {
    for (const finding of report?.findings ?? []) {
        const text = `${finding.message} Fix: ${finding.fix}`;
        if (finding.level === 'error')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(text, { title: `durable-gate: ${finding.code}` });
        else
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(text, { title: `durable-gate: ${finding.code}` });
    }
}
async function runValidateAction(getInput, workspace, signal) {
    const values = azureValues(getInput);
    if (!values.slot)
        throw new Error("Input 'slot' is required for command: validate, the slot to check (e.g. staging).");
    const timeoutMs = (0,_commands_duration_js__WEBPACK_IMPORTED_MODULE_7__/* .parseDuration */ .E)('timeout', getInput('timeout') || '5m');
    const { site, identity } = await (0,_commands_azure_js__WEBPACK_IMPORTED_MODULE_6__.openSite)(values, actionIo(workspace), 'validate', { timeoutMs, ...(signal ? { signal } : {}) });
    const report = await (0,_azure_slots_js__WEBPACK_IMPORTED_MODULE_4__/* .validateSlots */ .uW)({
        site,
        slot: values.slot,
        target: getInput('target') || 'production',
        credential: identity.credential,
        ...(values.app ? { appDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, values.app) } : {}),
    });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_azure_slots_js__WEBPACK_IMPORTED_MODULE_4__/* .renderValidation */ .kQ)(report));
    annotateFindings(report);
    const errors = report.findings.filter((f) => f.level === 'error').length;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('valid', report.ok);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('errors', errors);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('warnings', report.findings.length - errors);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('report-path', await writeReport('durable-gate-validate.json', report, workspace));
    const summary = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addHeading('durable-gate validate', 2).addRaw((0,_azure_slots_js__WEBPACK_IMPORTED_MODULE_4__/* .renderValidation */ .kQ)(report).trimEnd().split('\n').at(-1), true);
    summarizeFindings(summary, report);
    await summary.write().catch((error) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write the job summary: ${(0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`));
    if (!report.ok)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(`The slot set-up has ${errors} error(s); each names its fix.`);
}
async function runSwapAction(getInput, workspace, signal) {
    const values = azureValues(getInput);
    if (!values.slot)
        throw new Error("Input 'slot' is required for command: swap, the slot holding the new version (e.g. staging).");
    const settings = (0,_commands_azure_js__WEBPACK_IMPORTED_MODULE_6__.swapSettings)((name) => getInput(name), values.slot, '');
    const skipValidation = (getInput('skip-validation') || 'false').toLowerCase() === 'true';
    const io = actionIo(workspace);
    const { site, identity } = await (0,_commands_azure_js__WEBPACK_IMPORTED_MODULE_6__.openSite)(values, io, 'swap', { timeoutMs: settings.timeoutMs, signal });
    const report = await (0,_commands_azure_js__WEBPACK_IMPORTED_MODULE_6__.swapWithValidation)(site, identity, settings, { skipValidation, signal, ...(values.app ? { appDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, values.app) } : {}) }, (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq((0,_commands_azure_js__WEBPACK_IMPORTED_MODULE_6__.renderSwap)(report));
    annotateFindings(report.validation);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('outcome', report.outcome);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('rolled-back', report.rolledBack);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('report-path', await writeReport('durable-gate-swap.json', report, workspace));
    const summary = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addHeading('durable-gate swap', 2).addRaw(report.message, true);
    if (report.operations.length) {
        summary.addTable([
            ['Operation', 'From', 'To', 'Result', 'Seconds'].map((data) => ({ data, header: true })),
            ...report.operations.map((op) => [op.operation, op.from, op.to, op.succeeded ? 'succeeded' : `failed: ${op.message ?? ''}`, String(op.seconds)]),
        ]);
    }
    if (report.health)
        summary.addRaw(`Health after the swap: ${report.health.healthy ? 'healthy' : 'unhealthy'} after ${report.health.attempts.length} attempt(s).`, true);
    if (report.healthAfterRollback)
        summary.addRaw(`Health after swapping back: ${report.healthAfterRollback.healthy ? 'healthy' : 'unhealthy'}.`, true);
    if (report.validation)
        summarizeFindings(summary, report.validation);
    await summary.write().catch((error) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write the job summary: ${(0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`));
    if ((0,_azure_swap_js__WEBPACK_IMPORTED_MODULE_5__/* .swapExitCode */ .T_)(report) !== 0)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(report.message);
}


/***/ })

};
