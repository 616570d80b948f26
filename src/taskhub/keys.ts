import { createHash } from 'node:crypto';

/**
 * Partition keys of task hub tables escape characters Azure Tables forbids in keys
 * (docs/runtime-rules.md §7, partition-key escaping): '^' -> '^^', '/' -> '^0', '\' -> '^1',
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

/** Names Windows reserves whatever their extension (CON.json is CON). */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** Longest encoded id kept whole in a file name: with a hash, a suffix and `.json`, names stay under 255 bytes. */
const MAX_ENCODED = 150;

/**
 * File names for any instance id: reversible percent-encoding of everything outside
 * [A-Za-z0-9._-], so no id can name a path outside the folder. Ids too long for a file name are
 * cut and end with a hash of the whole id (which the file itself still holds whole).
 */
export function fileNameFor(instanceId: string): string {
  let encoded = Array.from(new TextEncoder().encode(instanceId), (byte) => {
    const ch = String.fromCharCode(byte);
    return /[A-Za-z0-9._-]/.test(ch) && byte < 0x80 ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  // Names of only dots would be special to file systems; reserved device names too.
  if (/^\.+$/.test(encoded)) encoded = encoded.replace(/\./g, '%2E');
  if (RESERVED.test(encoded)) encoded = `%${encoded.charCodeAt(0).toString(16).toUpperCase()}${encoded.slice(1)}`;
  if (encoded.length <= MAX_ENCODED) return encoded;
  // Never cut an escape in two.
  let cut = MAX_ENCODED;
  if (encoded[cut - 1] === '%') cut -= 1;
  else if (encoded[cut - 2] === '%') cut -= 2;
  return `${encoded.slice(0, cut)}~${createHash('sha256').update(instanceId).digest('hex').slice(0, 16)}`;
}
