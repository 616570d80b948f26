/**
 * The ESLint plugin (durable-gate/eslint) run by ESLint itself on the lint fixtures, with ESLint's
 * parsers (typescript-eslint for TypeScript, espree for JavaScript): the same findings as
 * `durable-gate lint`, helpers in other files included, fixes applied by --fix, the
 * recommended config leaving the informational rules off.
 */
import { describe, expect, test } from '@jest/globals';
import { ESLint, type Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import tseslint from 'typescript-eslint';
import plugin from '../harness/lint/eslint.js';
import { lintApp } from '../harness/lint/project.js';
import { RULE_IDS } from '../harness/lint/rules.js';
import { repoRoot } from './helpers/apps.js';

const fixtures = join(repoRoot, '__tests__', 'fixtures', 'lint');

function eslintFor(app: string, config: 'all' | 'recommended', fix = false): ESLint {
  return new ESLint({
    cwd: app,
    overrideConfigFile: true,
    fix,
    errorOnUnmatchedPattern: false,
    overrideConfig: [
      { ignores: ['dist/**'] },
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
      plugin.configs[config] as unknown as Linter.Config,
    ],
  });
}

async function eslintFindings(app: string, config: 'all' | 'recommended'): Promise<string[]> {
  const results = await eslintFor(app, config).lintFiles(['**/*.ts', '**/*.js']);
  return results.flatMap((r) => r.messages.map((m) => `${relative(app, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? m.message}`)).sort();
}

function cliFindings(app: string, keep: (severity: string) => boolean = () => true): string[] {
  return lintApp(app)
    .findings.filter((f) => !f.suppressed && keep(f.severity))
    .map((f) => `${relative(app, f.file)}:${f.line}:${f.column + 1} durable-gate/${f.rule}`)
    .sort();
}

describe('durable-gate/eslint', () => {
  test.each(['v4-ts', 'v3-js'])('%s: ESLint with configs.all reports what durable-gate lint reports, at the same places', async (name) => {
    const app = join(fixtures, name);
    const found = await eslintFindings(app, 'all');
    expect(found.length).toBeGreaterThan(10);
    expect(found).toEqual(cliFindings(app));
  });

  test('configs.recommended leaves the informational rules off', async () => {
    const app = join(fixtures, 'v4-ts');
    expect(await eslintFindings(app, 'recommended')).toEqual(cliFindings(app, (severity) => severity !== 'note'));
  });

  test('--fix puts the durable clock and ids in place', async () => {
    const app = join(fixtures, 'v4-ts');
    const [clock] = await eslintFor(app, 'recommended', true).lintFiles(['src/functions/clock.ts']);
    expect(readFileSync(join(app, 'src/functions/clock.ts'), 'utf8')).toContain('const started = Date.now();');
    expect(clock!.output).toContain('const started = context.df.currentUtcDateTime.getTime();');
    expect(clock!.output).toContain('const now = new Date(context.df.currentUtcDateTime);');
  });

  test('the plugin names itself and every rule has docs and a type', () => {
    expect(plugin.meta).toMatchObject({ name: 'durable-gate', namespace: 'durable-gate' });
    expect(Object.keys(plugin.rules)).toEqual(RULE_IDS);
    for (const id of RULE_IDS) expect(plugin.rules[id].meta.docs.url).toBe(`docs/lint.md#${id}`);
    expect(plugin.configs.recommended.plugins['durable-gate']).toBe(plugin);
  });
});
