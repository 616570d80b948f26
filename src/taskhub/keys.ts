/**
 * Partition keys of task hub tables escape characters Azure Tables forbids in keys
 * (DurableTask.AzureStorage KeySanitation.cs): '^' -> '^^', '/' -> '^0', '\' -> '^1',
 * '#' -> '^2', '?' -> '^3', control characters -> '^' + (char)(0xC0 + code).
 */
const ESCAPES: Record<string, string> = { '^': '^^', '/': '^0', '\\': '^1', '#': '^2', '?': '^3' };
const UNESCAPES: Record<string, string> = { '^': '^', '0': '/', '1': '\\', '2': '#', '3': '?' };

function isControl(code: number): boolean {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}

export function escapePartitionKey(instanceId: string): string {
  let out = '';
  for (const ch of instanceId) {
    const code = ch.charCodeAt(0);
    out += ESCAPES[ch] ?? (isControl(code) ? `^${String.fromCharCode(0xc0 + code)}` : ch);
  }
  return out;
}

export function unescapePartitionKey(key: string): string {
  if (!key.includes('^')) return key;
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const ch = key[i]!;
    if (ch !== '^' || i + 1 >= key.length) {
      out += ch;
      continue;
    }
    const next = key[++i]!;
    const code = next.charCodeAt(0);
    out += UNESCAPES[next] ?? (code >= 0xc0 && isControl(code - 0xc0) ? String.fromCharCode(code - 0xc0) : next);
  }
  return out;
}

/** File names for any instance id: reversible percent-encoding of everything outside [A-Za-z0-9._-]. */
export function fileNameFor(instanceId: string): string {
  const encoded = Array.from(new TextEncoder().encode(instanceId), (byte) => {
    const ch = String.fromCharCode(byte);
    return /[A-Za-z0-9._-]/.test(ch) && byte < 0x80 ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  // Names of only dots would be special to file systems.
  return /^\.+$/.test(encoded) ? encoded.replace(/\./g, '%2E') : encoded;
}
