/**
 * A Durable Task Scheduler connection string, as the scheduler's clients read it:
 * `Endpoint=https://<scheduler>.<region>.durabletask.io;Authentication=ManagedIdentity[;ClientID=<id>]`,
 * or the emulator's `Endpoint=http://localhost:8080;Authentication=None`. Keys in any case, values
 * trimmed, and quotes around a value allowed (microsoft/durabletask-dotnet
 * src/Shared/AzureManaged/DurableTaskSchedulerConnectionString.cs reads it with
 * DbConnectionStringBuilder). Errors name the setting, never its value.
 */
import { UsageError } from '../../harness/errors.js';

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
  // An endpoint without a scheme is https (the .NET client's CreateChannel).
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

/**
 * A bearer token for the scheduler (scope https://durabletask.io/.default) from the credential its
 * Authentication names, as the scheduler's clients choose it; kept until five minutes before it
 * expires. @azure/identity loads with the first token.
 */
export function schedulerToken(connection: DtsConnection): () => Promise<string> {
  let cached: { token: string; expires: number } | undefined;
  let credential: { getToken(scope: string): Promise<{ token: string; expiresOnTimestamp: number } | null> } | undefined;
  return async () => {
    if (cached && cached.expires - 5 * 60_000 > Date.now()) return cached.token;
    if (!credential) {
      const identity = await import('@azure/identity');
      const { clientId, tenantId, tokenFilePath } = connection;
      switch (connection.authentication) {
        case 'managedidentity':
          credential = clientId ? new identity.ManagedIdentityCredential({ clientId }) : new identity.ManagedIdentityCredential();
          break;
        case 'workloadidentity':
          credential = new identity.WorkloadIdentityCredential({
            ...(clientId ? { clientId } : {}),
            ...(tenantId ? { tenantId } : {}),
            ...(tokenFilePath ? { tokenFilePath } : {}),
            ...(connection.additionallyAllowedTenants ? { additionallyAllowedTenants: connection.additionallyAllowedTenants } : {}),
          });
          break;
        case 'environment':
          credential = new identity.EnvironmentCredential();
          break;
        case 'azurecli':
          credential = new identity.AzureCliCredential();
          break;
        case 'azurepowershell':
          credential = new identity.AzurePowerShellCredential();
          break;
        case 'visualstudiocode':
          credential = new identity.VisualStudioCodeCredential();
          break;
        case 'interactivebrowser':
          credential = new identity.InteractiveBrowserCredential({});
          break;
        case 'none':
          throw new UsageError('Authentication=None signs in with no token: there is none to ask for.');
        case 'defaultazure':
          credential = new identity.DefaultAzureCredential(clientId ? { managedIdentityClientId: clientId } : {});
          break;
      }
    }
    const answer = await credential.getToken(SCHEDULER_SCOPE);
    if (!answer)
      throw new UsageError(
        `no token for the Durable Task Scheduler (Authentication=${connection.authentication}): sign in, or check the connection string's Authentication.`,
      );
    cached = { token: answer.token, expires: answer.expiresOnTimestamp };
    return answer.token;
  };
}

/** The scheduler's token scope (DurableTaskSchedulerClientOptions.ResourceId + "/.default"). */
export const SCHEDULER_SCOPE = 'https://durabletask.io/.default';
