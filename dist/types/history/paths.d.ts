export interface ExpandedPaths {
    files: string[];
    /** Arguments that matched nothing: each is reported, never silently dropped. */
    unmatched: string[];
}
/** History arguments: folders give every *.json below them. */
export declare function expandHistoryPaths(args: readonly string[], cwd?: string): Promise<ExpandedPaths>;
/** Files, folders (every file below ending in `folderSuffix`) and globs, each file once. */
export declare function expandPaths(args: readonly string[], cwd: string, folderSuffix: string): Promise<ExpandedPaths>;
/**
 * A glob as given, with '/' between folders: on Windows `\` separates folders there (so it
 * escapes nothing); elsewhere it escapes the next character.
 */
export declare function globPattern(pattern: string, separator?: string): string;
/**
 * Whether a '/'-separated path relative to the glob's folder matches the glob.
 *
 * picomatch, not a matcher of our own (braces holding globs and an escaped `\*` were wrong in ours)
 * nor Node's path.matchesGlob (missing before Node 20.17, which package.json's engines allow, and
 * experimental, with a warning, on Node 20 and 22): it is maintained and has no dependencies, so
 * the library stays light to install. Its POSIX flavour: the separator is made '/' beforehand
 * (globPattern). As before, parentheses and double quotes are plain characters (picomatch would
 * read regex groups, extglobs and quoting), a leading `!` does not negate, `[!a]` does, and `*`
 * does not stop at a leading dot (the walk skips hidden entries itself).
 */
export declare function globMatcher(glob: string): (path: string) => boolean;
export declare function displayPath(path: string, cwd?: string): string;
