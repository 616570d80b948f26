/**
 * Secrets met at run time (tokens a credential obtains, the GitHub OIDC token) reported to a front
 * end that masks them (the Action's core.setSecret) before any request or log line carries them.
 */
import type { TokenCredential } from '@azure/core-auth';

/**
 * Where secrets go when the caller gave no onSecret: set once by a front end that masks secrets
 * (the Action), so that every credential made in the process reports its tokens, whichever
 * command made it.
 */
let processSecretSink: ((value: string) => void) | undefined;

export function reportSecretsTo(sink: ((value: string) => void) | undefined): void {
  processSecretSink = sink;
}

export function secretSink(): ((value: string) => void) | undefined {
  return processSecretSink;
}

/** The credential, with every token it hands out passed to `onSecret` first. */
export function maskingCredential(credential: TokenCredential, onSecret: (value: string) => void): TokenCredential {
  // The SDKs ask again and again for a token they hold: each value is reported once.
  const reported = new Set<string>();
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
