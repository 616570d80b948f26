export const id = 688;
export const ids = [688];
export const modules = {

/***/ 1201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A8: () => (/* binding */ OUTCOME_UNKNOWN),
/* harmony export */   AN: () => (/* binding */ ArmCancelled),
/* harmony export */   Gl: () => (/* binding */ INVALID_RESPONSE),
/* harmony export */   aN: () => (/* binding */ ArmClient),
/* harmony export */   dW: () => (/* binding */ ArmError)
/* harmony export */ });
/* unused harmony exports WEB_API_VERSION, armErrorDetail */
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9410);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6803);
/* harmony import */ var _http_client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3329);
/* harmony import */ var _option_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1635);




const WEB_API_VERSION = '2024-04-01';
/** The call may or may not have taken effect at Azure's side: check before acting again. */
const OUTCOME_UNKNOWN = 'OutcomeUnknown';
/** Azure Resource Manager (or something in its place) answered with something ARM does not send. */
const INVALID_RESPONSE = 'InvalidResponse';
/** The longest wait between two polls or two tries after a 409, whatever Retry-After says. */
const MAX_RETRY_AFTER_MS = 60_000;
const ArmError = (0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .brandedError */ .fi)('ArmError', class extends _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DurableGateError */ .B7 {
    status;
    code;
    constructor(message, status, code) {
        super(message);
        this.status = status;
        this.code = code;
    }
});
/** The ARM call was cancelled by the user (SIGINT/SIGTERM, a cancelled workflow). */
const ArmCancelled = (0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .brandedError */ .fi)('ArmCancelled', class extends _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DurableGateError */ .B7 {
    sent;
    accepted;
    constructor(message, 
    /** False when the cancel came before the request was sent: nothing was started. */
    sent = true, 
    /** True when Azure had accepted the operation: it goes on at Azure's side. */
    accepted = false) {
        super(message);
        this.sent = sent;
        this.accepted = accepted;
    }
});
/** An App Service error in either shape, as code and message. */
function armErrorDetail(body) {
    const detail = armErrorBody(body);
    if (detail)
        return detail;
    const text = body.trim().replace(/\s+/g, ' ');
    if (!text)
        return {};
    return { message: text.startsWith('<') ? `an HTML page, not an answer of Azure Resource Manager (it begins '${text.slice(0, 60)}')` : text.slice(0, 300) };
}
/** The error of an ARM or App Service error body ({"error":{code,message}} or {"Code","Message"}); undefined when the body is no such thing. */
function armErrorBody(body) {
    let parsed;
    try {
        parsed = JSON.parse(body);
    }
    catch {
        return undefined;
    }
    if (!isObject(parsed))
        return undefined;
    const error = parsed.error ?? parsed.Error;
    const source = isObject(error) ? error : parsed;
    const code = source.code ?? source.Code;
    const message = source.message ?? source.Message;
    if (typeof code !== 'string' && typeof message !== 'string')
        return undefined;
    return { ...(typeof code === 'string' ? { code } : {}), ...(typeof message === 'string' ? { message } : {}) };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The JSON body of an answer; undefined for an empty one; a string saying why when it is not JSON. */
function readJson(response) {
    if (!response.body.trim())
        return { value: undefined };
    try {
        return { value: JSON.parse(response.body) };
    }
    catch {
        return { problem: `HTTP ${response.status} with a body that is not JSON (${(0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBody */ .MP)(response)})` };
    }
}
const CONFLICT = /another operation is in progress/i;
class ArmClient {
    options;
    token;
    /** Every exchange with Resource Manager, with the one retry policy. */
    http;
    constructor(options) {
        this.options = options;
        const { ca, requestTimeoutMs: timeoutMs, retries, retryDelayMs: baseDelayMs, retryBudgetMs: budgetMs, signal, clock, sleep } = options;
        this.http = new _http_client_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpClient */ .Qq({ ca, timeoutMs, retry: { retries, baseDelayMs, budgetMs }, signal, clock, sleep });
    }
    /**
     * The Authorization header. A cancel while the token is on its way ends the wait at once, with
     * `cancelled` (the request it was for was not sent).
     */
    async authorization(cancelled) {
        if (!this.token || this.token.expiresOnTimestamp - Date.now() < 120_000) {
            const { signal } = this.options;
            const limit = this.options.tokenTimeoutMs ?? 120_000;
            let token;
            try {
                token = await settle(this.options.credential.getToken(this.options.scope, signal ? { abortSignal: signal } : {}), signal, limit);
            }
            catch (error) {
                if (signal?.aborted)
                    throw cancelled();
                throw new ArmError(`could not get a token for Azure Resource Manager: ${(0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error).split('\n')[0]}`);
            }
            if (token === 'cancelled' || signal?.aborted)
                throw cancelled();
            if (token === 'late')
                throw new ArmError(`could not get a token for Azure Resource Manager: the credential did not answer within ${Math.round(limit / 1000)} s. Check ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .u)('auth')} and the login (az account show, or the OIDC set-up).`);
            if (!token)
                throw new ArmError('could not get a token for Azure Resource Manager: the credential returned none.');
            this.token = token;
        }
        return `Bearer ${this.token.token}`;
    }
    url(path, apiVersion = WEB_API_VERSION) {
        const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(this.options.endpoint.replace(/\/+$/, '') + path);
        if (!url.searchParams.has('api-version'))
            url.searchParams.set('api-version', apiVersion);
        return url;
    }
    /**
     * One call, through the one HTTP client: 408, 429, 5xx and transport failures retried within the
     * retry budget as its policy says; 409 conflicts waited out. Non-2xx → ArmError; so is a 2xx whose
     * body is not JSON: an answer counts only when it is one Resource Manager could have sent.
     */
    async request(method, path, body, what = `${method} ${path}`, options = {}) {
        const url = this.url(path);
        const conflictDeadline = this.http.now() + (this.options.conflictWaitMs ?? 10 * 60_000);
        // One retry budget for the whole call, 409 waits included.
        const retryDeadline = this.http.now() + this.http.policy.budgetMs;
        const notSent = () => new ArmCancelled(`cancelled before ${what} was sent`, false);
        const mustNotRepeat = options.idempotent === false;
        for (;;) {
            let result;
            try {
                result = await this.http.request(url, {
                    method,
                    headers: async () => ({ authorization: await this.authorization(notSent), accept: 'application/json' }),
                    ...(body !== undefined ? { body: JSON.stringify(body) } : method === 'POST' ? { body: '' } : {}),
                    idempotent: !mustNotRepeat,
                    deadline: retryDeadline,
                    onRetry: ({ attempt, delayMs, response, failure }) => {
                        if (failure)
                            return this.options.onNotice?.(`${what}: ${failure}; trying again in ${seconds(delayMs)}.`);
                        // One throttled or failed try is routine: said from the second on.
                        if (response && attempt > 1)
                            this.options.onNotice?.(`${what}: ${armErrorDetail(response.body).message ?? `HTTP ${response.status}`} (HTTP ${response.status}); trying again in ${seconds(delayMs)}.`);
                    },
                });
            }
            catch (error) {
                if (!(error instanceof _http_client_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpFailure */ .HR))
                    throw error;
                if (error.cancelled) {
                    if (!error.reached)
                        throw notSent();
                    throw new ArmCancelled(mustNotRepeat ? `cancelled while ${what} was being sent: it may or may not have started at Azure's side` : `cancelled ${what}`);
                }
                if (error.tls)
                    throw new ArmError(`${what}: ${error.tls}`);
                if (mustNotRepeat && error.reached) {
                    throw new ArmError(`${what}: ${error.code} after the request was sent (${error.message}): it may or may not have started at Azure's side.`, undefined, OUTCOME_UNKNOWN);
                }
                throw new ArmError(`${what}: ${error.code} (after ${error.attempts} attempt(s)): ${error.message}. Is ${url.origin} reachable?`);
            }
            const { response } = result;
            const { status } = response;
            if (status >= 200 && status < 300) {
                const parsed = readJson(response);
                if ('problem' in parsed) {
                    const tail = mustNotRepeat
                        ? " Whether it started at Azure's side is not known: check the app's activity log before acting again."
                        : ` Something other than Resource Manager may have answered (a proxy, a sign-in page): check ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .u)('arm-endpoint')} and the network path to it.`;
                    throw new ArmError(`${what}: Azure Resource Manager answered ${parsed.problem}.${tail}`, status, mustNotRepeat ? OUTCOME_UNKNOWN : INVALID_RESPONSE);
                }
                return { status, headers: response.headers, body: parsed.value };
            }
            const detail = armErrorDetail(response.body);
            const said = detail.message ?? `HTTP ${status}`;
            if (status === 409 && CONFLICT.test(said)) {
                if (options.retryConflict && !options.retryConflict(said))
                    throw new ArmError(`${what}: ${said}`, status, 'OperationInProgress');
                if (this.http.now() >= conflictDeadline)
                    throw new ArmError(`${what}: the site was still busy with another operation when the time to wait ran out: ${said}`, status, 'OperationInProgress');
                const pause = Math.min(Math.max(this.http.retryAfterMs(response) ?? 15_000, 1000), MAX_RETRY_AFTER_MS, Math.max(conflictDeadline - this.http.now(), 1));
                this.options.onNotice?.(`Azure says another operation is in progress on the site; waiting ${seconds(pause)} and trying again. (${said})`);
                await this.http.wait(pause);
                continue;
            }
            if (mustNotRepeat && (0,_http_client_js__WEBPACK_IMPORTED_MODULE_2__/* .retryableStatus */ .Fd)(status) && status !== 429) {
                throw new ArmError(`${what}: ${explain(status, detail.code, said)}; it may or may not have started at Azure's side.`, status, OUTCOME_UNKNOWN);
            }
            throw new ArmError(`${what}: ${explain(status, detail.code, said)}`, status, detail.code);
        }
    }
    /**
     * Starts a long-running operation and follows it to its end. Resolves when it succeeded, throws
     * ArmError with the platform's reason when it failed, ArmError with code OUTCOME_UNKNOWN when
     * Azure accepted it and its end could not be learnt, ArmCancelled when the user cancelled (with
     * `accepted` when the operation goes on at Azure's side).
     *
     * Only an answer that proves the end counts: Succeeded (or the Location's final 2xx) for success;
     * status Failed/Canceled, or a 4xx carrying ARM's error for the operation, for failure. Anything
     * else (401, 403, 404, 408, 429 and 5xx that outlast the retries, transport failures, a body ARM
     * does not send) leaves the outcome unknown, said as such: a swap that was carried out must never
     * be reported as failed, or someone runs it again and undoes it.
     */
    async operation(method, path, body, what, options = {}) {
        const started = await this.request(method, path, body, what, { ...options, idempotent: false });
        if (started.status !== 201 && started.status !== 202)
            return;
        const asyncOperation = header(started.headers, 'azure-asyncoperation');
        const location = header(started.headers, 'location');
        const accepted = `Azure accepted it, and it may have completed: check the app's activity log before acting again.`;
        const unknown = (reason, status) => new ArmError(`${what}: ${reason}. ${accepted}`, status, OUTCOME_UNKNOWN);
        if (!asyncOperation && !location) {
            // 201 Created is an end in itself; a 202 without an address to follow says nothing of the end.
            if (started.status === 201)
                return;
            throw unknown('Azure answered HTTP 202 without an Azure-AsyncOperation or Location header to follow it by', 202);
        }
        // The token goes only to Resource Manager itself: an operation URL elsewhere is not followed.
        const endpoint = new URL(this.options.endpoint);
        for (const link of [asyncOperation, location]) {
            if (link && (!URL.canParse(link) || new URL(link).origin !== endpoint.origin)) {
                throw new ArmError(`${what}: Azure accepted it, but its status is at ${link}, not at ${endpoint.origin}: not followed with the token. It may have completed: check the app's activity log for the result before acting again.`, undefined, OUTCOME_UNKNOWN);
            }
        }
        const { signal } = this.options;
        const link = new URL((asyncOperation ?? location));
        const style = asyncOperation ? 'operation status' : 'operation result';
        const deadline = this.http.now() + (this.options.operationTimeoutMs ?? 30 * 60_000);
        const began = this.http.now();
        const following = () => new ArmCancelled(`stopped following ${what}: Azure accepted it and it goes on at Azure's side. Check the app's activity log before acting again`, true, true);
        const inARow = (attempts) => (attempts > 1 ? ` (${attempts} times in a row)` : '');
        const answered = (response) => {
            const said = armErrorDetail(response.body).message;
            return `HTTP ${response.status}${said ? `: ${said}` : ''}`;
        };
        let delay = this.http.retryAfterMs(started) ?? 5000;
        let noticed = 0;
        for (;;) {
            const left = deadline - this.http.now();
            if (left <= 0)
                throw unknown(`still not finished after ${Math.round((this.http.now() - began) / 1000)} s, when the time to follow it ran out`);
            await this.http.wait(Math.min(Math.max(delay, 1000), MAX_RETRY_AFTER_MS, left));
            if (signal?.aborted)
                throw following();
            if (this.http.now() - began - noticed >= 30_000) {
                noticed = this.http.now() - began;
                this.options.onNotice?.(`${what}: still running after ${Math.round(noticed / 1000)} s`);
            }
            // A poll is a read: the client retries its failures, 408, 429 and 5xx, until the time to follow it ends.
            let result;
            try {
                result = await this.http.request(link, {
                    headers: async () => ({ authorization: await this.authorization(following), accept: 'application/json' }),
                    deadline,
                    onRetry: ({ response, failure, delayMs }) => this.options.onNotice?.(`${what}: reading its ${style} ${response ? `answered ${answered(response)}` : `failed (${failure})`}; trying again in ${seconds(delayMs)}.`),
                });
            }
            catch (error) {
                if (error instanceof ArmCancelled || signal?.aborted)
                    throw following();
                if (error instanceof ArmError)
                    throw unknown(`its ${style} could not be read: ${error.message}`);
                if (!(error instanceof _http_client_js__WEBPACK_IMPORTED_MODULE_2__/* .HttpFailure */ .HR))
                    throw error;
                if (error.cancelled)
                    throw following();
                if (error.tls)
                    throw unknown(`its ${style} could not be read: ${error.tls}`);
                throw unknown(`its ${style} could not be read: ${error.code}${inARow(error.attempts)}: ${error.message}`);
            }
            const { response } = result;
            const { status } = response;
            const said = armErrorDetail(response.body).message;
            if ((0,_http_client_js__WEBPACK_IMPORTED_MODULE_2__/* .retryableStatus */ .Fd)(status))
                throw unknown(`its ${style} could not be read: ${answered(response)}${inARow(result.attempts)}`, status);
            if (status === 401 || status === 403 || status === 404) {
                throw unknown(`its ${style} could not be read: ${POLL_REFUSED[status]} (HTTP ${status}${said ? `: ${said}` : ''})`, status);
            }
            const parsed = readJson(response);
            if (asyncOperation) {
                // The status monitor answers 200 with {"status": ...}; anything else does not tell how it ended.
                const value = 'value' in parsed ? parsed.value : undefined;
                if (status < 200 || status >= 300 || !isObject(value) || typeof value.status !== 'string') {
                    const why = 'problem' in parsed
                        ? parsed.problem
                        : status < 200 || status >= 300
                            ? `HTTP ${status} (${said ?? (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBody */ .MP)(response)})`
                            : `HTTP ${status} without a status (${(0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBody */ .MP)(response)})`;
                    throw unknown(`its operation status is not an answer Azure sends: ${why}`, status);
                }
                const state = value.status.toLowerCase();
                if (state === 'succeeded')
                    return;
                if (state === 'failed' || state === 'canceled' || state === 'cancelled') {
                    const detail = armErrorBody(JSON.stringify(value)) ?? {};
                    throw new ArmError(`${what} ${state}: ${detail.message ?? 'no reason given'}${detail.code ? ` (${detail.code})` : ''}`, undefined, detail.code);
                }
            }
            else if (status >= 400 && status < 500) {
                // The Location answers the operation's own error with a 4xx and ARM's error body: that is a failure.
                const detail = armErrorBody(response.body);
                if (!detail)
                    throw unknown(`its operation result is not an answer Azure sends: HTTP ${status} (${(0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBody */ .MP)(response)})`, status);
                throw new ArmError(`${what} failed: ${detail.message ?? 'no reason given'}${detail.code ? ` (${detail.code})` : ''}`, status, detail.code);
            }
            else if ('problem' in parsed || ![200, 201, 202, 204].includes(status)) {
                throw unknown(`its operation result is not an answer Azure sends: ${'problem' in parsed ? parsed.problem : `HTTP ${status} (${(0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBody */ .MP)(response)})`}`, status);
            }
            else if (status !== 202) {
                return;
            }
            delay = this.http.retryAfterMs(response) ?? delay;
        }
    }
}
/** Why a poll's 401, 403 or 404 says nothing of the operation's end. */
const POLL_REFUSED = {
    401: 'Azure refused the token while it was being followed',
    403: 'the identity may not read the operation',
    404: 'the operation was not found (its record may have expired or moved)',
};
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** Waits for `work`, but no longer than the signal allows or `limitMs`. */
function settle(work, signal, limitMs) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return resolve('cancelled');
        // Whichever comes first ends the wait, and the others are cleared: a credential that never answers holds nothing open.
        const end = (settle) => (value) => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            settle(value);
        };
        const timer = setTimeout(end(() => resolve('late')), limitMs);
        const onAbort = end(() => resolve('cancelled'));
        signal?.addEventListener('abort', onAbort, { once: true });
        work.then(end(resolve), end(reject));
    });
}
function explain(status, code, message) {
    const tail = code ? ` (${code}, HTTP ${status})` : ` (HTTP ${status})`;
    switch (status) {
        case 401:
            return `Azure refused the token${tail}: ${message} Check ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .u)('auth')} and that the login is for the right tenant.`;
        case 403:
            return `not allowed${tail}: ${message} The identity needs a role such as Website Contributor on the app (slot swaps need Microsoft.Web/sites/slots/slotsswap/action).`;
        case 404:
            return `not found${tail}: ${message} Check ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .u)('subscription')}, ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .u)('resource-group')}, ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .u)('app-name')} and ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_3__/* .option */ .u)('slot')}.`;
        default:
            return `${message}${tail}`;
    }
}
function seconds(ms) {
    return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}


/***/ }),

/***/ 441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rc: () => (/* reexport safe */ _harness_app_host_json_js__WEBPACK_IMPORTED_MODULE_0__.Rc),
/* harmony export */   a7: () => (/* binding */ defaultHubName),
/* harmony export */   di: () => (/* binding */ resolveHubName),
/* harmony export */   kv: () => (/* binding */ hubSettingNames)
/* harmony export */ });
/* unused harmony export hubNameProblem */
/* harmony import */ var _harness_app_host_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9362);

/** The app settings hubName refers to (%Name%). */
function hubSettingNames(config) {
    return [...(config?.hubName ?? '').matchAll(/%([^%]+)%/g)].map((m) => m[1]);
}
/** The hub a slot's code uses: %Setting% references resolved from the slot's settings. */
function resolveHubName(config, settings, siteName) {
    if (!config.hubName)
        return { hub: defaultHubName(settings.WEBSITE_SITE_NAME ?? siteName), explicit: false };
    let missing;
    const hub = config.hubName.replace(/%([^%]+)%/g, (_, name) => {
        const value = settings[name];
        if (value === undefined) {
            missing ??= name;
            return `%${name}%`;
        }
        return value;
    });
    if (missing)
        return {
            hub,
            explicit: true,
            missingSetting: missing,
            problem: `hubName '${config.hubName}' refers to the app setting ${missing}, which this slot does not have`,
        };
    const problem = hubNameProblem(hub);
    return { hub, explicit: true, ...(problem ? { problem } : {}) };
}
/** DurableTaskOptions: the site name with only letters and digits, 't' before a leading digit, 3 to 45 characters. */
function defaultHubName(siteName) {
    let name = [...siteName].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');
    if (!name)
        return 'DefaultTaskHub';
    if (/^\p{N}/u.test(name))
        name = `t${name}`;
    name = name.slice(0, 45);
    return name.length < 3 ? `${name}Hub` : name;
}
/** AzureStorageOptions.ValidateHubName, said the same way. */
function hubNameProblem(hub) {
    if (/^[A-Za-z][A-Za-z0-9]{2,44}$/.test(hub))
        return undefined;
    return `Task hub name '${hub}' should contain only alphanumeric characters, start with a letter, and have length between 3 and 45.`;
}


/***/ }),

/***/ 5444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ao: () => (/* binding */ WebSite),
/* harmony export */   KV: () => (/* binding */ isProduction)
/* harmony export */ });
/* unused harmony export PRODUCTION */
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9410);
/* harmony import */ var _arm_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1201);
/* harmony import */ var _option_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1635);
/**
 * A function app and its deployment slots through ARM (Microsoft.Web; protocol §8). 'production'
 * is the site itself; any other slot name is a slot under it.
 */



const PRODUCTION = 'production';
function isProduction(slot) {
    return slot.toLowerCase() === PRODUCTION;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * An answer that lacks what Resource Manager always sends is an error, never read as "nothing":
 * a settings list without `properties` is not "no settings", a site without them is not a site.
 */
function expectShape(what, expected) {
    return new _arm_js__WEBPACK_IMPORTED_MODULE_1__/* .ArmError */ .dW(`${what}: Azure Resource Manager answered without ${expected}, so the answer cannot be trusted. Something other than Resource Manager may have answered (a proxy, a sign-in page): check ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_2__/* .option */ .u)('arm-endpoint')} and the network path to it, then try again.`, undefined, _arm_js__WEBPACK_IMPORTED_MODULE_1__/* .INVALID_RESPONSE */ .Gl);
}
/** The `properties` object of an answer (a resource, a config list), or an error naming the call. */
function propertiesOf(body, what) {
    if (!isObject(body) || !isObject(body.properties))
        throw expectShape(what, 'the properties object it always has');
    return body.properties;
}
class WebSite {
    arm;
    ref;
    constructor(arm, ref) {
        this.arm = arm;
        this.ref = ref;
        for (const [name, value] of [
            ['subscription', ref.subscription],
            ['resource-group', ref.resourceGroup],
            ['app-name', ref.name],
        ]) {
            if (!value || /[/?#\s]/.test(value))
                throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_2__/* .option */ .u)(name)} '${value}'. Expected a name (no slashes or spaces).`);
        }
    }
    get id() {
        return `/subscriptions/${this.ref.subscription}/resourceGroups/${this.ref.resourceGroup}/providers/Microsoft.Web/sites/${this.ref.name}`;
    }
    /** The ARM path of a slot ('production' is the site itself). */
    path(slot, suffix = '') {
        return (isProduction(slot) ? this.id : `${this.id}/slots/${encodeURIComponent(slot)}`) + suffix;
    }
    describe(slot) {
        return isProduction(slot) ? `${this.ref.name} (production)` : `${this.ref.name}/${slot}`;
    }
    /** The slot's resource; a missing app or slot is said plainly. */
    async get(slot, optionName = 'slot') {
        const what = `reading ${this.describe(slot)}`;
        let body;
        try {
            body = (await this.arm.request('GET', this.path(slot), undefined, what)).body;
        }
        catch (error) {
            if (error instanceof _arm_js__WEBPACK_IMPORTED_MODULE_1__/* .ArmError */ .dW && error.status === 404) {
                if (isProduction(slot)) {
                    throw new _arm_js__WEBPACK_IMPORTED_MODULE_1__/* .ArmError */ .dW(`function app '${this.ref.name}' was not found in resource group '${this.ref.resourceGroup}' of subscription ${this.ref.subscription}. Check ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_2__/* .option */ .u)('app-name')}, ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_2__/* .option */ .u)('resource-group')} and ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_2__/* .option */ .u)('subscription')}.`, 404, error.code);
                }
                if ((await this.plan().catch(() => undefined))?.flexConsumption) {
                    throw new _arm_js__WEBPACK_IMPORTED_MODULE_1__/* .ArmError */ .dW(`'${this.ref.name}' runs on a Flex Consumption plan, which has no deployment slots. Deploy side by side instead (a new task hub name) or use orchestration versioning; durable-gate replay tells which in-flight instances the new code breaks.`, 404, error.code);
                }
                throw new _arm_js__WEBPACK_IMPORTED_MODULE_1__/* .ArmError */ .dW(`slot '${slot}' of '${this.ref.name}' was not found. Create it (az functionapp deployment slot create) or check ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_2__/* .option */ .u)(optionName)}.`, 404, error.code);
            }
            throw error;
        }
        const properties = propertiesOf(body, what);
        for (const name of ['serverFarmId', 'state', 'defaultHostName']) {
            if (properties[name] !== undefined && properties[name] !== null && typeof properties[name] !== 'string')
                throw expectShape(what, `a text ${name}`);
        }
        if (properties.targetSwapSlot !== undefined && properties.targetSwapSlot !== null && typeof properties.targetSwapSlot !== 'string')
            throw expectShape(what, 'a text targetSwapSlot');
        return { properties: properties, ...(isObject(body) && typeof body.kind === 'string' ? { kind: body.kind } : {}) };
    }
    async plan() {
        const site = await this.get(PRODUCTION);
        const farm = site.properties?.serverFarmId;
        let sku;
        if (farm) {
            const what = 'reading the App Service plan';
            const body = (await this.arm.request('GET', farm, undefined, what)).body;
            // The plan's sku tells Flex Consumption (no slots) apart: without it, nothing can be told.
            if (!isObject(body) ||
                !isObject(body.sku) ||
                (body.sku.name !== undefined && typeof body.sku.name !== 'string') ||
                (body.sku.tier !== undefined && typeof body.sku.tier !== 'string')) {
                throw expectShape(what, 'the sku object a plan always has');
            }
            sku = body.sku;
        }
        const flex = /flexconsumption/i.test(sku?.tier ?? '') || /^FC\d/i.test(sku?.name ?? '') || site.properties?.functionAppConfig !== undefined;
        return { ...(sku?.name ? { sku: sku.name } : {}), ...(sku?.tier ? { tier: sku.tier } : {}), flexConsumption: flex };
    }
    async appSettings(slot) {
        const what = `reading the app settings of ${this.describe(slot)}`;
        const response = await this.arm.request('POST', this.path(slot, '/config/appsettings/list'), undefined, what);
        const properties = propertiesOf(response.body, what);
        // Settings are text; anything else is not a list of settings (null, an app setting's absent value, is left out).
        const odd = Object.entries(properties).find(([, value]) => value !== null && typeof value !== 'string');
        if (odd)
            throw expectShape(what, `text values (the setting ${odd[0]} is ${Array.isArray(odd[1]) ? 'a list' : typeof odd[1]})`);
        return Object.fromEntries(Object.entries(properties).filter((e) => typeof e[1] === 'string'));
    }
    /** App setting names marked as deployment slot settings (sticky): they stay with their slot on a swap. */
    async stickySettingNames() {
        const what = 'reading the slot setting names';
        const response = await this.arm.request('GET', `${this.id}/config/slotConfigNames`, undefined, what);
        const names = propertiesOf(response.body, what).appSettingNames;
        if (names === undefined || names === null)
            return [];
        if (!Array.isArray(names) || names.some((name) => typeof name !== 'string'))
            throw expectShape(what, 'appSettingNames as a list of names');
        return names;
    }
    /**
     * Swap `slot` into `target` and follow the operation to its end. A 409 caused by another swap is
     * not waited out and retried: that swap may be this very change (a re-run, a second pipeline),
     * and swapping again would undo it.
     */
    async swap(slot, target, options = {}) {
        // Swapping back right after our own swap may meet it still winding down: that 409 is waited out.
        await this.arm.operation('POST', this.path(slot, '/slotsswap'), { targetSlot: target, preserveVnet: true }, `the swap of ${slot} into ${target}`, options.swappingBack ? {} : { retryConflict: (message) => !/swap/i.test(message) });
    }
    /** The slot a swap with preview (phase one done) will swap `slot` into, if any. */
    async pendingPreview(slot) {
        const target = (await this.get(slot)).properties.targetSwapSlot;
        return target || undefined;
    }
    /** Phase one of a swap with preview: the target's slot settings applied to `slot`, which restarts. */
    async preview(slot, target) {
        await this.arm.operation('POST', this.path(slot, '/applySlotConfig'), { targetSlot: target, preserveVnet: true }, `the swap preview of ${slot} with ${target}`);
    }
    /** Cancels a swap with preview: `slot` gets its own settings back. */
    async reset(slot) {
        await this.arm.operation('POST', this.path(slot, '/resetSlotConfig'), undefined, `resetting the swap preview of ${slot}`);
    }
}


/***/ }),

/***/ 1906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UD: () => (/* binding */ openSlotHub),
/* harmony export */   _h: () => (/* binding */ discoverSlot),
/* harmony export */   kQ: () => (/* binding */ renderValidation),
/* harmony export */   uW: () => (/* binding */ validateSlots)
/* harmony export */ });
/* unused harmony exports bindSettings, settingsAfterSwap */
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9410);
/* harmony import */ var _taskhub_azure_tables_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2645);
/* harmony import */ var _taskhub_connection_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1394);
/* harmony import */ var _taskhub_dts_connection_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4926);
/* harmony import */ var _discovery_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(441);
/* harmony import */ var _site_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5444);
/* harmony import */ var _option_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1635);







/** Reads the slot's settings and resolves its hub and storage as the extension would. */
async function discoverSlot(options) {
    return bindSettings(options.slot, await options.site.appSettings(options.slot), options);
}
/** The hub and storage a slot's code uses with these settings (also: with the settings it would have after a swap). */
function bindSettings(slot, settings, options) {
    const { config } = options;
    if (config?.durableTaskScheduler)
        return bindScheduler(slot, settings, config, options.site.ref.name);
    const hub = (0,_discovery_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveHubName */ .di)(config ?? { file: '', connectionName: 'AzureWebJobsStorage', section: '' }, settings, options.site.ref.name);
    const connectionName = config?.trackingStoreConnectionName ?? config?.connectionName ?? 'AzureWebJobsStorage';
    const settingNames = Object.keys(settings).filter((name) => name.toLowerCase() === connectionName.toLowerCase() || name.toLowerCase().startsWith(`${connectionName.toLowerCase()}__`));
    let connection;
    let connectionProblem;
    const vaulted = settingNames.find((name) => /^@Microsoft\.KeyVault\(/i.test(settings[name] ?? ''));
    if (settingNames.length === 0) {
        connectionProblem = `has no setting ${connectionName} (nor ${connectionName}__accountName or ${connectionName}__tableServiceUri)`;
    }
    else if (vaulted) {
        connectionProblem = `keeps ${vaulted} in Key Vault (a @Microsoft.KeyVault(...) reference), which durable-gate cannot read through Resource Manager: use identity-based settings (${connectionName}__accountName, read with your Azure identity), or gate with ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .u)('task-hub')} and ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .u)('connection')}`;
    }
    else {
        try {
            connection = (0,_taskhub_connection_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveConnection */ .XC)({ setting: connectionName, env: settings, credential: options.credential, origin: `the app settings of slot ${slot}` });
        }
        catch (error) {
            connectionProblem = `cannot use its setting ${connectionName}: ${(0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error).replace(/\.$/, '')}`;
        }
    }
    return { slot, hub, connectionName, settingNames, settings, ...(connection ? { connection } : {}), ...(connectionProblem ? { connectionProblem } : {}) };
}
/**
 * The scheduler and task hub a slot's code uses: the connection string in the setting host.json
 * names (default DURABLE_TASK_SCHEDULER_CONNECTION_STRING), the hub from hubName (%Setting%
 * resolved from the slot's settings), else the connection string's TaskHub. The Azure Storage
 * rules for hub names do not apply.
 */
function bindScheduler(slot, settings, config, siteName) {
    const connectionName = config.connectionName;
    const settingNames = Object.keys(settings).filter((name) => name.toLowerCase() === connectionName.toLowerCase());
    const value = settingNames[0] === undefined ? undefined : settings[settingNames[0]];
    let scheduler;
    let connectionProblem;
    if (!value) {
        connectionProblem = `has no setting ${connectionName} (the Durable Task Scheduler's connection string)`;
    }
    else if (/^@Microsoft\.KeyVault\(/i.test(value)) {
        connectionProblem = `keeps ${settingNames[0]} in Key Vault (a @Microsoft.KeyVault(...) reference), which durable-gate cannot read through Resource Manager: keep the scheduler's connection string (it holds no secret) as a plain app setting`;
    }
    else {
        try {
            scheduler = (0,_taskhub_dts_connection_js__WEBPACK_IMPORTED_MODULE_3__/* .parseDtsConnectionString */ .qY)(value, connectionName);
        }
        catch (error) {
            connectionProblem = `cannot use its setting ${connectionName}: ${(0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error).replace(/\.$/, '')}`;
        }
    }
    let hub;
    if (config.hubName) {
        const resolved = (0,_discovery_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveHubName */ .di)(config, settings, siteName);
        hub = resolved.missingSetting ? resolved : { hub: resolved.hub, explicit: true };
    }
    else if (scheduler?.taskHub) {
        hub = { hub: scheduler.taskHub, explicit: false };
    }
    else {
        hub = {
            hub: (0,_discovery_js__WEBPACK_IMPORTED_MODULE_4__/* .defaultHubName */ .a7)(settings.WEBSITE_SITE_NAME ?? siteName),
            explicit: false,
            problem: `host.json names no ${config.section}.hubName and the connection string no TaskHub, so which of the scheduler's task hubs the slot uses is not known`,
        };
    }
    return { slot, hub, connectionName, settingNames, settings, ...(scheduler ? { scheduler } : {}), ...(connectionProblem ? { connectionProblem } : {}) };
}
/** The app settings a slot has after a swap with `other`: the other slot's, except the sticky ones, which stay. */
function settingsAfterSwap(own, other, sticky) {
    const isSticky = (name) => sticky.has(name.toLowerCase());
    return {
        ...Object.fromEntries(Object.entries(other).filter(([name]) => !isSticky(name))),
        ...Object.fromEntries(Object.entries(own).filter(([name]) => isSticky(name))),
    };
}
/** Where a binding's instances live: storage account and task hub, compared without letter case. */
function place(binding) {
    if (binding.hub.problem)
        return undefined;
    if (binding.scheduler)
        return `${binding.scheduler.endpoint.host.toLowerCase()}/${binding.hub.hub.toLowerCase()}`;
    return binding.connection ? `${binding.connection.account.toLowerCase()}/${binding.hub.hub.toLowerCase()}` : undefined;
}
function describePlace(binding) {
    if (binding.scheduler)
        return `task hub ${binding.hub.hub} on the scheduler ${binding.scheduler.endpoint.host}`;
    return `task hub ${binding.hub.hub}${binding.connection ? ` in storage account ${binding.connection.account}` : ''}`;
}
/** The task hub reader for a discovered slot. */
function openSlotHub(binding, config) {
    if (!binding.connection)
        throw new Error(`slot ${binding.slot} ${binding.connectionProblem ?? 'has no storage connection'}`);
    // The hub comes from the slot's own settings: if it has no tables, the slot's code never ran there.
    return new _taskhub_azure_tables_js__WEBPACK_IMPORTED_MODULE_1__/* .AzureTablesTaskHub */ .$s(binding.connection, binding.hub.hub, {
        missingIsEmpty: true,
        ...(config?.trackingStoreNamePrefix ? { trackingPrefix: config.trackingStoreNamePrefix } : {}),
    });
}
/**
 * Checks the set-up before a swap. Errors stop a swap; warnings are said and let it go on.
 * The findings and their levels are documented in the README ("validate").
 */
async function validateSlots(options) {
    const { site, slot, target } = options;
    const findings = [];
    const report = { schema: 'durable-gate.validation/v1', app: site.ref.name, slot, target, slots: [], findings, ok: false };
    if (slot.toLowerCase() === target.toLowerCase()) {
        findings.push({
            level: 'error',
            code: 'same-slot',
            message: `${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .u)('slot')} and ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .u)('target')} are both '${slot}'.`,
            fix: `Swap the staging slot into production: ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .u)('slot')} staging (${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .u)('target')} defaults to production).`,
        });
        return report;
    }
    const plan = await site.plan();
    report.plan = { ...(plan.sku ? { sku: plan.sku } : {}), ...(plan.tier ? { tier: plan.tier } : {}) };
    if (plan.flexConsumption) {
        findings.push({
            level: 'error',
            code: 'plan-without-slots',
            message: `${site.ref.name} runs on a Flex Consumption plan, which has no deployment slots.`,
            fix: 'Deploy side by side instead: a new task hub name (hubName) for the new version, or orchestration versioning (host.json defaultVersion); durable-gate replay tells which in-flight instances the new code breaks.',
        });
        return report;
    }
    // plan() has read the production site already.
    for (const [name, optionName] of [
        [slot, 'slot'],
        [target, 'target'],
    ])
        if (!(0,_site_js__WEBPACK_IMPORTED_MODULE_5__/* .isProduction */ .KV)(name))
            await site.get(name, optionName);
    let config;
    if (options.appDir) {
        config = (0,_discovery_js__WEBPACK_IMPORTED_MODULE_4__/* .readHostConfig */ .Rc)(options.appDir);
        report.hostJson = config.file;
    }
    else {
        findings.push({
            level: 'warning',
            code: 'no-host-json',
            message: `host.json was not read (no ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .u)('app')}): the task hubs and the storage setting are assumed to be the extension's defaults.`,
            fix: `Give ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .u)('app')} with the function app folder being deployed.`,
        });
    }
    const provider = config?.otherProvider;
    if (provider) {
        findings.push({
            level: 'warning',
            code: 'other-storage-provider',
            message: `host.json selects the ${provider} storage provider: the storage checks below assume Azure Storage.`,
            fix: `Gate through the HTTP management API instead (gate with ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .u)('http-endpoint')}).`,
        });
    }
    const bindings = await Promise.all([slot, target].map((name) => discoverSlot({ site, slot: name, credential: options.credential, ...(config ? { config } : {}) })));
    const sticky = new Set((await site.stickySettingNames()).map((n) => n.toLowerCase()));
    const storageChecks = !provider;
    for (const binding of bindings) {
        const where = site.describe(binding.slot);
        report.slots.push({
            slot: binding.slot,
            taskHub: binding.hub.hub,
            hubExplicit: binding.hub.explicit,
            connection: binding.connectionName,
            ...(binding.connection ? { storage: binding.connection.account } : {}),
            ...(binding.scheduler ? { scheduler: binding.scheduler.endpoint.host } : {}),
        });
        if (binding.connectionProblem && storageChecks) {
            findings.push({
                level: 'error',
                code: 'storage-setting-missing',
                message: `${where} ${binding.connectionProblem}.`,
                fix: config?.durableTaskScheduler
                    ? `Give each slot its ${binding.connectionName} setting (Endpoint=https://<scheduler>.<region>.durabletask.io;Authentication=ManagedIdentity[;ClientID=<client id>]), not marked as a deployment slot setting.`
                    : `Give each slot its own ${binding.connectionName} setting (a connection string, or ${binding.connectionName}__accountName for identity-based access), not marked as a deployment slot setting.`,
            });
        }
        if (config && !binding.hub.explicit && !(0,_site_js__WEBPACK_IMPORTED_MODULE_5__/* .isProduction */ .KV)(binding.slot)) {
            findings.push({
                level: 'error',
                code: 'hub-name-implicit',
                message: `host.json has no ${config.section}.hubName: in slot ${binding.slot} the Durable Functions extension refuses to start ("Task Hub name must be specified in host.json when using slots").`,
                fix: `Set ${config.section}.hubName, e.g. "%TaskHubName%" with a different TaskHubName app setting in each slot (not sticky).`,
            });
        }
        const missing = binding.hub.missingSetting;
        if (missing) {
            findings.push({
                level: 'error',
                code: 'hub-setting-missing',
                message: `${where}: ${binding.hub.problem}.`,
                fix: `Add the app setting ${missing} to ${where} (not a deployment slot setting), naming a task hub of its own.`,
            });
        }
        else if (binding.hub.problem && binding.scheduler) {
            // The scheduler's hub is unknown without hubName (the slot rule above says so in a slot other than production).
            if ((0,_site_js__WEBPACK_IMPORTED_MODULE_5__/* .isProduction */ .KV)(binding.slot))
                findings.push({
                    level: 'error',
                    code: 'hub-name-implicit',
                    message: `${where}: ${binding.hub.problem}.`,
                    fix: `Set ${config?.section ?? 'extensions.durableTask'}.hubName, e.g. "%TASKHUB_NAME%" with a different TASKHUB_NAME app setting in each slot (not sticky), each naming a task hub of the scheduler.`,
                });
        }
        else if (binding.hub.problem) {
            findings.push({
                level: 'error',
                code: 'hub-name-invalid',
                message: `${where}: ${binding.hub.problem.replace(/\.$/, '')}.`,
                fix: 'Use 3 to 45 letters and digits, starting with a letter.',
            });
        }
    }
    const [a, b] = bindings;
    // Each slot's code must keep its hub through the swap: every setting that decides it moves with the code.
    if (storageChecks) {
        const moved = [
            {
                code: 'new',
                before: a,
                after: bindSettings(b.slot, settingsAfterSwap(b.settings, a.settings, sticky), { site, credential: options.credential, ...(config ? { config } : {}) }),
            },
            {
                code: 'old',
                before: b,
                after: bindSettings(a.slot, settingsAfterSwap(a.settings, b.settings, sticky), { site, credential: options.credential, ...(config ? { config } : {}) }),
            },
        ].filter((m) => place(m.before) !== undefined && place(m.before) !== place(m.after));
        if (moved.length) {
            const involved = new Set([...a.settingNames, ...b.settingNames, ...(0,_discovery_js__WEBPACK_IMPORTED_MODULE_4__/* .hubSettingNames */ .kv)(config)].map((n) => n.toLowerCase()));
            const stuck = [...new Set([...Object.keys(a.settings), ...Object.keys(b.settings)])].filter((n) => involved.has(n.toLowerCase()) && sticky.has(n.toLowerCase()) && a.settings[n] !== b.settings[n]);
            const m = moved[0];
            findings.push({
                level: 'error',
                code: 'durable-setting-sticky',
                message: `${stuck.length ? stuck.join(', ') : 'A durable setting'} ${stuck.length > 1 ? 'are deployment slot settings' : 'is a deployment slot setting'} (sticky) with different values in the two slots: on a swap ${stuck.length > 1 ? 'they stay' : 'it stays'} with the slot, so the ${m.code} code would move from ${describePlace(m.before)} to ${describePlace(m.after)}${m.code === 'new' ? ", where the old code's instances are running" : ', leaving its in-flight instances behind'}.`,
                fix: `Untick "Deployment slot setting" for ${stuck.length ? stuck.join(', ') : 'the durable storage and hub name settings'} on both slots, so that each slot's task hub moves with its code.`,
            });
        }
        // Without host.json the hubs are only assumed: a shared default hub is not reported as a fact.
        if (config && place(a) !== undefined && place(a) === place(b)) {
            findings.push({
                level: 'error',
                code: 'shared-task-hub',
                message: `${site.describe(a.slot)} and ${site.describe(b.slot)} both use ${describePlace(a)}: old and new code would pick up each other's orchestrations.`,
                fix: a.scheduler
                    ? 'Give the slots different task hubs: hubName "%TASKHUB_NAME%" in host.json with a different TASKHUB_NAME value in each slot (not sticky), each a task hub of the scheduler.'
                    : 'Give the slots different task hubs: hubName "%TaskHubName%" in host.json with a different TaskHubName value in each slot (not sticky), or a storage account per slot.',
            });
        }
    }
    // The gate reads each slot's task hub on the scheduler with this identity: it needs Durable Task Data Reader.
    const readable = await Promise.all(bindings.map((binding) => binding.scheduler && !binding.hub.problem
        ? schedulerReadFinding(site.describe(binding.slot), binding, binding.scheduler, options)
        : Promise.resolve(undefined)));
    for (const finding of readable)
        if (finding)
            findings.push(finding);
    report.ok = !findings.some((f) => f.level === 'error');
    return report;
}
/**
 * Can the identity validate signs in with read the slot's task hub, as `gate --slot` will? One
 * GetInstance of an id no instance has: answered (it can), refused (what to grant or check), not
 * found (the task hub does not exist on the scheduler), or no token at all (the sign-in).
 */
async function schedulerReadFinding(where, binding, scheduler, options) {
    const { openSchedulerHub, SchedulerError } = await Promise.all(/* import() */[__webpack_require__.e(33), __webpack_require__.e(670)]).then(__webpack_require__.bind(__webpack_require__, 7670));
    const who = options.identity ?? 'the identity durable-gate signs in with';
    const hub = openSchedulerHub({
        connection: scheduler,
        taskHub: binding.hub.hub,
        env: {},
        credential: options.credential,
        identity: who,
        callTimeoutMs: 15_000,
        ...(options.signal ? { signal: options.signal } : {}),
    });
    const task = `task hub ${binding.hub.hub} on the scheduler ${scheduler.endpoint.host}`;
    try {
        await hub.instance('durable-gate-validate-read-check');
        return undefined;
    }
    catch (error) {
        if (!(error instanceof SchedulerError))
            return {
                level: 'error',
                code: 'scheduler-sign-in-failed',
                message: `${where}: no token for the scheduler from ${who}: ${(0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`,
                fix: "Sign in as gate --slot will (--auth and its options), with an identity of the scheduler's tenant.",
            };
        if (error.status === 'PERMISSION_DENIED')
            return {
                level: 'error',
                code: 'scheduler-read-refused',
                message: `${where}: ${who} may not read ${task} (PERMISSION_DENIED), so gate --slot would fail closed.`,
                fix: `Grant ${who} the role Durable Task Data Reader on the task hub (or the scheduler); it reads instances and histories only. If it has the role, check that the task hub exists.`,
            };
        if (error.status === 'UNAUTHENTICATED')
            return {
                level: 'error',
                code: 'scheduler-read-refused',
                message: `${where}: the scheduler ${scheduler.endpoint.host} did not accept the token of ${who} (UNAUTHENTICATED), so gate --slot would fail closed.`,
                fix: "Sign in with an identity of the scheduler's tenant (--tenant-id), as gate --slot will.",
            };
        if (error.status === 'NOT_FOUND')
            return {
                level: 'error',
                code: 'task-hub-missing',
                message: `${where}: the scheduler ${scheduler.endpoint.host} has no task hub ${binding.hub.hub}; the slot's code cannot run there.`,
                fix: `Create the task hub ${binding.hub.hub} on the scheduler, or point the slot's hubName setting at one that exists.`,
            };
        return {
            level: 'warning',
            code: 'scheduler-unchecked',
            message: `${where}: ${task} could not be checked: ${(0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`,
            fix: 'Check the endpoint and the network from where durable-gate runs; the gate needs to reach the scheduler.',
        };
    }
    finally {
        hub.close();
    }
}
function renderValidation(report) {
    const lines = [
        `Validated ${report.app}: slot ${report.slot} → ${report.target}${report.plan?.tier ? ` (plan ${report.plan.tier}${report.plan.sku ? ` ${report.plan.sku}` : ''})` : ''}`,
    ];
    for (const s of report.slots)
        lines.push(`  ${s.slot}: task hub ${s.taskHub}${s.hubExplicit ? '' : ' (default)'}, ${s.connection} → ${s.storage ? `storage account ${s.storage}` : s.scheduler ? `Durable Task Scheduler ${s.scheduler}` : 'no storage'}`);
    for (const f of report.findings)
        lines.push(`${f.level === 'error' ? 'error' : 'warning'} [${f.code}]: ${f.message}\n  fix: ${f.fix}`);
    const errors = report.findings.filter((f) => f.level === 'error').length;
    const warnings = report.findings.length - errors;
    lines.push(errors
        ? `${errors} error(s), ${warnings} warning(s): the swap would not be safe; nothing was changed.`
        : `No errors${warnings ? `, ${warnings} warning(s)` : ''}: the slot set-up is fit for a drain-and-swap.`);
    return lines.join('\n') + '\n';
}


/***/ }),

/***/ 6052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AD: () => (/* binding */ parseWaitFor),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   E9: () => (/* reexport safe */ _duration_js__WEBPACK_IMPORTED_MODULE_2__.E),
/* harmony export */   O7: () => (/* binding */ parseStatuses),
/* harmony export */   Xc: () => (/* binding */ parseFormat),
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
function parseWaitFor(option, text) {
    const value = (text || 'all').toLowerCase();
    if (value !== 'all' && value !== 'breaking')
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid ${option} '${text}'. Expected all (every instance in flight) or breaking (only those the new code breaks; needs the app).`);
    return value;
}
/** A report format on stdout for the deployment commands: text (default) or json. */
function parseFormat(option, text) {
    const value = text ?? 'text';
    if (value !== 'text' && value !== 'json')
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`Invalid ${option} '${value}'. Expected text or json.`);
    return value;
}


/***/ }),

/***/ 6107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AZURE_OPTIONS: () => (/* binding */ AZURE_OPTIONS),
  openSite: () => (/* binding */ openSite),
  readAzureSettings: () => (/* binding */ readAzureSettings),
  slotSource: () => (/* binding */ slotSource)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./harness/errors.ts
var errors = __webpack_require__(9410);
// EXTERNAL MODULE: ./src/azure/arm.ts
var azure_arm = __webpack_require__(1201);
// EXTERNAL MODULE: ./src/http/client.ts
var client = __webpack_require__(3329);
// EXTERNAL MODULE: ./src/secrets.ts
var src_secrets = __webpack_require__(7194);
// EXTERNAL MODULE: ./src/option-names.ts
var option_names = __webpack_require__(1635);
;// CONCATENATED MODULE: ./src/azure/credentials.ts




const AUTH_KINDS = ['azure-cli', 'oidc', 'managed-identity', 'default'];
const CLOUDS = {
    azurecloud: { name: 'AzureCloud', arm: 'https://management.azure.com', authority: 'https://login.microsoftonline.com' },
    azurechinacloud: { name: 'AzureChinaCloud', arm: 'https://management.chinacloudapi.cn', authority: 'https://login.chinacloudapi.cn' },
    azureusgovernment: { name: 'AzureUSGovernment', arm: 'https://management.usgovcloudapi.net', authority: 'https://login.microsoftonline.us' },
};
function cloudFor(name) {
    const cloud = CLOUDS[(name ?? 'AzureCloud').toLowerCase()];
    if (!cloud)
        throw new errors/* UsageError */.eb(`Invalid ${(0,option_names/* option */.u)('environment')} '${name}'. Expected AzureCloud, AzureChinaCloud or AzureUSGovernment (or ${(0,option_names/* option */.u)('arm-endpoint')} for another cloud).`);
    return cloud;
}
const GITHUB_AUDIENCE = 'api://AzureADTokenExchange';
function parseAuth(text) {
    const auth = (text || 'azure-cli').toLowerCase();
    if (!AUTH_KINDS.includes(auth))
        throw new errors/* UsageError */.eb(`Invalid ${(0,option_names/* option */.u)('auth')} '${text}'. Expected one of ${AUTH_KINDS.join(', ')}.`);
    return auth;
}

async function createCredential(options) {
    const onSecret = options.onSecret ?? (0,src_secrets/* secretSink */._f)();
    const made = await makeCredential(options, onSecret);
    return onSecret ? { ...made, credential: (0,src_secrets/* maskingCredential */.Ai)(made.credential, onSecret) } : made;
}
async function makeCredential(options, onSecret) {
    const auth = parseAuth(options.auth);
    const identity = await __webpack_require__.e(/* import() */ 531).then(__webpack_require__.bind(__webpack_require__, 2531));
    // An authority host set in the environment (sovereign or private clouds, tests) wins over the cloud's.
    const authorityHost = options.env.AZURE_AUTHORITY_HOST || options.cloud.authority;
    // Instance discovery asks the public cloud's login endpoint about the authority: not for other hosts.
    const disableInstanceDiscovery = authorityHost.replace(/\/+$/, '') !== CLOUDS.azurecloud.authority;
    const clientId = options.clientId || options.env.AZURE_CLIENT_ID || undefined;
    const tenantId = options.tenantId || options.env.AZURE_TENANT_ID || undefined;
    switch (auth) {
        case 'azure-cli':
            return { credential: new identity.AzureCliCredential(tenantId ? { tenantId } : {}), describe: 'the Azure CLI login (az login / azure/login)' };
        case 'oidc': {
            if (!clientId || !tenantId) {
                throw new errors/* UsageError */.eb(`${(0,option_names/* option */.u)('auth')} oidc needs the app registration's (or managed identity's) client id and the tenant id: ${(0,option_names/* option */.u)('client-id')} and ${(0,option_names/* option */.u)('tenant-id')}, or AZURE_CLIENT_ID and AZURE_TENANT_ID.`);
            }
            const requestUrl = options.env.ACTIONS_ID_TOKEN_REQUEST_URL;
            const requestToken = options.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
            if (!requestUrl || !requestToken) {
                throw new errors/* UsageError */.eb(`${(0,option_names/* option */.u)('auth')} oidc needs GitHub's OIDC token, and this job has none: give the job \`permissions: id-token: write\` (and run it on GitHub Actions).`);
            }
            const credential = new identity.ClientAssertionCredential(tenantId, clientId, () => githubToken(requestUrl, requestToken, GITHUB_AUDIENCE, onSecret), {
                authorityHost,
                disableInstanceDiscovery,
            });
            return { credential, describe: `GitHub OIDC federated with client ${clientId} in tenant ${tenantId}` };
        }
        case 'managed-identity':
            return {
                credential: clientId ? new identity.ManagedIdentityCredential({ clientId }) : new identity.ManagedIdentityCredential(),
                describe: clientId ? `the managed identity with client id ${clientId}` : "the machine's system-assigned managed identity",
            };
        case 'default':
            return {
                credential: new identity.DefaultAzureCredential({
                    authorityHost,
                    disableInstanceDiscovery,
                    ...(clientId ? { managedIdentityClientId: clientId } : {}),
                    ...(tenantId ? { tenantId } : {}),
                }),
                describe: 'DefaultAzureCredential',
            };
    }
}
/** How long getting GitHub's OIDC token may take, retries included. */
const GITHUB_TOKEN_BUDGET_MS = 60_000;
/**
 * The job's OIDC token for Entra ID, from the runner's token service, through the one HTTP client
 * (a passing 5xx, 429 or reset is retried). Neither token appears in a message.
 */
async function githubToken(requestUrl, requestToken, audience = GITHUB_AUDIENCE, onSecret, http = new client/* HttpClient */.Qq({ retry: { budgetMs: GITHUB_TOKEN_BUDGET_MS } })) {
    onSecret?.(requestToken);
    const url = new URL(requestUrl);
    url.searchParams.set('audience', audience);
    let response;
    let attempts;
    try {
        ({ response, attempts } = await http.request(url, { headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' } }));
    }
    catch (error) {
        const why = error instanceof client/* HttpFailure */.HR ? (error.tls ?? `${error.code} (after ${error.attempts} attempt(s)): ${error.message}`) : (0,errors/* errorMessage */.gJ)(error);
        throw new errors/* UsageError */.eb(`could not get GitHub's OIDC token from ${url.origin}: ${why}`);
    }
    if ((0,client/* retryableStatus */.Fd)(response.status)) {
        throw new errors/* UsageError */.eb(`GitHub's OIDC token service answered HTTP ${response.status} (after ${attempts} attempt(s)): it is failing or throttling for now. Re-run the job in a few minutes.`);
    }
    if (response.status !== 200) {
        throw new errors/* UsageError */.eb(`GitHub's OIDC token service answered HTTP ${response.status}. Does the job have \`permissions: id-token: write\`?`);
    }
    let value;
    try {
        value = JSON.parse(response.body)?.value;
    }
    catch {
        value = undefined;
    }
    if (typeof value !== 'string' || value === '')
        throw new errors/* UsageError */.eb("GitHub's OIDC token service answered without a token (the answer was not the expected JSON with a value).");
    // Masked before it goes anywhere: the next request (to Entra ID) carries it.
    onSecret?.(value);
    return value;
}

// EXTERNAL MODULE: ./src/azure/discovery.ts
var discovery = __webpack_require__(441);
// EXTERNAL MODULE: ./src/azure/site.ts
var site = __webpack_require__(5444);
// EXTERNAL MODULE: ./src/azure/slots.ts
var slots = __webpack_require__(1906);
;// CONCATENATED MODULE: ./src/commands/site.ts
/**
 * The function app through Azure Resource Manager: the settings every command that reaches it takes
 * (`validate`, `swap`, `gate --slot`), the site opened with the chosen identity, and the task hub a
 * slot is bound to.
 */








const AZURE_OPTIONS = {
    'app-name': 'text',
    'resource-group': 'text',
    subscription: 'text',
    auth: 'text',
    'client-id': 'text',
    'tenant-id': 'text',
    environment: 'text',
    'arm-endpoint': 'text',
};
/**
 * The app's coordinates and the sign-in, checked before anything is sent. `env` gives the
 * defaults the Azure tools share (AZURE_SUBSCRIPTION_ID, AZURE_CLIENT_ID, AZURE_TENANT_ID).
 */
function readAzureSettings(input, env, command) {
    const appName = input.text('app-name');
    const resourceGroup = input.text('resource-group');
    const missing = [...(appName ? [] : ['app-name']), ...(resourceGroup ? [] : ['resource-group'])];
    if (missing.length)
        throw new errors/* UsageError */.eb(`missing ${missing.map((name) => input.label(name)).join(' and ')}: ${command} reaches the app through Azure Resource Manager.`);
    const subscription = input.text('subscription') || env.AZURE_SUBSCRIPTION_ID;
    if (!subscription)
        throw new errors/* UsageError */.eb(`missing ${input.label('subscription')} (or the AZURE_SUBSCRIPTION_ID environment variable): the app's subscription.`);
    const environment = input.text('environment') ?? 'AzureCloud';
    const cloud = CLOUDS[environment.toLowerCase()];
    if (!cloud)
        throw new errors/* UsageError */.eb(`Invalid ${input.label('environment')} '${environment}'. Expected AzureCloud, AzureChinaCloud or AzureUSGovernment (or ${input.label('arm-endpoint')} for another cloud).`);
    const armEndpoint = input.text('arm-endpoint') ?? cloud.arm;
    if (!URL.canParse(armEndpoint) || !/^https:/i.test(armEndpoint))
        throw new errors/* UsageError */.eb(`Invalid ${input.label('arm-endpoint')} '${armEndpoint}'. Expected an https URL such as https://management.azure.com.`);
    const authText = input.text('auth') ?? 'azure-cli';
    const auth = AUTH_KINDS.find((kind) => kind === authText.toLowerCase());
    if (!auth)
        throw new errors/* UsageError */.eb(`Invalid ${input.label('auth')} '${authText}'. Expected one of ${AUTH_KINDS.join(', ')}.`);
    const clientId = input.text('client-id');
    const tenantId = input.text('tenant-id');
    if (auth === 'oidc' && !((clientId || env.AZURE_CLIENT_ID) && (tenantId || env.AZURE_TENANT_ID)))
        throw new errors/* UsageError */.eb(`${input.label('auth')} oidc needs the app registration's (or managed identity's) client id and the tenant id: ${input.label('client-id')} and ${input.label('tenant-id')}, or AZURE_CLIENT_ID and AZURE_TENANT_ID.`);
    return {
        appName: appName,
        resourceGroup: resourceGroup,
        subscription,
        auth,
        ...(clientId ? { clientId } : {}),
        ...(tenantId ? { tenantId } : {}),
        environment: cloud.name,
        armEndpoint,
    };
}
/** The app through ARM with the chosen identity; ARM's notices (409 waits, long operations) go to onNotice. */
async function openSite(settings, services, events, limits = {}) {
    const cloud = cloudFor(settings.environment);
    const identity = await createCredential({
        cloud,
        env: services.env,
        auth: settings.auth,
        ...(settings.clientId ? { clientId: settings.clientId } : {}),
        ...(settings.tenantId ? { tenantId: settings.tenantId } : {}),
    });
    const arm = new azure_arm/* ArmClient */.aN({
        endpoint: settings.armEndpoint,
        credential: identity.credential,
        scope: `${cloud.arm}/.default`,
        ...(events.onNotice ? { onNotice: events.onNotice } : {}),
        ...(limits.signal ? { signal: limits.signal } : {}),
        ...(limits.timeoutMs ? { conflictWaitMs: limits.timeoutMs, operationTimeoutMs: limits.timeoutMs, retryBudgetMs: limits.timeoutMs } : {}),
    });
    return { site: new site/* WebSite */.Ao(arm, { subscription: settings.subscription, resourceGroup: settings.resourceGroup, name: settings.appName }), identity };
}
/**
 * gate with a slot: the hub the slot's code uses, discovered from its app settings (through ARM)
 * and the app's host.json. The storage secrets found are reported before anything prints them.
 */
async function slotSource(settings, target, services, events, limits) {
    const { slot } = target;
    const { site, identity } = await openSite(settings, services, events, limits);
    const config = target.app ? (0,discovery/* readHostConfig */.Rc)((0,external_node_path_.resolve)(services.cwd, target.app)) : undefined;
    if (!config)
        events.onWarning?.('no app folder, so host.json was not read: assuming the default storage setting AzureWebJobsStorage and the default hub name.');
    const provider = config?.otherProvider;
    if (provider)
        throw new errors/* UsageError */.eb(`host.json selects the ${provider} storage provider; the gate reads Azure Storage task hubs and the Durable Task Scheduler. Gate through the app's HTTP management API (the http-endpoint option) with the slot's URL instead.`);
    const binding = await (0,slots/* discoverSlot */._h)({ site, slot, credential: identity.credential, ...(config ? { config } : {}) });
    const where = site.describe(slot);
    const { connection, scheduler } = binding;
    if (!connection && !scheduler)
        throw new errors/* UsageError */.eb(`${where} ${binding.connectionProblem}. The gate cannot find the slot's durable storage; check host.json's connection setting and the slot's app settings.`);
    if (binding.hub.problem)
        throw new errors/* UsageError */.eb(`${where}: ${binding.hub.problem}.`);
    const hubFrom = config?.hubName
        ? `host.json hubName ${config.hubName !== binding.hub.hub ? `'${config.hubName}' → ` : ''}${binding.hub.hub}`
        : `${binding.hub.hub} (${scheduler ? "the connection string's TaskHub" : 'the default'}: no hubName in host.json)`;
    if (scheduler)
        return schedulerSlotSource(binding, scheduler, hubFrom, identity, where, services, events, limits.requests);
    // The whole connection string is a secret too, not just its key: both are masked before anything more is said.
    const raw = binding.settingNames.map((name) => binding.settings[name] ?? '').filter((value) => /AccountKey=|SharedAccessSignature=/i.test(value));
    const secrets = [...connection.secrets, ...raw];
    for (const secret of secrets)
        (0,src_secrets/* secretSink */._f)()?.(secret);
    events.onNotice?.(`discovered ${where}: task hub ${hubFrom}; storage ${connection.describe}; read as ${identity.describe} through ARM.`);
    const hub = (0,slots/* openSlotHub */.UD)(binding, config);
    return { source: hub, hub, secrets };
}
/**
 * A slot on the Durable Task Scheduler: its task hub read with the identity that reads ARM (the
 * connection string's ManagedIdentity is the app's own, not the one running durable-gate), which
 * needs the role Durable Task Data Reader; no token with Authentication=None (an emulator).
 */
async function schedulerSlotSource(binding, connection, hubFrom, identity, where, services, events, requests) {
    const { openSchedulerHub } = await Promise.all(/* import() */[__webpack_require__.e(33), __webpack_require__.e(670)]).then(__webpack_require__.bind(__webpack_require__, 7670));
    const hub = openSchedulerHub({
        connection,
        taskHub: binding.hub.hub,
        env: services.env,
        credential: identity.credential,
        identity: identity.describe,
        ...(requests ? { signal: requests } : {}),
    });
    events.onNotice?.(`discovered ${where}: task hub ${hubFrom} on the Durable Task Scheduler at ${connection.endpoint.host}; read as ${identity.describe}.`);
    return { source: hub, hub, secrets: [], close: () => hub.close() };
}


/***/ }),

/***/ 6803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ bodySnippet),
/* harmony export */   MP: () => (/* binding */ describeBody),
/* harmony export */   P9: () => (/* binding */ retryAfter),
/* harmony export */   PH: () => (/* binding */ TOO_LARGE),
/* harmony export */   hE: () => (/* binding */ tlsProblem),
/* harmony export */   t1: () => (/* binding */ DEFAULT_TIMEOUT_MS),
/* harmony export */   tN: () => (/* binding */ send),
/* harmony export */   vQ: () => (/* binding */ neverSent),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_BODY_BYTES, TIMED_OUT, ABORTED */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _harness_report_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1941);
/**
 * One HTTP(S) exchange, shared by every HTTP call durable-gate makes (http/client.ts adds the retry
 * policy on top). It goes through @azure/core-rest-pipeline's HTTP client, on an empty pipeline: no
 * proxy policy (HTTPS_PROXY and friends are not read: a request goes straight to its host, as node's
 * own stack does), no retry policy (http/client.ts has the one retry policy), no logging policy
 * (nothing writes a header, so no token, to a log). What the pipeline does not give is added here, and
 * __tests__/http-client.test.ts measures each point:
 * - one deadline for the whole exchange: the pipeline's own `timeout` stops counting once the headers
 *   are in, so a server that dribbles the body would never be cut off; the deadline here is an abort
 *   of our own that also ends the body's reading;
 * - a size cap: every answer is taken as a stream (`streamResponseStatusCodes`) and read here, so a
 *   bigger one is refused, not buffered;
 * - whether the request could have reached the service: each exchange gets an agent of its own that
 *   notes when its connection (and TLS handshake) was made; before that, not a byte was sent;
 * - extra CA certificates (PEM) go to that agent; without them node's store is used, which honours
 *   NODE_EXTRA_CA_CERTS.
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
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'];
/** Every status is handed over as a stream, to be read here under the size cap. */
const EVERY_STATUS = new Set([Number.POSITIVE_INFINITY]);
/** The pipeline and its HTTP client, loaded on first use: `replay` never pays for them. */
let transport;
function pipeline() {
    return (transport ??= Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2820)).then((core) => ({
        core,
        pipeline: core.createEmptyPipeline(),
        client: core.createDefaultHttpClient(),
    })));
}
function trackingAgent(url, ca) {
    let connected = false;
    if (url.protocol === 'https:') {
        const agent = new (class extends node_https__WEBPACK_IMPORTED_MODULE_1__.Agent {
            createConnection(options, callback) {
                const socket = super.createConnection(options, callback);
                // Application data goes out only after the handshake: before it, nothing of the request was sent.
                socket?.once('secureConnect', () => (connected = true));
                return socket;
            }
        })({ keepAlive: false, ...(ca ? { ca } : {}) });
        return { agent, connected: () => connected };
    }
    const agent = new (class extends node_http__WEBPACK_IMPORTED_MODULE_0__.Agent {
        createConnection(options, callback) {
            const socket = super.createConnection(options, callback);
            socket?.once('connect', () => (connected = true));
            return socket;
        }
    })({ keepAlive: false });
    return { agent, connected: () => connected };
}
async function send(url, request = {}) {
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const { signal } = request;
    const failure = (message, code, name) => Object.assign(new Error(message), { code, ...(name ? { name } : {}) });
    if (signal?.aborted)
        throw Object.assign(failure('the request was cancelled before it was sent', ABORTED, 'AbortError'), { requestSent: false });
    const method = (request.method ?? 'GET').toUpperCase();
    if (!METHODS.includes(method))
        throw Object.assign(failure(`the HTTP method ${(0,_harness_report_text_js__WEBPACK_IMPORTED_MODULE_2__/* .printable */ .g$)(method)} is not one durable-gate sends`, 'EINVAL'), { requestSent: false });
    const { core, pipeline: empty, client } = await pipeline();
    const tracking = trackingAgent(url, request.ca);
    // Why the exchange was ended early (the deadline, a cancel, the cap): said instead of the pipeline's AbortError.
    let ended;
    const stop = new AbortController();
    const end = (error) => {
        ended ??= error;
        stop.abort();
    };
    const timer = setTimeout(() => end(failure(`no complete answer from ${url.origin} within ${Math.round(timeoutMs / 100) / 10} s`, TIMED_OUT)), timeoutMs);
    const onAbort = () => end(failure('the request was cancelled', ABORTED, 'AbortError'));
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
        const headers = core.createHttpHeaders({
            ...(request.body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(request.body)) } : {}),
            ...request.headers,
        });
        const outgoing = core.createPipelineRequest({
            url: url.href,
            method,
            headers,
            ...(request.body !== undefined ? { body: request.body } : {}),
            abortSignal: stop.signal,
            allowInsecureConnection: url.protocol === 'http:',
            streamResponseStatusCodes: EVERY_STATUS,
        });
        // Set on the request itself: createPipelineRequest leaves an `agent` option out (the test of the
        // extra CA in __tests__/http-client.test.ts fails without this line).
        outgoing.agent = tracking.agent;
        const answer = await empty.sendRequest(client, outgoing);
        const stream = answer.readableStreamBody;
        // Without Accept-Encoding nothing is decompressed, so the stream is node's own message (HEAD has none).
        const message = stream instanceof node_http__WEBPACK_IMPORTED_MODULE_0__.IncomingMessage ? stream : undefined;
        const body = message ? await readBody(message, url, maxBytes, stop.signal) : '';
        return { status: answer.status, body, headers: message?.headers ?? answer.headers.toJSON() };
    }
    catch (error) {
        const thrown = ended ?? plain(error);
        thrown.requestSent ??= tracking.connected();
        throw thrown;
    }
    finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        tracking.agent.destroy();
    }
}
/** The pipeline's error as a plain one: its message and code, without the request it carries (and its headers). */
function plain(error) {
    if (!(error instanceof Error))
        return new Error(String(error));
    const code = error.code;
    return Object.assign(new Error(error.message), {
        ...(typeof code === 'string' ? { code } : {}),
        ...(error.name === 'AbortError' ? { name: 'AbortError', code: ABORTED } : {}),
    });
}
/** The whole body, under the cap; a connection closed before its end is a failure, not a short answer. */
function readBody(message, url, maxBytes, stop) {
    const failure = (text, code) => Object.assign(new Error(text), { code });
    const tooLarge = () => failure(`the answer from ${url.origin} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: not read`, TOO_LARGE);
    return new Promise((resolve, reject) => {
        if (Number(message.headers['content-length']) > maxBytes) {
            message.destroy();
            return reject(tooLarge());
        }
        const chunks = [];
        let size = 0;
        let settled = false;
        const fail = (error) => {
            if (settled)
                return;
            settled = true;
            stop.removeEventListener('abort', onStop);
            message.destroy();
            reject(error);
        };
        const onStop = () => fail(failure('the exchange was ended', ABORTED));
        if (stop.aborted)
            return onStop();
        stop.addEventListener('abort', onStop, { once: true });
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > maxBytes)
                return fail(tooLarge());
            chunks.push(chunk);
        });
        message.on('end', () => {
            if (settled)
                return;
            settled = true;
            stop.removeEventListener('abort', onStop);
            resolve(Buffer.concat(chunks).toString('utf8'));
        });
        message.on('error', (error) => fail(failure(`the connection to ${url.origin} failed while the answer was read: ${error.message}`, error.code ?? 'ECONNRESET')));
        message.on('close', () => {
            if (!message.complete)
                fail(failure(`the connection to ${url.origin} closed before the answer was complete`, 'ECONNRESET'));
        });
    });
}
/** Retry-After in seconds or as an HTTP date (counted from `now`), in milliseconds. */
function retryAfter(value, now = Date.now()) {
    const text = Array.isArray(value) ? value[0] : value;
    if (!text)
        return undefined;
    const seconds = Number(text);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
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

/***/ 3329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fd: () => (/* binding */ retryableStatus),
/* harmony export */   HR: () => (/* binding */ HttpFailure),
/* harmony export */   JG: () => (/* binding */ anySignal),
/* harmony export */   Qq: () => (/* binding */ HttpClient)
/* harmony export */ });
/* unused harmony exports systemClock, DEFAULT_RETRY_POLICY, MIN_TRY_MS, refusedBeforeProcessing, provedNotSent, retryableFailure */
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9410);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6803);
/**
 * The one HTTP client of durable-gate, with the one retry policy: Resource Manager (azure/arm.ts,
 * its long-running operations and 409 waits included), the Durable HTTP API (taskhub/http-api.ts),
 * the swap's health check (azure/swap.ts) and GitHub's OIDC token request (azure/credentials.ts) all
 * send through it. Each try is one exchange of ../http.ts (core-rest-pipeline's HTTP client, a
 * deadline for the whole exchange, a size cap, whether the request could have reached the service).
 *
 * The policy, in one place:
 * - retried: 408, 429 and 5xx answers, and failures of the exchange (resets, timeouts, refused
 *   connections, names that do not resolve); never a TLS certificate that is not accepted or an
 *   answer over the size cap (trying again changes neither);
 * - a request that must not run twice (a swap, a swap preview, its reset: `idempotent: false`) is
 *   sent again only when the failure proves it never reached the service (no connection was made)
 *   or the service refused it before processing it (429: throttled requests are not carried out).
 *   A 408, a 5xx (a front end may answer it after passing the request on), a reset or a timeout
 *   after sending: the caller gets the answer or an HttpFailure with `reached`, and says the
 *   outcome is unknown;
 * - the wait: Retry-After (seconds or an HTTP date, read on the client's clock), at most
 *   `maxRetryAfterMs`; without it, exponential backoff from `baseDelayMs`, at most `maxDelayMs`;
 * - a time budget per call: a wait that would end past it is not started (the answer or the failure
 *   so far is the result), and each try's deadline is cut to what is left of it (never below
 *   MIN_TRY_MS, so that a last try gets a fair chance);
 * - a cancel (the AbortSignal) ends an exchange or a wait at once: HttpFailure with `cancelled`.
 *
 * The clock (`now`) and `sleep` are passed in, so that tests run the budget and the waits on a
 * virtual clock (__tests__/http-client.test.ts). The exchange's own deadline is real time.
 *
 * Why not core-rest-pipeline's retryPolicy: it cannot be told that a request must not be sent
 * twice, and it waits on timers of its own, which a virtual clock cannot drive.
 */


const systemClock = { now: () => Date.now() };
const DEFAULT_RETRY_POLICY = {
    retries: 6,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    maxRetryAfterMs: 60_000,
    budgetMs: 120_000,
};
/** The shortest deadline a try gets, however little of the budget is left. */
const MIN_TRY_MS = 5000;
/**
 * A call that ended without an answer: cancelled, or the exchange failed (and was retried as far as
 * the policy allows). `reached` is false only when the last try provably never reached the service.
 * Its message names the service by its origin only: never a path, a query or a header.
 */
const HttpFailure = (0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .brandedError */ .fi)('HttpFailure', class extends _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DurableGateError */ .B7 {
    code;
    cancelled;
    reached;
    attempts;
    tls;
    constructor(message, 
    /** ETIMEDOUT, ECONNRESET, ECONNREFUSED, a TLS code, ERESPONSETOOLARGE, ABORT_ERR, ... */
    code, cancelled, reached, attempts, 
    /** Set when the TLS certificate was not accepted: what happened and what to do. */
    tls) {
        super(message);
        this.code = code;
        this.cancelled = cancelled;
        this.reached = reached;
        this.attempts = attempts;
        this.tls = tls;
    }
});
/** Failure codes that mean no connection was made: the request never reached the service. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** Answers worth another try: the service did not serve the request, for a reason that may pass. */
function retryableStatus(status) {
    return status === 408 || status === 429 || status >= 500;
}
/**
 * Answers that prove the service did not carry the request out, so that even a request that must not
 * run twice may be sent again: 429, a throttled request (Resource Manager throttles before it
 * passes a request on). A 503 proves nothing of the kind: a front end may answer it after passing
 * the request on.
 */
function refusedBeforeProcessing(status) {
    return status === 429;
}
/** True when the failed exchange certainly never reached the service. */
function provedNotSent(error) {
    return (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .neverSent */ .vQ)(error) || NOT_SENT.has(error?.code ?? '');
}
/** Whether a failed exchange is worth another try under the policy. */
function retryableFailure(error, idempotent) {
    if ((0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .tlsProblem */ .hE)(error))
        return false;
    const code = error?.code;
    if (code === _http_js__WEBPACK_IMPORTED_MODULE_1__/* .TOO_LARGE */ .PH || code === 'EINVAL')
        return false;
    return idempotent || provedNotSent(error);
}
class HttpClient {
    options;
    policy;
    clock;
    pause;
    constructor(options = {}) {
        this.options = options;
        this.policy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(options.retry ?? {}) };
        this.clock = options.clock ?? systemClock;
        this.pause = options.sleep ?? _http_js__WEBPACK_IMPORTED_MODULE_1__/* .sleep */ .yy;
    }
    now() {
        return this.clock.now();
    }
    /** Waits `ms` with the client's sleep; a cancel (the client's signal or `signal`) ends the wait at once. */
    wait(ms, signal) {
        return this.pause(ms, anySignal(this.options.signal, signal));
    }
    /** The answer's Retry-After in milliseconds (on the client's clock), at most `maxRetryAfterMs`; undefined without one. */
    retryAfterMs(response) {
        const asked = (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .retryAfter */ .P9)(response.headers['retry-after'], this.now());
        return asked === undefined ? undefined : Math.min(asked, this.policy.maxRetryAfterMs);
    }
    /** The backoff before retry number `retry + 1`, without Retry-After. */
    backoff(retry) {
        return Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** retry);
    }
    /**
     * Sends the request, retrying as the policy allows. Resolves with the answer (whatever its status:
     * the caller judges it); throws HttpFailure when there is none, and what `headers` throws.
     */
    async request(url, call = {}) {
        const method = (call.method ?? 'GET').toUpperCase();
        const signal = anySignal(this.options.signal, call.signal);
        const idempotent = call.idempotent ?? !['POST', 'PATCH'].includes(method);
        const retries = call.retries ?? this.policy.retries;
        const deadline = call.deadline ?? this.now() + this.policy.budgetMs;
        const timeoutMs = this.options.timeoutMs ?? _http_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_TIMEOUT_MS */ .t1;
        const cancelled = (reached, attempts) => new HttpFailure(reached ? `the request to ${url.origin} was cancelled after it was sent` : `the request to ${url.origin} was cancelled before it was sent`, 'ABORT_ERR', true, reached, attempts);
        /** Whether another try may follow after `delay`: tries are left, and the wait ends within the budget. */
        const mayRetry = (attempt, delay) => attempt <= retries && this.now() + delay <= deadline;
        for (let attempt = 1;; attempt++) {
            if (signal?.aborted)
                throw cancelled(false, attempt - 1);
            const headers = typeof call.headers === 'function' ? await call.headers() : call.headers;
            if (signal?.aborted)
                throw cancelled(false, attempt - 1);
            let response;
            try {
                response = await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .send */ .tN)(url, {
                    method,
                    ...(headers ? { headers } : {}),
                    ...(call.body !== undefined ? { body: call.body } : {}),
                    ...(this.options.ca ? { ca: this.options.ca } : {}),
                    ...(this.options.maxBodyBytes !== undefined ? { maxBodyBytes: this.options.maxBodyBytes } : {}),
                    ...(signal ? { signal } : {}),
                    timeoutMs: Math.min(timeoutMs, Math.max(deadline - this.now(), MIN_TRY_MS)),
                });
            }
            catch (error) {
                const reached = !provedNotSent(error);
                if (signal?.aborted)
                    throw cancelled(reached, attempt);
                const delay = this.backoff(attempt - 1);
                const code = error.code || 'EFAILED';
                if (retryableFailure(error, idempotent) && mayRetry(attempt, delay)) {
                    call.onRetry?.({ attempt, delayMs: delay, failure: code });
                    await this.pause(delay, signal);
                    continue;
                }
                const tls = (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .tlsProblem */ .hE)(error);
                const detail = error instanceof Error ? error.message : String(error);
                throw new HttpFailure(tls ?? detail, code, false, reached, attempt, tls);
            }
            if (retryableStatus(response.status) && (idempotent || refusedBeforeProcessing(response.status))) {
                const delay = this.retryAfterMs(response) ?? this.backoff(attempt - 1);
                if (mayRetry(attempt, delay)) {
                    call.onRetry?.({ attempt, delayMs: delay, response });
                    await this.pause(delay, signal);
                    continue;
                }
            }
            return { response, attempts: attempt };
        }
    }
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
function anySignal(...signals) {
    const present = signals.filter((s) => s !== undefined);
    return present.length <= 1 ? present[0] : AbortSignal.any(present);
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
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2820);
/* harmony import */ var _azure_data_tables__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3632);
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9410);
/* harmony import */ var _connection_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1394);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1930);
/* harmony import */ var _option_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1635);
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
    return (sharedHttpClient ??= (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__.createDefaultHttpClient)());
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
        const request = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__.createPipelineRequest)({
            url: url.toString(),
            method: 'GET',
            allowInsecureConnection: url.protocol === 'http:',
            headers: (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__.createHttpHeaders)({ Accept: 'application/json;odata=nometadata', 'x-ms-version': '2019-02-02', DataServiceVersion: '3.0' }),
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
            return new TaskHubAccessError(`${where}: the table does not exist. Is the task hub name right (host.json extensions.durableTask.hubName, or ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_6__/* .option */ .u)('task-hub')}), and is this the app's durable storage account?`);
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
/* harmony export */   XC: () => (/* binding */ resolveConnection),
/* harmony export */   f3: () => (/* binding */ localSettings)
/* harmony export */ });
/* unused harmony exports REQUEST_TIMEOUT_MS, ServiceAnswerError, requestDeadlinePolicy, commandSignalPolicy, tableAnswerPolicy, checkTableAnswer, parseConnectionString */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _azure_data_tables__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3632);
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4869);
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2820);
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9410);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6803);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7194);
/* harmony import */ var _option_names_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1635);
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
                    throw new _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_4__.RestError(`no complete answer within ${timeoutMs / 1000} s`, { code: 'ETIMEDOUT', request });
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
        `Set ${setting} to the task hub's storage connection string (or UseDevelopmentStorage=true for Azurite), or name the setting that holds it with ${(0,_option_names_js__WEBPACK_IMPORTED_MODULE_7__/* .option */ .u)('connection')}.`);
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
        // A Durable Task Scheduler's string (Endpoint=...;Authentication=...) is read through the app's host.json.
        const scheduler = parts.endpoint !== undefined && parts.authentication !== undefined;
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .UsageError */ .eb(scheduler
            ? `the setting ${setting} holds a Durable Task Scheduler connection string, not a storage one. durable-gate reads a scheduler through --app: the function app folder whose host.json sets extensions.durableTask.storageProvider.type to azureManaged.`
            : `the setting ${setting} is not a storage connection string: expected AccountName=...;AccountKey=... (or TableEndpoint=...), or UseDevelopmentStorage=true.`);
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
        const sink = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_8__/* .secretSink */ ._f)();
        credential = sink ? (0,_secrets_js__WEBPACK_IMPORTED_MODULE_8__/* .maskingCredential */ .Ai)(made, sink) : made;
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

/***/ 4926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pw: () => (/* binding */ schedulerToken),
/* harmony export */   qY: () => (/* binding */ parseDtsConnectionString)
/* harmony export */ });
/* unused harmony exports DTS_AUTHENTICATION, SCHEDULER_SCOPE */
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9410);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7194);


/** The Authentication values the scheduler's clients accept, lower case, with the credential each stands for. */
const DTS_AUTHENTICATION = {
    none: 'no token (the emulator)',
    defaultazure: 'DefaultAzureCredential',
    managedidentity: 'ManagedIdentityCredential (user-assigned with ClientID)',
    workloadidentity: 'WorkloadIdentityCredential',
    environment: 'EnvironmentCredential',
    azurecli: 'AzureCliCredential',
    azurepowershell: 'AzurePowerShellCredential',
    visualstudiocode: 'VisualStudioCodeCredential',
    interactivebrowser: 'InteractiveBrowserCredential',
};
const KEYS = ['endpoint', 'authentication', 'clientid', 'tenantid', 'tokenfilepath', 'additionallyallowedtenants', 'taskhub'];
const EXPECTED = 'Expected Endpoint=https://<scheduler>.<region>.durabletask.io;Authentication=ManagedIdentity[;ClientID=<client id>] (or Endpoint=http://localhost:8080;Authentication=None for the emulator)';
/** Parses the connection string held by the setting `setting`. */
function parseDtsConnectionString(value, setting) {
    const fields = new Map();
    for (const part of value.split(';')) {
        if (part.trim() === '')
            continue;
        const at = part.indexOf('=');
        if (at <= 0)
            throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`The setting ${setting} is not a Durable Task Scheduler connection string: a part has no Key=Value form. ${EXPECTED}.`);
        const key = part.slice(0, at).trim().toLowerCase();
        const raw = part.slice(at + 1).trim();
        const unquoted = /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
        if (!KEYS.includes(key)) {
            throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`The setting ${setting} has a key the Durable Task Scheduler does not know: ${part.slice(0, at).trim()}. Keys: Endpoint, Authentication, ClientID, TenantId, TokenFilePath, AdditionallyAllowedTenants, TaskHub.`);
        }
        fields.set(key, unquoted);
    }
    const endpointText = fields.get('endpoint');
    if (!endpointText)
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`The setting ${setting} has no Endpoint. ${EXPECTED}.`);
    // An endpoint without a scheme is https (the .NET client's CreateChannel); on this machine or an
    // address, that is the emulator, which speaks http: said rather than guessed.
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(endpointText) && /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])(:\d+)?\/?$/i.test(endpointText))
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`The setting ${setting} has an Endpoint without a scheme (${endpointText}), which the scheduler's clients take as https. Write http://${endpointText} for the local emulator, or https:// for a scheduler.`);
    let endpoint;
    try {
        endpoint = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(endpointText) ? endpointText : `https://${endpointText}`);
    }
    catch {
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`The setting ${setting} has an Endpoint that is not a URL. ${EXPECTED}.`);
    }
    if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:')
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`The setting ${setting} has an Endpoint with the scheme ${endpoint.protocol.replace(/:$/, '')}: expected https (or http for the emulator).`);
    const authText = fields.get('authentication');
    if (!authText)
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`The setting ${setting} has no Authentication. ${EXPECTED}.`);
    const authentication = authText.toLowerCase();
    if (!(authentication in DTS_AUTHENTICATION)) {
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`The setting ${setting} has Authentication=${authText}, which the Durable Task Scheduler's clients do not accept. Expected one of: None, DefaultAzure, ManagedIdentity, WorkloadIdentity, Environment, AzureCli, AzurePowerShell, VisualStudioCode, InteractiveBrowser.`);
    }
    // A token sent in clear text could be read on the way: the clients send none over http.
    if (endpoint.protocol === 'http:' && authentication !== 'none')
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`The setting ${setting} has an http Endpoint with Authentication=${authText}: a token would travel unencrypted. Use https, or Authentication=None for the local emulator.`);
    const tenants = fields.get('additionallyallowedtenants');
    return {
        endpoint,
        authentication,
        ...(fields.get('clientid') ? { clientId: fields.get('clientid') } : {}),
        ...(fields.get('tenantid') ? { tenantId: fields.get('tenantid') } : {}),
        ...(fields.get('tokenfilepath') ? { tokenFilePath: fields.get('tokenfilepath') } : {}),
        ...(tenants
            ? {
                additionallyAllowedTenants: tenants
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean),
            }
            : {}),
        ...(fields.get('taskhub') ? { taskHub: fields.get('taskhub') } : {}),
    };
}
/**
 * A bearer token for the scheduler (scope https://durabletask.io/.default), kept until five
 * minutes before it expires, from the given credential or else the one the connection string's
 * Authentication names, as the scheduler's clients choose it (@azure/identity loads with the
 * first token). AZURE_AUTHORITY_HOST, when set, is the sign-in authority (sovereign clouds).
 * Every token is reported to the secret sink (the Action masks it) before a call carries it.
 */
function schedulerToken(connection, signIn) {
    let cached;
    let credential;
    // Calls made while a token is being fetched wait for that one (16 at a time would each start az).
    let pending;
    const who = signIn.credential
        ? "durable-gate's own sign-in (--auth)"
        : `the connection string's Authentication=${connection.authentication}${connection.clientId ? ` (ClientID ${connection.clientId})` : ''}`;
    const fetchToken = async () => {
        if (!credential) {
            const made = signIn.credential ?? (await connectionCredential(connection, signIn.env));
            const sink = (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .secretSink */ ._f)();
            credential = sink ? (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .maskingCredential */ .Ai)(made, sink) : made;
        }
        let answer;
        try {
            answer = await credential.getToken(SCHEDULER_SCOPE);
        }
        catch (error) {
            throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`signing in to the Durable Task Scheduler at ${connection.endpoint.host} as ${who} failed: ${(0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error).replace(/\.+$/, '')}. ${signIn.credential
                ? 'Check the --auth sign-in (az login, the OIDC client and tenant, or the machine identity).'
                : 'Where durable-gate runs, that credential must be available (a managed identity only exists on Azure): set Authentication to one that is, such as AzureCli after az login, or Environment with AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET.'}`);
        }
        if (!answer)
            throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(signIn.credential
                ? 'no token for the Durable Task Scheduler from the identity durable-gate signs in with (--auth): sign in again.'
                : `no token for the Durable Task Scheduler (Authentication=${connection.authentication}): sign in, or check the connection string's Authentication.`);
        cached = { token: answer.token, expires: answer.expiresOnTimestamp };
        return answer.token;
    };
    return () => {
        if (cached && cached.expires - 5 * 60_000 > Date.now())
            return Promise.resolve(cached.token);
        pending ??= fetchToken().finally(() => (pending = undefined));
        return pending;
    };
}
/** The credential a connection string's Authentication stands for (DurableTaskSchedulerClientOptions). */
async function connectionCredential(connection, env) {
    const identity = await __webpack_require__.e(/* import() */ 531).then(__webpack_require__.bind(__webpack_require__, 2531));
    const { clientId, tenantId, tokenFilePath } = connection;
    // Instance discovery asks the public cloud's login endpoint about the authority: not for other hosts.
    const authorityHost = env.AZURE_AUTHORITY_HOST || undefined;
    const authority = authorityHost ? { authorityHost, disableInstanceDiscovery: authorityHost.replace(/\/+$/, '') !== PUBLIC_AUTHORITY } : {};
    switch (connection.authentication) {
        case 'managedidentity':
            return clientId ? new identity.ManagedIdentityCredential({ clientId }) : new identity.ManagedIdentityCredential();
        case 'workloadidentity':
            return new identity.WorkloadIdentityCredential({
                ...authority,
                ...(clientId ? { clientId } : {}),
                ...(tenantId ? { tenantId } : {}),
                ...(tokenFilePath ? { tokenFilePath } : {}),
                ...(connection.additionallyAllowedTenants ? { additionallyAllowedTenants: connection.additionallyAllowedTenants } : {}),
            });
        case 'environment':
            return new identity.EnvironmentCredential(authority);
        case 'azurecli':
            return new identity.AzureCliCredential(tenantId ? { tenantId } : {});
        case 'azurepowershell':
            return new identity.AzurePowerShellCredential(tenantId ? { tenantId } : {});
        case 'visualstudiocode':
            return new identity.VisualStudioCodeCredential(tenantId ? { tenantId } : {});
        case 'interactivebrowser':
            return new identity.InteractiveBrowserCredential({ ...authority, ...(tenantId ? { tenantId } : {}), ...(clientId ? { clientId } : {}) });
        case 'none':
            throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb('Authentication=None signs in with no token: there is none to ask for.');
        case 'defaultazure':
            return new identity.DefaultAzureCredential({
                ...authority,
                ...(clientId ? { managedIdentityClientId: clientId } : {}),
                ...(tenantId ? { tenantId } : {}),
            });
    }
}
const PUBLIC_AUTHORITY = 'https://login.microsoftonline.com';
/** The scheduler's token scope (DurableTaskSchedulerClientOptions.ResourceId + "/.default"). */
const SCHEDULER_SCOPE = 'https://durabletask.io/.default';


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
 * (docs/runtime-rules.md §7, partition-key escaping): '^' -> '^^', '/' -> '^0', '\' -> '^1',
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
