/**
 * Node's own createRequire. Bundlers (ncc/webpack) rewrite direct `createRequire(...)` calls into
 * their own module system, which cannot load a user's app; looking it up dynamically keeps Node's.
 */
export declare const nativeCreateRequire: (path: string | URL) => NodeRequire;
