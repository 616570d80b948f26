/**
 * Source files parsed for the lint with @babel/parser (TypeScript and JavaScript, ESM and
 * CommonJS) into ESTree, the shape ESLint's parsers give, so that one set of rules serves both.
 */
import { parse as babelParse, type ParserPlugin } from '@babel/parser';
import type * as E from 'estree';
import { setParents, type SourceFile } from './ast.js';

export class SourceParseError extends Error {
  constructor(
    readonly path: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

const TS = /\.(c|m)?tsx?$/;

/** Parses `text` as the file at `path` says it is (.ts/.tsx/.mts/.cts TypeScript, else JavaScript). */
export function parseSource(path: string, text: string): SourceFile {
  const typescript = TS.test(path);
  const jsx = /x$/.test(path);
  // What valid code of an app may hold beside its orchestrators: decorators (TypeORM, NestJS),
  // accessor fields, import attributes in either syntax.
  const plugins: ParserPlugin[] = [['estree', { classFeatures: true }], 'decorators-legacy', 'decoratorAutoAccessors', 'deprecatedImportAssert'];
  if (typescript) plugins.push('typescript');
  if (jsx) plugins.push('jsx');
  const parse = (withPlugins: ParserPlugin[]) =>
    babelParse(text, {
      sourceType: typescript || /\.mjs$/.test(path) ? 'module' : 'unambiguous',
      allowReturnOutsideFunction: true,
      allowAwaitOutsideFunction: true,
      allowImportExportEverywhere: true,
      errorRecovery: false,
      ranges: true,
      plugins: withPlugins,
    });
  let file;
  try {
    try {
      file = parse(plugins);
    } catch (error) {
      // JSX in a .js file (React-style code kept beside the functions).
      if (typescript || jsx) throw error;
      file = parse([...plugins, 'jsx']);
    }
  } catch (error) {
    const where = (error as { loc?: { line: number; column: number } }).loc;
    const message = (error as Error).message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new SourceParseError(path, message, where?.line, where?.column);
  }
  const program = file.program as unknown as E.Program;
  setParents(program);
  return { path, text, program, comments: (file.comments ?? []) as unknown as E.Comment[] };
}
