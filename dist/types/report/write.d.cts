/**
 * Writes `text` (a string, or pieces of one in order) to a temporary file beside `path`, then
 * moves it into place. Without `overwrite`, an existing file is kept and the call fails with
 * EEXIST (a hard link never replaces a file).
 */
export declare function writeWhole(path: string, text: string | Iterable<string>, options?: {
    overwrite?: boolean;
}): Promise<void>;
/** writeWhole for a text in hand, in this thread (replacing `path`): no trip through libuv's thread pool. */
export declare function writeWholeSync(path: string, text: string): void;
/** Small pieces joined into pieces of about `size` characters: one write each, not one per line. */
export declare function inPiecesOf(pieces: Iterable<string>, size?: number): Generator<string>;
