/**
 * A Durable Task Scheduler connection string, as the scheduler's clients read it:
 * `Endpoint=https://<scheduler>.<region>.durabletask.io;Authentication=ManagedIdentity[;ClientID=<id>]`,
 * or the emulator's `Endpoint=http://localhost:8080;Authentication=None`. Keys in any case, values
 * trimmed, and quotes around a value allowed (microsoft/durabletask-dotnet
 * src/Shared/AzureManaged/DurableTaskSchedulerConnectionString.cs reads it with
 * DbConnectionStringBuilder). Errors name the setting, never its value.
 */
import type { TokenCredential } from '@azure/core-auth';
import { UsageError, errorMessage } from '../../harness/errors.js';
import { maskingCredential, secretSink } from '../secrets.js';

/** The Authentication values the scheduler's clients accept, lower case, with the credential each stands for. */
export const DTS_AUTHENTICATION = {
  none: 'no token (the emulator)',
  defaultazure: 'DefaultAzureCredential',
  managedidentity: 'ManagedIdentityCredential (user-assigned with ClientID)',
  workloadidentity: 'WorkloadIdentityCredential',
  environment: 'EnvironmentCredential',
  azurecli: 'AzureCliCredential',
  azurepowershell: 'AzurePowerShellCredential',
  visualstudiocode: 'VisualStudioCodeCredential',
  interactivebrowser: 'InteractiveBrowserCredential',
} as const;

export type DtsAuthentication = keyof typeof DTS_AUTHENTICATION;

export interface DtsConnection {
  /** The scheduler's gRPC endpoint; TLS when https (as the .NET client chooses). */
  endpoint: URL;
  authentication: DtsAuthentication;
  clientId?: string;
  tenantId?: string;
  tokenFilePath?: string;
  additionallyAllowedTenants?: string[];
  /** Only a fallback: Functions take the task hub from host.json hubName. */
  taskHub?: string;
}

const KEYS = ['endpoint', 'authentication', 'clientid', 'tenantid', 'tokenfilepath', 'additionallyallowedtenants', 'taskhub'];

const EXPECTED =
  'Expected Endpoint=https://<scheduler>.<region>.durabletask.io;Authentication=ManagedIdentity[;ClientID=<client id>] (or Endpoint=http://localhost:8080;Authentication=None for the emulator)';

/** Parses the connection string held by the setting `setting`. */
export function parseDtsConnectionString(value: string, setting: string): DtsConnection {
  const fields = new Map<string, string>();
  for (const part of value.split(';')) {
    if (part.trim() === '') continue;
    const at = part.indexOf('=');
    if (at <= 0) throw new UsageError(`The setting ${setting} is not a Durable Task Scheduler connection string: a part has no Key=Value form. ${EXPECTED}.`);
    const key = part.slice(0, at).trim().toLowerCase();
    const raw = part.slice(at + 1).trim();
    const unquoted = /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
    if (!KEYS.includes(key)) {
      throw new UsageError(
        `The setting ${setting} has a key the Durable Task Scheduler does not know: ${part.slice(0, at).trim()}. Keys: Endpoint, Authentication, ClientID, TenantId, TokenFilePath, AdditionallyAllowedTenants, TaskHub.`,
      );
    }
    fields.set(key, unquoted);
  }
  const endpointText = fields.get('endpoint');
  if (!endpointText) throw new UsageError(`The setting ${setting} has no Endpoint. ${EXPECTED}.`);
  // An endpoint without a scheme is https (the .NET client's CreateChannel); on this machine or an
  // address, that is the emulator, which speaks http: said rather than guessed.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(endpointText) && /^(localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\])(:\d+)?\/?$/i.test(endpointText))
    throw new UsageError(
      `The setting ${setting} has an Endpoint without a scheme (${endpointText}), which the scheduler's clients take as https. Write http://${endpointText} for the local emulator, or https:// for a scheduler.`,
    );
  let endpoint: URL;
  try {
    endpoint = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(endpointText) ? endpointText : `https://${endpointText}`);
  } catch {
    throw new UsageError(`The setting ${setting} has an Endpoint that is not a URL. ${EXPECTED}.`);
  }
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:')
    throw new UsageError(
      `The setting ${setting} has an Endpoint with the scheme ${endpoint.protocol.replace(/:$/, '')}: expected https (or http for the emulator).`,
    );
  const authText = fields.get('authentication');
  if (!authText) throw new UsageError(`The setting ${setting} has no Authentication. ${EXPECTED}.`);
  const authentication = authText.toLowerCase() as DtsAuthentication;
  if (!(authentication in DTS_AUTHENTICATION)) {
    throw new UsageError(
      `The setting ${setting} has Authentication=${authText}, which the Durable Task Scheduler's clients do not accept. Expected one of: None, DefaultAzure, ManagedIdentity, WorkloadIdentity, Environment, AzureCli, AzurePowerShell, VisualStudioCode, InteractiveBrowser.`,
    );
  }
  // A token sent in clear text could be read on the way: the clients send none over http.
  if (endpoint.protocol === 'http:' && authentication !== 'none')
    throw new UsageError(
      `The setting ${setting} has an http Endpoint with Authentication=${authText}: a token would travel unencrypted. Use https, or Authentication=None for the local emulator.`,
    );
  const tenants = fields.get('additionallyallowedtenants');
  return {
    endpoint,
    authentication,
    ...(fields.get('clientid') ? { clientId: fields.get('clientid')! } : {}),
    ...(fields.get('tenantid') ? { tenantId: fields.get('tenantid')! } : {}),
    ...(fields.get('tokenfilepath') ? { tokenFilePath: fields.get('tokenfilepath')! } : {}),
    ...(tenants
      ? {
          additionallyAllowedTenants: tenants
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        }
      : {}),
    ...(fields.get('taskhub') ? { taskHub: fields.get('taskhub')! } : {}),
  };
}

/** Who signs in to the scheduler: the connection string's Authentication, unless a credential is given. */
export interface SchedulerSignIn {
  /** The environment the credentials read (AZURE_CLIENT_ID, AZURE_AUTHORITY_HOST, ...). */
  env: NodeJS.ProcessEnv;
  /**
   * The identity to use instead of the connection string's: `gate --slot` reads a deployed app's
   * connection string, whose ManagedIdentity is the app's own and not the one running durable-gate.
   */
  credential?: TokenCredential;
}

/**
 * A bearer token for the scheduler (scope https://durabletask.io/.default), kept until five
 * minutes before it expires, from the given credential or else the one the connection string's
 * Authentication names, as the scheduler's clients choose it (@azure/identity loads with the
 * first token). AZURE_AUTHORITY_HOST, when set, is the sign-in authority (sovereign clouds).
 * Every token is reported to the secret sink (the Action masks it) before a call carries it.
 */
export function schedulerToken(connection: DtsConnection, signIn: SchedulerSignIn): () => Promise<string> {
  let cached: { token: string; expires: number } | undefined;
  let credential: TokenCredential | undefined;
  // Calls made while a token is being fetched wait for that one (16 at a time would each start az).
  let pending: Promise<string> | undefined;
  const who = signIn.credential
    ? "durable-gate's own sign-in (--auth)"
    : `the connection string's Authentication=${connection.authentication}${connection.clientId ? ` (ClientID ${connection.clientId})` : ''}`;
  const fetchToken = async (): Promise<string> => {
    if (!credential) {
      const made = signIn.credential ?? (await connectionCredential(connection, signIn.env));
      const sink = secretSink();
      credential = sink ? maskingCredential(made, sink) : made;
    }
    let answer: Awaited<ReturnType<TokenCredential['getToken']>>;
    try {
      answer = await credential.getToken(SCHEDULER_SCOPE);
    } catch (error) {
      throw new UsageError(
        `signing in to the Durable Task Scheduler at ${connection.endpoint.host} as ${who} failed: ${errorMessage(error).replace(/\.+$/, '')}. ${
          signIn.credential
            ? 'Check the --auth sign-in (az login, the OIDC client and tenant, or the machine identity).'
            : 'Where durable-gate runs, that credential must be available (a managed identity only exists on Azure): set Authentication to one that is, such as AzureCli after az login, or Environment with AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET.'
        }`,
      );
    }
    if (!answer)
      throw new UsageError(
        signIn.credential
          ? 'no token for the Durable Task Scheduler from the identity durable-gate signs in with (--auth): sign in again.'
          : `no token for the Durable Task Scheduler (Authentication=${connection.authentication}): sign in, or check the connection string's Authentication.`,
      );
    cached = { token: answer.token, expires: answer.expiresOnTimestamp };
    return answer.token;
  };
  return () => {
    if (cached && cached.expires - 5 * 60_000 > Date.now()) return Promise.resolve(cached.token);
    pending ??= fetchToken().finally(() => (pending = undefined));
    return pending;
  };
}

/** The credential a connection string's Authentication stands for (DurableTaskSchedulerClientOptions). */
async function connectionCredential(connection: DtsConnection, env: NodeJS.ProcessEnv): Promise<TokenCredential> {
  const identity = await import('@azure/identity');
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
      throw new UsageError('Authentication=None signs in with no token: there is none to ask for.');
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
export const SCHEDULER_SCOPE = 'https://durabletask.io/.default';
