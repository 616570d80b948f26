// durable-gate's ESLint plugin for import: the same object as require('durable-gate/eslint').
import { createRequire } from 'node:module';

export default createRequire(import.meta.url)('./eslint.cjs');
