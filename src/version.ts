/** The CLI's and the Action's version: the library's (harness/version.ts). */
export { VERSION } from '../harness/version.js';
