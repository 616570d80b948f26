#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 9362:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rc: () => (/* binding */ readHostConfig)
/* harmony export */ });
/* unused harmony exports DTS_CONNECTION_SETTING, stripJsonComments */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9410);
/**
 * The Durable Functions settings of an app's host.json, read as the extension reads them
 * (docs/runtime-rules.md §8):
 * Functions 2.x and later under extensions.durableTask, 1.x under durableTask.
 */



/** The Durable Task Scheduler's default connection setting (AzureManagedScalabilityProviderFactory.DefaultConnectionNameConstant). */
const DTS_CONNECTION_SETTING = 'DURABLE_TASK_SCHEDULER_CONNECTION_STRING';
const text = (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
/** Reads the durable settings of an app's host.json. Comments and trailing commas are tolerated, as the host does. */
function readHostConfig(appDir) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(appDir, 'host.json');
    let raw;
    try {
        raw = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${file} was not found. --app must be the function app folder (it holds host.json).`);
    }
    let host;
    try {
        // Editors on Windows may write a byte order mark; the host reads past it.
        host = JSON.parse(stripJsonComments(raw.replace(/^\uFEFF/, '')));
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`${file} is not valid JSON: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error)}`);
    }
    const v2 = (typeof host.version === 'string' || typeof host.version === 'number') && String(host.version).startsWith('2');
    const durable = ((v2 ? host.extensions?.durableTask : host.durableTask) ?? {});
    const provider = (durable.storageProvider ?? {});
    const type = text(provider.type);
    const connectionName = v2 ? (text(provider.connectionName) ?? text(provider.connectionStringName)) : text(durable.azureStorageConnectionStringName);
    const tracking = text(provider.trackingStoreConnectionName) ?? text(provider.trackingStoreConnectionStringName);
    const prefix = text(provider.trackingStoreNamePrefix);
    const hubName = text(durable.hubName);
    const defaultVersion = text(durable.defaultVersion);
    // The extension picks the provider by name in any case (DurableTaskExtension.cs, OrdinalIgnoreCase).
    const scheduler = type !== undefined && /^azuremanaged$/i.test(type);
    return {
        file,
        connectionName: connectionName ?? (scheduler ? DTS_CONNECTION_SETTING : 'AzureWebJobsStorage'),
        ...(connectionName ? { connectionNamed: true } : {}),
        ...(scheduler ? { durableTaskScheduler: true } : {}),
        section: v2 ? 'extensions.durableTask' : 'durableTask',
        ...(hubName ? { hubName } : {}),
        ...(defaultVersion ? { defaultVersion } : {}),
        ...(durable.storeInputsInOrchestrationHistory === true ? { storeInputs: true } : {}),
        ...(tracking ? { trackingStoreConnectionName: tracking } : {}),
        ...(prefix ? { trackingStoreNamePrefix: prefix } : {}),
        ...(type && !scheduler && !/^azure_?storage$/i.test(type) ? { otherProvider: type } : {}),
    };
}
/** JSON with // and /* comments and trailing commas, as host.json may be written. */
function stripJsonComments(input) {
    let out = '';
    for (let i = 0; i < input.length; i++) {
        const c = input[i];
        if (c === '"') {
            const start = i;
            for (i++; i < input.length && input[i] !== '"'; i++)
                if (input[i] === '\\')
                    i++;
            out += input.slice(start, i + 1);
        }
        else if (c === '/' && input[i + 1] === '/') {
            while (i < input.length && input[i] !== '\n')
                i++;
            out += '\n';
        }
        else if (c === '/' && input[i + 1] === '*') {
            const end = input.indexOf('*/', i + 2);
            i = end < 0 ? input.length : end + 1;
        }
        else if (c !== ',' || !/^\s*[}\]]/.test(input.slice(i + 1))) {
            out += c;
        }
    }
    return out;
}


/***/ }),

/***/ 6843:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AT: () => (/* binding */ loadApp),
/* harmony export */   PJ: () => (/* binding */ stopReason),
/* harmony export */   _f: () => (/* binding */ setWorkerScript)
/* harmony export */ });
/* unused harmony exports DEFAULT_HISTORY_TIMEOUT_MS, DEFAULT_LOAD_TIMEOUT_MS, DEFAULT_MEMORY_LIMIT_MB */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(9410);
/* harmony import */ var _history_load_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(8716);
/* harmony import */ var _history_paths_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(1626);
/* harmony import */ var _worker_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(3691);
/**
 * The caller's side of a loaded app: starts the replay worker, forwards what the user's code
 * prints to stderr (never stdout), and sends it histories in batches.
 */










const WORKER_SCRIPT = Symbol.for('durable-gate.worker-script');
/** Bundles (dist/) run themselves as the worker: their entry point registers its own URL here. */
function setWorkerScript(url) {
    globalThis[WORKER_SCRIPT] = url;
}
function workerScript(file = './worker.js') {
    const override = globalThis[WORKER_SCRIPT];
    // A parameter, not a literal: bundlers must not try to bundle the worker as an asset.
    return new URL(typeof override === 'string' || override instanceof URL ? override : file, import.meta.url);
}
const DEFAULT_HISTORY_TIMEOUT_MS = 30_000;
const DEFAULT_LOAD_TIMEOUT_MS = 60_000;
const DEFAULT_MEMORY_LIMIT_MB = 2048;
/**
 * One replay worker with the app loaded: a child process, not a thread. An orchestrator that
 * allocates without bound hits the child's heap limit and ends the child only; a worker thread's
 * limit is best-effort in Node (some allocation patterns abort the whole process).
 */
class WorkerHandle {
    child;
    progressFd;
    progressPath;
    info;
    stderrTail;
    memoryLimitMb;
    nextId = 0;
    pending = new Map();
    failure;
    counter = Buffer.alloc(4);
    /** Histories finished by the worker when it last answered: exact, where the file may lag by a few milliseconds. */
    answered = 0;
    /** Histories finished by the worker so far: it counts them in its progress file (a few milliseconds late). */
    get progress() {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readSync)(this.progressFd, this.counter, 0, 4, 0);
        return this.counter.readInt32LE(0);
    }
    constructor(child, progressFd, progressPath, info, stderrTail, memoryLimitMb) {
        this.child = child;
        this.progressFd = progressFd;
        this.progressPath = progressPath;
        this.info = info;
        this.stderrTail = stderrTail;
        this.memoryLimitMb = memoryLimitMb;
        child.removeAllListeners('exit');
        child.removeAllListeners('message');
        child.on('message', (message) => {
            if ('id' in message) {
                if (message.type === 'results' || message.type === 'called')
                    this.answered = message.finished;
                const waiter = this.pending.get(message.id);
                this.pending.delete(message.id);
                waiter?.resolve(message);
            }
        });
        child.on('exit', (code, signal) => this.failAll(workerExit(code, signal, this.stderrTail(), this.memoryLimitMb)));
        this.hold(false);
    }
    static async start(dir, options) {
        if (options.signal?.aborted)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AppLoadError */ ._n(dir, stopReason(options.signal));
        const progressPath = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), `durable-gate-progress-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)()}`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.writeFileSync)(progressPath, Buffer.alloc(4));
        const progressFd = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.openSync)(progressPath, 'r');
        const init = { durableGateWorker: true, appDir: dir, progressFile: progressPath, ...(options.perturb ? { perturb: true } : {}) };
        const memoryLimitMb = options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.fork)((0,node_url__WEBPACK_IMPORTED_MODULE_4__.fileURLToPath)(workerScript()), [], {
            env: { ...process.env, [_worker_js__WEBPACK_IMPORTED_MODULE_9__/* .WORKER_ENV */ .Xg]: JSON.stringify(init) },
            execArgv: [`--max-old-space-size=${memoryLimitMb}`],
            stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
            serialization: 'advanced',
        });
        // What the user's code prints goes to stderr (never stdout); the end of it tells an out-of-memory end.
        let tail = '';
        const forward = options.userOutput !== 'ignore';
        child.stdout.on('data', (chunk) => forward && process.stderr.write(chunk));
        let dying = false;
        child.stderr.on('data', (chunk) => {
            tail = (tail + chunk.toString()).slice(-4000);
            // V8's report of a heap exhausted (GC traces, a native stack) is said in the verdict instead.
            dying ||= tail.includes('<--- Last few GCs --->');
            if (forward && !dying)
                process.stderr.write(chunk);
        });
        const loadTimeoutMs = options.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
        let timer;
        let onAbort;
        const info = await new Promise((resolvePromise, reject) => {
            child.on('message', (message) => {
                if (message.type === 'ready')
                    resolvePromise(message.info);
                else if (message.type === 'load-error')
                    reject(new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AppLoadError */ ._n(dir, message.message, message.userStack));
            });
            child.once('error', (error) => reject(new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AppLoadError */ ._n(dir, `could not start the replay worker: ${error.message}`)));
            child.once('exit', (code, signal) => {
                const ended = workerExit(code, signal, tail, memoryLimitMb);
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AppLoadError */ ._n(dir, `the app's worker ended while loading (${ended.message.replace(/^the replay worker /, '')}); does the app call process.exit()?`));
            });
            // An import that never finishes (top-level code waiting on a connection or a promise that never settles).
            timer = setTimeout(() => reject(new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AppLoadError */ ._n(dir, `the app did not finish loading within ${Math.round(loadTimeoutMs / 1000)} s: a module's top-level code is still running or waiting (a connection, a top-level await, an endless loop). Orchestrator modules must load without I/O; move it into an activity or behind a function call.`)), loadTimeoutMs);
            onAbort = () => reject(new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AppLoadError */ ._n(dir, `stopped while the app was still loading (${stopReason(options.signal)}). If loading takes long, a module's top-level code may be waiting on something (a connection, a top-level await) or looping.`));
            options.signal?.addEventListener('abort', onAbort, { once: true });
        })
            .catch(async (error) => {
            await kill(child);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.closeSync)(progressFd);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(progressPath, { force: true });
            throw error;
        })
            .finally(() => {
            clearTimeout(timer);
            if (onAbort)
                options.signal?.removeEventListener('abort', onAbort);
        });
        // Both sides hold the progress file open now: its name can go, so that nothing is left behind
        // even if this process is killed (where open files cannot be removed, it goes at terminate()).
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(progressPath, { force: true });
        }
        catch {
            // Windows keeps the name of an open file.
        }
        return new WorkerHandle(child, progressFd, progressPath, info, () => tail, memoryLimitMb);
    }
    /** An idle worker does not keep the caller's process alive (a library user who forgets close()). */
    hold(busy) {
        const handles = [this.child, this.child.channel, this.child.stdout, this.child.stderr];
        for (const handle of handles)
            (busy ? handle?.ref : handle?.unref)?.call(handle);
    }
    failAll(error) {
        this.failure = error;
        for (const p of this.pending.values())
            p.reject(error);
        this.pending.clear();
    }
    request(message) {
        if (this.failure)
            return Promise.reject(this.failure);
        const id = ++this.nextId;
        return new Promise((resolvePromise, reject) => {
            this.pending.set(id, { resolve: resolvePromise, reject });
            this.hold(true);
            try {
                this.child.send({ ...message, id });
            }
            catch (error) {
                // The message could not be copied to the worker (a value nested too deep, or not
                // cloneable): the worker is fine; the histories in it are the problem.
                this.pending.delete(id);
                reject(new NotSent((0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .errorMessage */ .gJ)(error)));
            }
        }).finally(() => {
            if (this.pending.size === 0)
                this.hold(false);
        });
    }
    terminated = false;
    async terminate() {
        if (this.terminated)
            return;
        this.terminated = true;
        this.child.removeAllListeners('exit');
        // Held while it stops: an unreferenced child lets the process end mid-await (exit code 13).
        this.hold(true);
        this.failAll(new Error('the replay worker was stopped'));
        await kill(this.child);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.closeSync)(this.progressFd);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmSync)(this.progressPath, { force: true });
    }
}
/** Ends a worker process and waits until it is gone. */
function kill(child) {
    return new Promise((resolvePromise) => {
        if (child.exitCode !== null || child.signalCode !== null)
            return resolvePromise();
        child.once('exit', () => resolvePromise());
        child.kill('SIGKILL');
    });
}
/** How a worker process ended, said plainly: running out of its heap limit is the usual one. */
function workerExit(code, signal, stderrTail, memoryLimitMb) {
    if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderrTail)) {
        return Object.assign(new Error(`the replay worker ran out of memory (its limit is ${memoryLimitMb} MB)`), { code: OUT_OF_MEMORY });
    }
    return new Error(`the replay worker exited (${signal ? `signal ${signal}` : `code ${code}`}); does the user's code call process.exit()?`);
}
const OUT_OF_MEMORY = 'ERR_WORKER_OUT_OF_MEMORY';
/** A request that never reached the worker because its content could not be copied there. */
class NotSent extends Error {
}
const HUNG = Symbol('hung');
const STOPPED = Symbol('stopped');
/** Why a run was stopped, from its signal's reason: a cancel, or a deadline passed. */
function stopReason(signal) {
    const reason = signal?.reason;
    if (typeof reason === 'string')
        return reason;
    if (reason instanceof Error && reason.name !== 'AbortError')
        return reason.message;
    return 'the run was cancelled';
}
/** Why a stale build is refused, and the two ways on: rebuild, or accept the build as it is. */
function staleBuildMessage(dir, stale) {
    const newest = stale[0];
    const others = new Set(stale.map((s) => s.source)).size - 1;
    let build = 'npx tsc';
    try {
        const pkg = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(dir, 'package.json'), 'utf8'));
        if (typeof pkg.scripts?.build === 'string')
            build = 'npm run build';
    }
    catch {
        // No package.json to read: the TypeScript compiler is the usual build.
    }
    return (`the app's build is older than its sources: ${(0,_history_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .displayPath */ .Gt)(newest.source)} changed after ${(0,_history_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .displayPath */ .Gt)(newest.built)} was built` +
        `${others > 0 ? ` (and ${others} more source file${others > 1 ? 's' : ''})` : ''}. The replay runs the built JavaScript, so it would judge the code as it was before that change. ` +
        `Rebuild the app (${build} in ${(0,_history_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .displayPath */ .Gt)(dir)}) and replay again, or replay the build as it is (--allow-stale-build; Action input allow-stale-build: true; allowStaleBuild in the library).`);
}
/** The instance and orchestrator a history names, read again here for a history its worker could not finish. */
async function identify(item) {
    try {
        const history = 'file' in item ? await (0,_history_load_js__WEBPACK_IMPORTED_MODULE_7__/* .readHistoryFile */ .tG)(item.file) : 'text' in item ? (0,_history_load_js__WEBPACK_IMPORTED_MODULE_7__/* .parseHistoryText */ .H4)(item.text, item.source) : (0,_history_load_js__WEBPACK_IMPORTED_MODULE_7__/* .parseHistory */ .i6)(item.value, item.source);
        return { instanceId: history.instanceId, orchestrator: history.orchestrator };
    }
    catch {
        return { instanceId: '', orchestrator: '' };
    }
}
async function loadApp(appDir, options = {}) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.resolve)(appDir);
    const timeoutMs = options.historyTimeoutMs ?? DEFAULT_HISTORY_TIMEOUT_MS;
    const signal = options.signal;
    let handle = await WorkerHandle.start(dir, options);
    const stale = handle.info.staleBuild ?? [];
    if (stale.length > 0) {
        if (!options.allowStaleBuild) {
            await handle.terminate();
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_6__/* .AppLoadError */ ._n(dir, staleBuildMessage(dir, stale));
        }
        handle.info.warnings.push(`replaying the build as it is (stale builds allowed): ${(0,_history_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .displayPath */ .Gt)(stale[0].source)} changed after ${(0,_history_paths_js__WEBPACK_IMPORTED_MODULE_8__/* .displayPath */ .Gt)(stale[0].built)} was built.`);
    }
    /** Resolves with the answer; HUNG when the worker stops making progress on one history; STOPPED on the signal. */
    const watch = (answer) => new Promise((resolvePromise, reject) => {
        let seen = handle.progress;
        let since = Date.now();
        const stop = () => resolvePromise(STOPPED);
        signal?.addEventListener('abort', stop, { once: true });
        const timer = setInterval(() => {
            const now = handle.progress;
            if (now !== seen) {
                seen = now;
                since = Date.now();
            }
            else if (Date.now() - since >= timeoutMs) {
                resolvePromise(HUNG);
            }
        }, Math.min(1000, Math.max(50, timeoutMs / 10)));
        answer.then(resolvePromise, reject).finally(() => {
            clearInterval(timer);
            signal?.removeEventListener('abort', stop);
        });
        if (signal?.aborted)
            stop();
    });
    const notReplayed = (item) => ({
        source: 'file' in item ? item.file : item.source,
        instanceId: '',
        orchestrator: '',
        verdict: 'error',
        error: { message: `not checked: ${stopReason(signal)} before its replay finished.` },
    });
    const replay = async (items, engineOptions) => {
        if (items.length === 0)
            return [];
        if (signal?.aborted)
            return items.map(notReplayed);
        const before = handle.answered;
        let answer;
        try {
            answer = await watch(handle.request({ type: 'replay', items, options: engineOptions }));
        }
        catch (error) {
            // The worker is gone (the user's code called process.exit, ran out of memory, or crashed it).
            answer = error instanceof Error ? error : new Error(String(error));
        }
        if (answer instanceof NotSent) {
            // Find the history that cannot be sent: one at a time, each alone.
            if (items.length > 1) {
                const results = [];
                for (const item of items)
                    results.push(...(await replay([item], engineOptions)));
                return results;
            }
            const item = items[0];
            return [
                {
                    source: 'file' in item ? item.file : item.source,
                    instanceId: '',
                    orchestrator: '',
                    verdict: 'error',
                    error: {
                        message: `this history could not be handed to the replay worker (${answer.message}): is it nested deeper than a history can be, or does it hold values that are not JSON?`,
                    },
                },
            ];
        }
        if (answer === STOPPED) {
            // The worker holds this batch's results until its end: the batch counts as not checked.
            const at = handle.progress - before;
            await handle.terminate();
            const results = items.map(notReplayed);
            const current = items[at];
            if (current) {
                results[at] = {
                    ...results[at],
                    ...(await identify(current)),
                    error: {
                        message: `not checked: it was still replaying when ${stopReason(signal)}. If that took long, the orchestrator may loop or wait for ever on this history (--history-timeout bounds one history).`,
                    },
                };
            }
            return results;
        }
        if (answer !== HUNG && !(answer instanceof Error)) {
            if (answer.type === 'results')
                return answer.results;
            throw new Error(answer.type === 'crash' ? answer.message : `unexpected answer ${answer.type}`);
        }
        // One history never came back: replace the worker, redo those before it, report it, go on.
        const stuckAt = handle.progress - before;
        await handle.terminate();
        handle = await WorkerHandle.start(dir, options);
        const done = await replay(items.slice(0, stuckAt), engineOptions);
        const item = items[stuckAt];
        const outOfMemory = answer instanceof Error && answer.code === OUT_OF_MEMORY;
        const failure = answer === HUNG
            ? {
                message: `The orchestrator did not return within ${Math.round(timeoutMs / 1000)} s while replaying this history: an endless loop, or a wait on something that never comes (a promise that is not a durable task).`,
                runtimeMessage: 'The invocation would run until the function timeout; the instance would make no progress.',
                advice: 'Look for a loop whose exit depends on a value that no longer changes, or an await of a non-durable promise, in the code reached by this history.',
            }
            : outOfMemory
                ? {
                    message: `Replaying this history made the orchestrator use more memory than the replay worker's limit (${options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB} MB): it allocates without bound.`,
                    runtimeMessage: 'The Functions host worker would run out of memory and restart; the instance would fail or retry without progress.',
                    advice: 'Look for a loop that keeps growing an array, string or map in the code reached by this history.',
                }
                : {
                    message: `Replaying this history ended the app's process (${answer.message.replace(/^the replay worker /, '')}).`,
                    runtimeMessage: 'The Functions host would restart the worker and the instance would fail or retry without progress.',
                    advice: 'Find the process.exit() or the crash in the code this history reaches; orchestrators must not end the process.',
                };
        const stuck = { source: 'file' in item ? item.file : item.source, ...(await identify(item)), verdict: 'failed', failure };
        const rest = await replay(items.slice(stuckAt + 1), engineOptions);
        return [...done, stuck, ...rest];
    };
    const call = async (what) => {
        const label = `${what.kind === 'orchestrator' ? 'the orchestrator' : 'the function'} '${what.name}'`;
        if (signal?.aborted)
            throw new Error(`${label} was not run: ${stopReason(signal)}`);
        let answer;
        try {
            answer = await watch(handle.request({ type: 'call', call: what }));
        }
        catch (error) {
            answer = error instanceof Error ? error : new Error(String(error));
        }
        if (answer instanceof NotSent)
            throw new Error(`${label} could not be given its input: ${answer.message} (only JSON values can be passed)`);
        if (answer === HUNG || answer === STOPPED || answer instanceof Error) {
            await handle.terminate();
            if (answer !== STOPPED)
                handle = await WorkerHandle.start(dir, options);
            if (answer === HUNG)
                throw new Error(`${label} did not return within ${Math.round(timeoutMs / 1000)} s: an endless loop, or a wait on something that never comes (a promise that is not a durable task).`);
            if (answer === STOPPED)
                throw new Error(`${label} was stopped: ${stopReason(signal)}`);
            throw new Error(`${label} ended the app's process (${answer.message.replace(/^the replay worker /, '')}).`);
        }
        if (answer.type === 'called')
            return answer.outcome;
        throw new Error(answer.type === 'crash' ? `${label}: ${answer.message}` : `unexpected answer ${answer.type}`);
    };
    return {
        get info() {
            return handle.info;
        },
        replay: (items, engineOptions = {}) => {
            // What the app took when it loaded (const { randomUUID } = require('crypto')) answers for a perturbed run only when the worker replaced it first.
            if (engineOptions.perturb && !options.perturb)
                return Promise.reject(new Error('perturbed replay needs the app loaded for it: loadApp(dir, { perturb: true }), so that the clock, randomness and the environment are replaced before the app loads.'));
            return replay(items, engineOptions);
        },
        call,
        close: () => handle.terminate(),
    };
}


/***/ }),

/***/ 8564:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ nativeCreateRequire)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Node's own createRequire. Bundlers (ncc/webpack) rewrite direct `createRequire(...)` calls into
 * their own module system, which cannot load a user's app; looking it up dynamically keeps Node's.
 */
const nativeCreateRequire = Reflect.get(node_module__WEBPACK_IMPORTED_MODULE_0__, 'createRequire');


/***/ }),

/***/ 8501:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ threwOutcomeOf),
/* harmony export */   a: () => (/* binding */ returnedOutcome)
/* harmony export */ });
/** What a function returned, as the JSON text the worker sends (undefined: nothing returned). */
function returnedOutcome(value) {
    try {
        const json = value === undefined ? undefined : JSON.stringify(value);
        return { kind: 'returned', ...(json === undefined ? {} : { json }) };
    }
    catch (error) {
        return threwOutcomeOf(new Error(`its return value cannot be sent as JSON: ${error instanceof Error ? error.message : String(error)}`));
    }
}
/** What a function threw. */
function threwOutcomeOf(error) {
    if (!(error instanceof Error))
        return { kind: 'threw', message: String(error), errorName: 'Error' };
    return { kind: 'threw', message: error.message, errorName: error.name, ...(error.stack ? { stack: error.stack } : {}) };
}


/***/ }),

/***/ 3691:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Xg: () => (/* binding */ WORKER_ENV),
  WU: () => (/* binding */ isReplayWorker)
});

// UNUSED EXPORTS: errorResult, runWorker

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
// EXTERNAL MODULE: ./harness/errors.ts
var errors = __nccwpck_require__(9410);
// EXTERNAL MODULE: ./harness/history/load.ts
var load = __nccwpck_require__(8716);
// EXTERNAL MODULE: ./harness/replay/engine.ts
var engine = __nccwpck_require__(7375);
// EXTERNAL MODULE: ./harness/app/native-require.ts
var native_require = __nccwpck_require__(8564);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
var external_node_util_default = /*#__PURE__*/__nccwpck_require__.n(external_node_util_);
// EXTERNAL MODULE: ./harness/history/paths.ts
var paths = __nccwpck_require__(1626);
// EXTERNAL MODULE: ./harness/replay/locate.ts
var locate = __nccwpck_require__(4487);
// EXTERNAL MODULE: ./harness/app/outcome.ts
var app_outcome = __nccwpck_require__(8501);
;// CONCATENATED MODULE: ./harness/app/load.ts
/**
 * Loads a user's function app in this thread (the replay worker) without the Functions host, and
 * invokes its orchestrators the way the Node worker does. Both durable-functions and
 * @azure/functions are the app's own copies, resolved from its folder.
 *
 * Node programming model v4 (durable-functions 3.x): @azure/functions registers functions through
 * the module `@azure/functions-core`, which only the Node worker provides. We provide it: every
 * registration (orchestrations, activities, entities, others) is captured, and an orchestrator is
 * invoked through the programming model the app set, exactly as the worker does
 * (getInvocationModel -> getArguments -> invokeFunction -> getResponse).
 *
 * function.json model (durable-functions 2.x): each folder with a function.json is a function;
 * orchestrators are found by their orchestrationTrigger binding and invoked with a context whose
 * bindings hold the payload; they answer through context.done(error, state).
 */









/** The trigger binding of a function: [its name, its type]. */
function triggerOf(bindings) {
    const found = Object.entries(bindings).find(([, b]) => b.direction === 'in' && /trigger$/i.test(b.type ?? ''));
    return found ? [found[0], found[1].type ?? 'unknown'] : undefined;
}
const OUT_OF_PROC_LABEL = '\n\n$OutOfProcData$:';
/**
 * The util type checks Node 23 removed (util.isDate and its kin). durable-functions up to 3.2 and
 * 2.x call util.isDate in createTimer; the Functions host runs them on Node 20 or 22, where it
 * exists. Replaying on a newer Node (the Action runs on node24) must not turn every timer into a
 * TypeError that production never sees, so the worker puts back the ones that are missing.
 */
function restoreRemovedUtilChecks() {
    const checks = {
        isArray: (value) => Array.isArray(value),
        isBoolean: (value) => typeof value === 'boolean',
        isBuffer: (value) => Buffer.isBuffer(value),
        isDate: (value) => value instanceof Date,
        isError: (value) => value instanceof Error,
        isFunction: (value) => typeof value === 'function',
        isNull: (value) => value === null,
        isNullOrUndefined: (value) => value === null || value === undefined,
        isNumber: (value) => typeof value === 'number',
        isObject: (value) => value !== null && typeof value === 'object',
        isPrimitive: (value) => value === null || (typeof value !== 'object' && typeof value !== 'function'),
        isRegExp: (value) => value instanceof RegExp,
        isString: (value) => typeof value === 'string',
        isSymbol: (value) => typeof value === 'symbol',
        isUndefined: (value) => value === undefined,
    };
    const target = (external_node_util_default());
    for (const [name, check] of Object.entries(checks))
        if (typeof target[name] !== 'function')
            target[name] = check;
}
async function loadAppInThisThread(appDir) {
    restoreRemovedUtilChecks();
    const dir = (0,external_node_path_.resolve)(appDir);
    const shown = (0,paths/* displayPath */.Gt)(dir);
    if (!(0,external_node_fs_.existsSync)(dir) || !(0,external_node_fs_.statSync)(dir).isDirectory()) {
        throw new errors/* AppLoadError */._n(dir, `${shown}: no such folder. Expected the folder of a function app (the one holding host.json).`);
    }
    if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'host.json'))) {
        throw new errors/* AppLoadError */._n(dir, `${shown} is not a function app: it has no host.json. The app folder (--app in the CLI, app in the Action and the library) is the one that holds host.json and package.json.`);
    }
    const appRequire = (0,native_require/* nativeCreateRequire */.f)((0,external_node_path_.join)(dir, 'package.json'));
    let dfPackageJson;
    try {
        dfPackageJson = appRequire.resolve('durable-functions/package.json');
    }
    catch {
        const declared = readPackageJson(dir)?.dependencies?.['durable-functions'];
        throw new errors/* AppLoadError */._n(dir, declared
            ? `${shown} declares durable-functions ${declared} but it is not installed. Run \`npm install\` in ${shown} first.`
            : `${shown} has no durable-functions package: it is not a Durable Functions app (add durable-functions to its dependencies and run \`npm install\`).`);
    }
    const dfVersion = String(JSON.parse((0,external_node_fs_.readFileSync)(dfPackageJson, 'utf8')).version ?? '0.0.0');
    const major = Number.parseInt(dfVersion, 10);
    if (major >= 3)
        return loadV4(dir, shown, (0,external_node_path_.dirname)(dfPackageJson), dfVersion);
    return loadFunctionJson(dir, shown, (0,external_node_path_.dirname)(dfPackageJson), dfVersion);
}
function readPackageJson(dir) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'package.json'), 'utf8'));
    }
    catch {
        return undefined;
    }
}
/**
 * The replay runs the built JavaScript. Every compiled file of the app (outside node_modules and
 * dot-folders) that names a source map is compared with the sources the map names: a source
 * changed after the file was built means the build is older than the code (the newest first).
 */
function staleSources(dir) {
    const stale = [];
    let mapped = 0;
    let budget = 5000;
    const visit = (folder, depth) => {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(folder, { withFileTypes: true });
        }
        catch {
            return;
        }
        for (const entry of entries) {
            if (entry.name === 'node_modules' || entry.name.startsWith('.') || budget <= 0)
                continue;
            const path = (0,external_node_path_.join)(folder, entry.name);
            if (entry.isDirectory() && depth < 12)
                visit(path, depth + 1);
            else if (entry.isFile() && /\.[cm]?js$/.test(entry.name)) {
                budget -= 1;
                const map = (0,locate/* readSourceMap */.wM)(path);
                if (!map)
                    continue;
                mapped += 1;
                const built = (0,external_node_fs_.statSync)(path).mtimeMs;
                for (const source of map.payload.sources ?? []) {
                    const sourcePath = (0,external_node_path_.resolve)(map.dir, map.payload.sourceRoot ?? '', source);
                    const changed = (0,external_node_fs_.existsSync)(sourcePath) ? (0,external_node_fs_.statSync)(sourcePath).mtimeMs : 0;
                    if (changed > built + 1000)
                        stale.push({ source: sourcePath, built: path, changed });
                }
            }
        }
    };
    visit(dir, 0);
    // TypeScript without source maps: neither a stale build nor a line of the user's source can be told.
    const warnings = mapped === 0 && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'tsconfig.json'))
        ? [
            `${(0,paths/* displayPath */.Gt)(dir)} has a tsconfig.json, but no compiled file names a source map: durable-gate cannot tell whether the build is older than your TypeScript, and reports point at the compiled JavaScript. Set "sourceMap": true in tsconfig.json and rebuild.`,
        ]
        : [];
    return { staleBuild: stale.sort((x, y) => y.changed - x.changed).map(({ source, built }) => ({ source, built })), warnings };
}
/** Function names are case-insensitive, as in the host. */
function finder(functions) {
    const byName = new Map(functions.map((f) => [f.name.toLowerCase(), f]));
    return (name) => byName.get(name.toLowerCase());
}
function kindOf(trigger) {
    switch (trigger.toLowerCase()) {
        case 'orchestrationtrigger':
            return 'orchestration';
        case 'activitytrigger':
            return 'activity';
        case 'entitytrigger':
            return 'entity';
        default:
            return 'other';
    }
}
// ---------------------------------------------------------------- programming model v4
/** The stand-in for the module the Node worker provides. One per replay worker. */
class FunctionsCore {
    registrations = [];
    programmingModel;
    registerFunction(metadata, callback) {
        this.registrations.push({ metadata, callback });
        return { dispose: () => undefined };
    }
    setProgrammingModel(model) {
        this.programmingModel = model;
    }
    getProgrammingModel() {
        return this.programmingModel;
    }
    registerHook() {
        return { dispose: () => undefined };
    }
    log() {
        // Worker system logs go to the host; there is no host here.
    }
}
let installedCore;
function installFunctionsCore() {
    if (installedCore)
        return installedCore;
    const core = new FunctionsCore();
    const Module = (0,native_require/* nativeCreateRequire */.f)(import.meta.url)('node:module');
    const originalLoad = Module._load;
    Module._load = function load(request, ...rest) {
        if (request === '@azure/functions-core')
            return core;
        return originalLoad.call(this, request, ...rest);
    };
    installedCore = core;
    return core;
}
async function loadV4(dir, shown, dfDir, dfVersion) {
    const pkg = readPackageJson(dir);
    if (!pkg)
        throw new errors/* AppLoadError */._n(dir, `${shown}/package.json is missing or not valid JSON; a v4 function app names its entry files in package.json "main".`);
    if (!pkg.main) {
        throw new errors/* AppLoadError */._n(dir, `${shown}/package.json has no "main". A Node programming model v4 app names its entry file or glob there, e.g. "main": "dist/src/functions/*.js".`);
    }
    const { files } = await (0,paths/* expandPaths */.pR)([pkg.main], dir, '.js');
    const entryFiles = files.filter((f) => /\.(c|m)?js$/.test(f));
    if (entryFiles.length === 0) {
        throw new errors/* AppLoadError */._n(dir, `${shown}/package.json "main" is "${pkg.main}", which matches no JavaScript file. If the app is TypeScript, build it first (npm run build).`);
    }
    let azureFunctionsVersion;
    try {
        const path = (0,native_require/* nativeCreateRequire */.f)((0,external_node_path_.join)(dfDir, 'package.json')).resolve('@azure/functions/package.json');
        azureFunctionsVersion = JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8')).version;
    }
    catch {
        // durable-functions 3.x depends on @azure/functions; a broken install shows up when importing.
    }
    const core = installFunctionsCore();
    for (const file of entryFiles) {
        try {
            await import(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)(file).href);
        }
        catch (error) {
            throw new errors/* AppLoadError */._n(dir, `importing ${(0,paths/* displayPath */.Gt)(file)} failed: ${(0,errors/* errorMessage */.gJ)(error)}`, error instanceof Error ? error.stack : undefined);
        }
    }
    keepUserStacks(dfDir);
    const byName = new Map();
    const functions = [];
    for (const registration of core.registrations) {
        const [triggerName, triggerType] = triggerOf(registration.metadata.bindings) ?? ['context', 'unknown'];
        byName.set(registration.metadata.name.toLowerCase(), { ...registration, triggerName });
        functions.push({ name: registration.metadata.name, kind: kindOf(triggerType), trigger: triggerType });
    }
    const model = core.programmingModel;
    const info = {
        dir,
        ...staleSources(dir),
        model: 'v4',
        durableFunctionsVersion: dfVersion,
        ...(azureFunctionsVersion ? { azureFunctionsVersion } : {}),
        entryFiles,
        functions,
    };
    let invocations = 0;
    /** A registered function's invocation as the Node worker sets it up, its trigger given as JSON text. */
    const invocationOf = async (name, triggerText) => {
        const registration = byName.get(name.toLowerCase());
        if (!registration)
            throw new Error(`no function named ${name}`);
        if (!model)
            throw new errors/* AppLoadError */._n(dir, `${shown}: @azure/functions never set its programming model; is the app's @azure/functions older than 4.0?`);
        const invocation = model.getInvocationModel(coreContext(registration, String(++invocations), triggerText));
        return { registration, invocation, ...(await invocation.getArguments()) };
    };
    return {
        info,
        durableFunctionsDir: dfDir,
        find: finder(functions),
        bareHandler(name) {
            const registration = byName.get(name.toLowerCase());
            if (!registration || !model)
                return undefined;
            return async (payload) => {
                const ctx = model.getInvocationModel(coreContext(registration, String(++invocations), '{}'));
                const { context } = await ctx.getArguments();
                return registration.callback(payload, context);
            };
        },
        async invokeOrchestrator(name, payload) {
            const text = typeof payload === 'string' ? payload : 'null';
            const { registration, invocation, context, inputs } = await invocationOf(name, text);
            // The trigger is the only input; an already parsed payload takes the place of parsing it.
            if (typeof payload !== 'string')
                inputs[0] = payload;
            let result;
            try {
                result = await invocation.invokeFunction(context, inputs, registration.callback);
            }
            catch (error) {
                return threwOutcome(error);
            }
            await invocation.getResponse(context, result);
            return { kind: 'state', state: result };
        },
        async invokeFunction(name, trigger) {
            const { registration, invocation, context, inputs } = await invocationOf(name, 'null');
            inputs[0] = trigger;
            try {
                return (0,app_outcome/* returnedOutcome */.a)(await invocation.invokeFunction(context, inputs, registration.callback));
            }
            catch (error) {
                return (0,app_outcome/* threwOutcomeOf */.O)(error);
            }
        },
    };
}
/**
 * durable-functions 3.x throws an OrchestrationFailureError that carries only the message of the
 * user's error. Keep the user's own stack on it, so reports can point at the line that threw.
 */
function keepUserStacks(dfDir) {
    try {
        const module = (0,native_require/* nativeCreateRequire */.f)((0,external_node_path_.join)(dfDir, 'package.json'))((0,external_node_path_.join)(dfDir, 'lib', 'src', 'orchestrations', 'TaskOrchestrationExecutor.js'));
        const proto = module.TaskOrchestrationExecutor?.prototype;
        if (!proto || proto[USER_STACK])
            return;
        const execute = proto.execute;
        proto.execute = async function (...args) {
            try {
                return await execute.apply(this, args);
            }
            catch (error) {
                const stack = this.exception instanceof Error ? this.exception.stack : undefined;
                if (error instanceof Error && stack)
                    Object.defineProperty(error, USER_STACK, { value: stack });
                // The action objects themselves (the error's JSON copy loses their identity).
                if (error instanceof Error && Array.isArray(this.actions))
                    Object.defineProperty(error, USER_ACTIONS, { value: this.actions });
                throw error;
            }
        };
        proto[USER_STACK] = true;
    }
    catch {
        // Another layout of the SDK: reports then carry the message without the stack.
    }
}
const USER_STACK = Symbol.for('durable-gate.user-stack');
const USER_ACTIONS = Symbol.for('durable-gate.user-actions');
function coreContext(registration, invocationId, payloadText) {
    const { triggerName } = registration;
    return {
        invocationId,
        request: {
            invocationId,
            functionId: registration.metadata.name,
            inputData: [{ name: triggerName, data: { json: payloadText } }],
            triggerMetadata: {},
        },
        metadata: registration.metadata,
        state: undefined,
        log: () => undefined,
    };
}
function threwOutcome(error) {
    const raw = error instanceof Error ? error.message : String(error);
    const at = raw.indexOf(OUT_OF_PROC_LABEL);
    let state;
    let message = raw;
    if (at >= 0) {
        message = raw.slice(0, at);
        try {
            state = JSON.parse(raw.slice(at + OUT_OF_PROC_LABEL.length));
            if (typeof state.error === 'string')
                message = state.error;
            const actions = error[USER_ACTIONS];
            if (Array.isArray(actions) && (state.schemaVersion ?? 0) >= 1)
                state = { ...state, actions: [actions] };
        }
        catch {
            state = undefined;
        }
    }
    const userStack = error instanceof Error ? error[USER_STACK] : undefined;
    const stack = typeof userStack === 'string' ? userStack : error instanceof Error && typeof error.stack === 'string' && at < 0 ? error.stack : undefined;
    return { kind: 'threw', message, ...(stack ? { stack } : {}), ...(state ? { state } : {}) };
}
async function loadFunctionJson(dir, shown, dfDir, dfVersion) {
    const functions = [];
    const orchestrators = new Map();
    /** Activities and entities, imported when first invoked (the replay never needs them). */
    const others = new Map();
    const entryFiles = [];
    const folders = (0,external_node_fs_.readdirSync)(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, e.name, 'function.json')));
    if (folders.length === 0) {
        throw new errors/* AppLoadError */._n(dir, `${shown} uses durable-functions ${dfVersion} (function.json model) but no folder of it holds a function.json. The app folder (--app in the CLI, app in the Action and the library) is the function app's root folder.`);
    }
    for (const folder of folders) {
        const jsonPath = (0,external_node_path_.join)(dir, folder.name, 'function.json');
        let spec;
        try {
            spec = JSON.parse((0,external_node_fs_.readFileSync)(jsonPath, 'utf8'));
        }
        catch (error) {
            throw new errors/* AppLoadError */._n(dir, `${(0,paths/* displayPath */.Gt)(jsonPath)} is not valid JSON: ${(0,errors/* errorMessage */.gJ)(error)}`);
        }
        if (spec.disabled === true)
            continue;
        const [triggerName, triggerType] = triggerOf(Object.fromEntries((spec.bindings ?? []).map((b, i) => [b.name ?? `binding${i}`, b]))) ?? [
            'context',
            'unknown',
        ];
        const kind = kindOf(triggerType);
        functions.push({ name: folder.name, kind, trigger: triggerType });
        const script = (0,external_node_path_.join)(dir, folder.name, spec.scriptFile ?? 'index.js');
        if (kind !== 'orchestration') {
            others.set(folder.name.toLowerCase(), { triggerName, script, ...(spec.entryPoint ? { entryPoint: spec.entryPoint } : {}) });
            continue;
        }
        entryFiles.push(script);
        const exported = await importScript(dir, script, spec.entryPoint);
        if (typeof exported !== 'function') {
            throw new errors/* AppLoadError */._n(dir, `${(0,paths/* displayPath */.Gt)(script)} does not export a function; an orchestrator's script exports df.orchestrator(function* (context) { ... }).`);
        }
        orchestrators.set(folder.name.toLowerCase(), { triggerName, handler: exported });
    }
    let invocations = 0;
    const invoke = (name, payload) => {
        const orchestrator = orchestrators.get(name.toLowerCase());
        if (!orchestrator)
            throw new Error(`no orchestrator named ${name}`);
        return callScript(name, orchestrator.triggerName, orchestrator.handler, payload, false);
    };
    /**
     * A function.json function called as the Node worker calls it: (context, trigger value). It
     * answers through context.done, or (activities and entities, `byPromise`) by what its promise
     * resolves to; an orchestrator's promise settles before its context.done and says nothing.
     */
    const callScript = (name, triggerName, handler, payload, byPromise) => new Promise((resolvePromise, reject) => {
        const log = Object.assign(() => undefined, { error: () => undefined, warn: () => undefined, info: () => undefined, verbose: () => undefined });
        const invocationId = String(++invocations);
        const context = {
            invocationId,
            executionContext: { invocationId, functionName: name, functionDirectory: (0,external_node_path_.join)(dir, name) },
            bindings: { [triggerName]: payload },
            bindingData: {},
            log,
            df: undefined,
            done: (error, result) => resolvePromise({ error, result }),
        };
        try {
            const returned = handler(context, payload);
            if (returned && typeof returned.then === 'function')
                returned.then((result) => (byPromise ? resolvePromise({ error: undefined, result }) : undefined), reject);
            else if (byPromise && returned !== undefined)
                resolvePromise({ error: undefined, result: returned });
        }
        catch (error) {
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the user's own thrown value goes on as it is (it may not be an Error)
            reject(error);
        }
    });
    return {
        info: { dir, model: 'function.json', durableFunctionsVersion: dfVersion, entryFiles, functions, ...staleSources(dir) },
        durableFunctionsDir: dfDir,
        find: finder(functions),
        bareHandler: (name) => (orchestrators.has(name.toLowerCase()) ? (payload) => invoke(name, payload) : undefined),
        async invokeOrchestrator(name, payload) {
            let outcome;
            try {
                outcome = await invoke(name, typeof payload === 'string' ? JSON.parse(payload) : payload);
            }
            catch (error) {
                return threwOutcome(error);
            }
            if (outcome.error)
                return threwOutcome(outcome.error);
            return { kind: 'state', state: outcome.result };
        },
        async invokeFunction(name, trigger) {
            const spec = others.get(name.toLowerCase());
            if (!spec)
                throw new Error(`no activity or entity named ${name}`);
            try {
                const handler = await importScript(dir, spec.script, spec.entryPoint);
                if (typeof handler !== 'function')
                    throw new Error(`${(0,paths/* displayPath */.Gt)(spec.script)} does not export a function`);
                const outcome = await callScript(name, spec.triggerName, handler, trigger, true);
                if (outcome.error)
                    return (0,app_outcome/* threwOutcomeOf */.O)(outcome.error);
                return (0,app_outcome/* returnedOutcome */.a)(outcome.result);
            }
            catch (error) {
                return (0,app_outcome/* threwOutcomeOf */.O)(error);
            }
        },
    };
}
/** A function.json function's export: its entryPoint, else the module's default export or the module itself. */
async function importScript(dir, script, entryPoint) {
    try {
        const module = (await import(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)(script).href));
        return entryPoint ? (module[entryPoint] ?? module.default?.[entryPoint]) : (module.default ?? module);
    }
    catch (error) {
        throw new errors/* AppLoadError */._n(dir, `importing ${(0,paths/* displayPath */.Gt)(script)} failed: ${(0,errors/* errorMessage */.gJ)(error)}`, error instanceof Error ? error.stack : undefined);
    }
}

// EXTERNAL MODULE: ./harness/replay/perturb.ts
var perturb = __nccwpck_require__(6653);
;// CONCATENATED MODULE: ./harness/app/worker.ts
/**
 * The replay worker: one child process per loaded app. It imports the user's code with Node's own
 * module loader (so it also works under jest, whose loader would intercept imports), keeps what
 * the user's modules print away from the caller's stdout, and can be killed if user code hangs or
 * exhausts its heap, without harm to the caller.
 */







/** The environment variable that makes a process a replay worker, holding its WorkerInit as JSON. */
const WORKER_ENV = 'DURABLE_GATE_REPLAY_WORKER';
/**
 * Histories finished, as a 32-bit count at the start of a small file the host made, read by the
 * host's hang watchdog when it looks. The count lives in memory shared with the watcher thread
 * (see watchCaller), which copies it to the file every few milliseconds: the replay pays an
 * atomic add per history, not a system call, and the thread runs on while user code hangs the
 * main thread, so the file is exact by the time a hang is noticed. Each answer carries the count
 * as well: the host's starting point for the next request.
 */
const progress = new Int32Array(new SharedArrayBuffer(4));
function countFinished() {
    Atomics.add(progress, 0, 1);
}
async function loadItem(item) {
    if ('file' in item) {
        const text = (0,load/* readHistoryTextSync */.Rn)(item.file);
        return text === undefined ? (0,load/* readHistoryFile */.tG)(item.file) : (0,load/* parseHistoryText */.H4)(text, item.file);
    }
    return 'text' in item ? (0,load/* parseHistoryText */.H4)(item.text, item.source) : (0,load/* parseHistory */.i6)(item.value, item.source);
}
function errorResult(source, error) {
    const eventIndex = error instanceof errors/* HistoryError */.tx ? error.eventIndex : undefined;
    return {
        source,
        instanceId: '',
        orchestrator: '',
        verdict: 'error',
        error: {
            message: error instanceof errors/* HistoryError */.tx ? error.detail : `internal error while replaying: ${(0,errors/* errorMessage */.gJ)(error)}`,
            ...(eventIndex === undefined ? {} : { eventIndex }),
        },
    };
}
async function replayItems(app, items, options) {
    const results = [];
    for (const item of items) {
        results.push(await replayItem(app, item, options));
        countFinished();
    }
    return results;
}
async function replayItem(app, item, options) {
    const source = 'file' in item ? item.file : item.source;
    let history;
    try {
        history = await loadItem(item);
    }
    catch (error) {
        return errorResult(source, error);
    }
    try {
        return await (0,engine/* replayLoadedHistory */.Xn)(app, history, options);
    }
    catch (error) {
        return { ...errorResult(source, error), instanceId: history.instanceId, orchestrator: history.orchestrator };
    }
}
function send(message) {
    process.send(message);
}
const WATCHER = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const bytes = Buffer.alloc(4);
let written = 0;
setInterval(() => {
  const now = Atomics.load(workerData.progress, 0);
  if (now === written) return;
  bytes.writeInt32LE(now, 0);
  writeSync(workerData.progressFile, bytes, 0, 4, 0);
  written = now;
}, 10);
setInterval(() => { if (process.ppid !== workerData.parent) process.kill(process.pid, 'SIGKILL'); }, 500);
`;
/**
 * A thread that never runs user code: it copies the progress count to its file (see
 * countFinished), and watches the caller, which may end without a word (SIGKILL) while this
 * process is stuck in user code that never yields: it then ends the process, so no replay outlives
 * its caller.
 */
function watchCaller(progressFile) {
    const watcher = new external_node_worker_threads_namespaceObject.Worker(WATCHER, { eval: true, workerData: { parent: process.ppid, progress, progressFile }, stdout: false, stderr: false });
    watcher.unref();
    // The caller closed the channel (it ended, or closed the app): nothing more will be asked.
    process.once('disconnect', () => process.exit(0));
}
async function runWorker(init) {
    const progressFile = (0,external_node_fs_.openSync)(init.progressFile, 'r+');
    watchCaller(progressFile);
    // A history that ends the process (process.exit, an uncaught error) ends it before the thread's
    // next copy: the count is written here on the way out, so the host names the right history.
    process.on('exit', () => {
        const bytes = Buffer.alloc(4);
        bytes.writeInt32LE(Atomics.load(progress, 0), 0);
        (0,external_node_fs_.writeSync)(progressFile, bytes, 0, 4, 0);
    });
    let app;
    if (init.perturb)
        (0,perturb/* installSourcesForGood */.qc)();
    try {
        app = await loadAppInThisThread(init.appDir);
    }
    catch (error) {
        send({
            type: 'load-error',
            message: (0,errors/* errorMessage */.gJ)(error),
            ...(error instanceof errors/* AppLoadError */._n && error.userStack ? { userStack: error.userStack } : {}),
        });
        return;
    }
    process.on('message', (message) => {
        const reply = async () => {
            if (message.type === 'call') {
                try {
                    const { call } = message;
                    const outcome = call.kind === 'orchestrator' ? await app.invokeOrchestrator(call.name, call.payload) : await app.invokeFunction(call.name, call.trigger);
                    countFinished();
                    return { type: 'called', id: message.id, outcome, finished: Atomics.load(progress, 0) };
                }
                catch (error) {
                    return { type: 'crash', id: message.id, message: (0,errors/* errorMessage */.gJ)(error) };
                }
            }
            try {
                const results = await replayItems(app, message.items, message.options);
                return { type: 'results', id: message.id, results, finished: Atomics.load(progress, 0) };
            }
            catch (error) {
                return { type: 'crash', id: message.id, message: (0,errors/* errorMessage */.gJ)(error) };
            }
        };
        void reply().then(send);
    });
    send({ type: 'ready', info: app.info });
}
let replayWorker = false;
/** True in a process started as a replay worker: the bundles' entry points then run no command. */
function isReplayWorker() {
    return replayWorker;
}
const init = process.env[WORKER_ENV];
if (init !== undefined && typeof process.send === 'function') {
    // Not passed on to what the user's code may start.
    delete process.env[WORKER_ENV];
    replayWorker = true;
    void runWorker(JSON.parse(init));
}


/***/ }),

/***/ 4117:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ durationMs)
/* harmony export */ });
/** Durations as durable-gate takes them, in options and in the testing library: '250ms', '90s', '30m', '2h', '10d', '1h30m'. */
const UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Milliseconds, or undefined when `text` is not such a duration. */
function durationMs(text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return undefined;
    let total = 0;
    let rest = trimmed;
    const part = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)/;
    while (rest.length > 0) {
        const match = part.exec(rest);
        if (!match)
            return undefined;
        total += Number(match[1]) * UNITS[match[2]];
        rest = rest.slice(match[0].length);
    }
    return total;
}


/***/ }),

/***/ 9410:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B7: () => (/* binding */ DurableGateError),
/* harmony export */   _n: () => (/* binding */ AppLoadError),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   fi: () => (/* binding */ brandedError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   tx: () => (/* binding */ HistoryError)
/* harmony export */ });
/* unused harmony exports IncompatibleCodeError, NondeterminismError, ReplayFailure */
const BRAND = Symbol.for('durable-gate.error');
function branded(name, base) {
    Object.defineProperty(base, Symbol.hasInstance, {
        value(instance) {
            // A subclass declared elsewhere without a brand of its own inherits this check: it gets the
            // ordinary prototype test, not its base's brand (else every DurableGateError would match it).
            if (this !== base)
                return Function.prototype[Symbol.hasInstance].call(this, instance);
            if (typeof instance !== 'object' || instance === null)
                return false;
            const brands = instance[BRAND];
            return Array.isArray(brands) && brands.includes(name);
        },
    });
    Object.defineProperty(base.prototype, 'name', { value: name, writable: true, configurable: true });
    return base;
}
function brand(error, name) {
    const holder = error;
    const existing = holder[BRAND] ?? [];
    Object.defineProperty(error, BRAND, { value: [...existing, name], enumerable: false, configurable: true });
}
/**
 * An error class whose `instanceof` works across copies of the library: instances carry `name` as
 * a brand (beside the brands of the classes it extends), and the class checks the brand. Every
 * error class of durable-gate, here and in src/, is declared with it:
 *
 *   export const ArmError = brandedError('ArmError', class extends DurableGateError { ... });
 *   export type ArmError = InstanceType<typeof ArmError>;
 */
function brandedError(name, declared) {
    const Base = declared;
    const cls = class extends Base {
        constructor(...args) {
            super(...args);
            brand(this, name);
            // A class field `name` of the declared class would shadow the prototype's: the brand's name wins.
            Object.defineProperty(this, 'name', { value: name, writable: true, configurable: true, enumerable: false });
        }
    };
    Object.defineProperty(cls, 'name', { value: name });
    return branded(name, cls);
}
/** Base of every error durable-gate throws on purpose. */
const DurableGateError = branded('DurableGateError', class DurableGateError extends Error {
    constructor(message, options) {
        super(message, options);
        brand(this, 'DurableGateError');
    }
});
/** The code is incompatible with a history: the base of the two verdicts that break an instance. */
const IncompatibleCodeError = branded('IncompatibleCodeError', class IncompatibleCodeError extends DurableGateError {
    result;
    constructor(message, result) {
        super(message);
        brand(this, 'IncompatibleCodeError');
        this.result = result;
    }
});
/** The runtime would fail this instance with NonDeterministicOrchestrationException. */
const NondeterminismError = branded('NondeterminismError', class NondeterminismError extends IncompatibleCodeError {
    constructor(message, result) {
        super(message, result);
        brand(this, 'NondeterminismError');
    }
});
/** The new code would fail this instance another way (throws, or a function it needs is gone). */
const ReplayFailure = branded('ReplayFailure', class ReplayFailure extends IncompatibleCodeError {
    constructor(message, result) {
        super(message, result);
        brand(this, 'ReplayFailure');
    }
});
/** A history that cannot be checked: unreadable, of an unknown form, or inconsistent. */
const HistoryError = branded('HistoryError', class HistoryError extends DurableGateError {
    source;
    eventIndex;
    /** The problem without the file name in front. */
    detail;
    constructor(source, detail, eventIndex) {
        super(`${source}${eventIndex === undefined ? '' : ` (event ${eventIndex})`}: ${detail}`);
        brand(this, 'HistoryError');
        this.source = source;
        this.eventIndex = eventIndex;
        this.detail = eventIndex === undefined ? detail : `event ${eventIndex}: ${detail}`;
    }
});
/** The function app could not be loaded. `userStack` holds the user's own stack when their code threw. */
const AppLoadError = branded('AppLoadError', class AppLoadError extends DurableGateError {
    appDir;
    userStack;
    constructor(appDir, message, userStack) {
        super(message);
        brand(this, 'AppLoadError');
        this.appDir = appDir;
        this.userStack = userStack;
    }
});
/** Bad options or arguments. */
const UsageError = branded('UsageError', class UsageError extends DurableGateError {
    constructor(message) {
        super(message);
        brand(this, 'UsageError');
    }
});
function errorMessage(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 961:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bx: () => (/* binding */ EventType),
/* harmony export */   EX: () => (/* binding */ OrchestrationStatus),
/* harmony export */   Fb: () => (/* binding */ orchestrationStatusName),
/* harmony export */   G2: () => (/* binding */ isKnownEventType),
/* harmony export */   NF: () => (/* binding */ HISTORY_SCHEMA),
/* harmony export */   QP: () => (/* binding */ eventTypeFromName),
/* harmony export */   qc: () => (/* binding */ eventTypeName)
/* harmony export */ });
/**
 * DurableTask.Core history events as the runtime serializes them (Newtonsoft, PascalCase,
 * numeric EventType; the numbers are listed with their source in docs/runtime-rules.md §8).
 */
var EventType;
(function (EventType) {
    EventType[EventType["ExecutionStarted"] = 0] = "ExecutionStarted";
    EventType[EventType["ExecutionCompleted"] = 1] = "ExecutionCompleted";
    EventType[EventType["ExecutionFailed"] = 2] = "ExecutionFailed";
    EventType[EventType["ExecutionTerminated"] = 3] = "ExecutionTerminated";
    EventType[EventType["TaskScheduled"] = 4] = "TaskScheduled";
    EventType[EventType["TaskCompleted"] = 5] = "TaskCompleted";
    EventType[EventType["TaskFailed"] = 6] = "TaskFailed";
    EventType[EventType["SubOrchestrationInstanceCreated"] = 7] = "SubOrchestrationInstanceCreated";
    EventType[EventType["SubOrchestrationInstanceCompleted"] = 8] = "SubOrchestrationInstanceCompleted";
    EventType[EventType["SubOrchestrationInstanceFailed"] = 9] = "SubOrchestrationInstanceFailed";
    EventType[EventType["TimerCreated"] = 10] = "TimerCreated";
    EventType[EventType["TimerFired"] = 11] = "TimerFired";
    EventType[EventType["OrchestratorStarted"] = 12] = "OrchestratorStarted";
    EventType[EventType["OrchestratorCompleted"] = 13] = "OrchestratorCompleted";
    EventType[EventType["EventSent"] = 14] = "EventSent";
    EventType[EventType["EventRaised"] = 15] = "EventRaised";
    EventType[EventType["ContinueAsNew"] = 16] = "ContinueAsNew";
    EventType[EventType["GenericEvent"] = 17] = "GenericEvent";
    EventType[EventType["HistoryState"] = 18] = "HistoryState";
    EventType[EventType["ExecutionSuspended"] = 19] = "ExecutionSuspended";
    EventType[EventType["ExecutionResumed"] = 20] = "ExecutionResumed";
    EventType[EventType["ExecutionRewound"] = 21] = "ExecutionRewound";
})(EventType || (EventType = {}));
const NAMES = new Map(Object.entries(EventType)
    .filter((entry) => typeof entry[1] === 'number')
    .map(([name, value]) => [name.toLowerCase(), value]));
/** The event type for a name as the History table stores it ("TaskScheduled"), any letter case. */
function eventTypeFromName(name) {
    return NAMES.get(name.toLowerCase());
}
function eventTypeName(type) {
    return EventType[type] ?? `EventType ${type}`;
}
function isKnownEventType(type) {
    return typeof type === 'number' && Number.isInteger(type) && EventType[type] !== undefined;
}
/**
 * DurableTask.Core's OrchestrationStatus (docs/runtime-rules.md §9): ExecutionCompleted carries it,
 * as its number in serialized events and as its name in History table rows.
 */
var OrchestrationStatus;
(function (OrchestrationStatus) {
    OrchestrationStatus[OrchestrationStatus["Running"] = 0] = "Running";
    OrchestrationStatus[OrchestrationStatus["Completed"] = 1] = "Completed";
    OrchestrationStatus[OrchestrationStatus["ContinuedAsNew"] = 2] = "ContinuedAsNew";
    OrchestrationStatus[OrchestrationStatus["Failed"] = 3] = "Failed";
    OrchestrationStatus[OrchestrationStatus["Canceled"] = 4] = "Canceled";
    OrchestrationStatus[OrchestrationStatus["Terminated"] = 5] = "Terminated";
    OrchestrationStatus[OrchestrationStatus["Pending"] = 6] = "Pending";
    OrchestrationStatus[OrchestrationStatus["Suspended"] = 7] = "Suspended";
})(OrchestrationStatus || (OrchestrationStatus = {}));
/** The status an ExecutionCompleted event carries, by name; undefined when it is not one. */
function orchestrationStatusName(value) {
    if (typeof value === 'number')
        return OrchestrationStatus[value];
    if (typeof value !== 'string')
        return undefined;
    const name = Object.keys(OrchestrationStatus).find((key) => key.toLowerCase() === value.toLowerCase() && Number.isNaN(Number(key)));
    return name;
}
/** What `record` writes and `replay` reads first (design.md, "History file"). */
const HISTORY_SCHEMA = 'durable-gate.history/v1';


/***/ }),

/***/ 8716:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H4: () => (/* binding */ parseHistoryText),
/* harmony export */   Rn: () => (/* binding */ readHistoryTextSync),
/* harmony export */   _x: () => (/* binding */ isPayloadReference),
/* harmony export */   i6: () => (/* binding */ parseHistory),
/* harmony export */   ky: () => (/* binding */ referenceAdvice),
/* harmony export */   tG: () => (/* binding */ readHistoryFile)
/* harmony export */ });
/* unused harmony exports MAX_HISTORY_BYTES, MAX_HISTORY_DEPTH */
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9410);
/* harmony import */ var _events_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(961);
/**
 * Reads a history in any of the accepted forms, detected from content, and normalises it to the
 * event list the runtime would hand the orchestrator:
 * - the canonical history file (design.md): `{ "schema": "durable-gate.history/v1", ... }`;
 * - a bare array of DurableTask.Core events (numeric EventType);
 * - History table rows as DurableTask.AzureStorage stores them (string EventType, hex RowKey,
 *   `_Timestamp`, complex fields as JSON strings, optional sentinel row);
 * - `{ "history": [...] }`.
 * The HTTP API's `showHistory` form is refused: it drops EventIds and folds events together.
 */





/**
 * The fields that carry payloads, by event type, and whether the SDK hands them to the code (the
 * orchestration input, results, failures, raised events: durable-functions parses them) or only
 * keeps them (scheduled inputs, messages sent, the recorded output). Entity messages are JSON in
 * Input: the operation's input and the response's result are members of it.
 */
const PAYLOAD_FIELDS = {
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.ExecutionStarted]: [{ field: 'Input', read: true }],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.ExecutionCompleted]: [{ field: 'Result', read: false }],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.ExecutionTerminated]: [{ field: 'Input', read: false }],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.TaskScheduled]: [{ field: 'Input', read: false }],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.TaskCompleted]: [{ field: 'Result', read: true }],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.TaskFailed]: [
        { field: 'Reason', read: true },
        { field: 'Details', read: true },
    ],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.SubOrchestrationInstanceCreated]: [{ field: 'Input', read: false }],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.SubOrchestrationInstanceCompleted]: [{ field: 'Result', read: true }],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.SubOrchestrationInstanceFailed]: [
        { field: 'Reason', read: true },
        { field: 'Details', read: true },
    ],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.EventSent]: [
        { field: 'Input', read: false },
        { field: 'Input', member: 'input', read: false },
    ],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.EventRaised]: [
        { field: 'Input', read: true },
        { field: 'Input', member: 'result', read: true },
    ],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.GenericEvent]: [{ field: 'Data', read: false }],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.ContinueAsNew]: [{ field: 'Result', read: false }],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.ExecutionSuspended]: [{ field: 'Reason', read: false }],
    [_events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.ExecutionResumed]: [{ field: 'Reason', read: false }],
};
/** A payload the SDK moved to Blob Storage: the field holds a reference, not the value (blob:v1:<container>:<name>, blob:v2:<url>). */
function isPayloadReference(value) {
    return typeof value === 'string' && value.startsWith('blob:v') && /^blob:v[12]:/.test(value);
}
/**
 * What makes a history with references checkable: the blob each names, its text in the field.
 * blob:v2 names the blob's URL; blob:v1 a container and a blob in the storage account the app's
 * payload store uses. The SDK compresses them with gzip when its compression is on.
 */
function referenceAdvice(reference, count = 1) {
    const where = reference.startsWith('blob:v1:')
        ? `the blob ${reference.slice('blob:v1:'.length).replace(':', '/')} in the storage account the app keeps its payloads in`
        : `the blob at ${reference.slice('blob:v2:'.length)}`;
    return (`To check it, download ${count > 1 ? `each of the ${count} referenced blobs (the first: ${where})` : where}, gunzip it if it is compressed, put its text in the field in place of the reference, and replay again. ` +
        'Until then the instance counts as not checked: a gate waits for it to finish.');
}
function externalPayloadsOf(events) {
    const found = [];
    for (let i = 0; i < events.length; i++) {
        const fields = PAYLOAD_FIELDS[events[i].EventType];
        if (!fields)
            continue;
        const event = events[i];
        for (const { field, member, read } of fields) {
            let value = event[field];
            if (member !== undefined) {
                // Only an entity message that mentions a reference is parsed.
                if (typeof value !== 'string' || !value.includes('"blob:v'))
                    continue;
                value = memberOf(value, member);
            }
            if (isPayloadReference(value))
                found.push({ eventIndex: i, field: member === undefined ? field : `${field}.${member}`, reference: value, read });
        }
    }
    return found;
}
function memberOf(json, member) {
    try {
        const value = JSON.parse(json);
        return value && typeof value === 'object' ? value[member] : undefined;
    }
    catch {
        return undefined;
    }
}
const SHOW_HISTORY_ADVICE = 'This looks like the HTTP management API\'s "showHistory" output. That form drops EventIds, ' +
    'TaskScheduledIds and OrchestratorStarted events and folds each TaskScheduled into its completion, ' +
    "so it cannot drive an exact replay. Export the instance's rows of the task hub's History table " +
    'as JSON instead, e.g. az storage entity query --table-name <TaskHub>History ' +
    '--filter "PartitionKey eq \'<instance id>\'" > <instance id>.json; durable-gate reads those rows as they are.';
/** Table and OData bookkeeping columns that are not event fields. */
const TABLE_COLUMNS = new Set(['PartitionKey', 'RowKey', 'Timestamp', 'ExecutionId', 'etag', 'odata.etag', '_Timestamp']);
/** Event fields the runtime stores as plain strings even when they hold JSON text. */
const STRING_FIELDS = new Set(['Input', 'Result', 'Reason', 'Details', 'Name', 'Version', 'InstanceId', 'Data', 'State', 'Output']);
const INTEGER_FIELDS = ['EventId', 'TaskScheduledId', 'TimerId', 'Generation'];
/**
 * The largest history file read: 256 MB. One instance's history is rarely more than a few MB
 * (large payloads go to blobs); a file this big is almost always a whole table export, and
 * reading it would take several times its size in memory (bytes, text, parsed events).
 */
const MAX_HISTORY_BYTES = 256 * 1024 * 1024;
/**
 * The deepest nesting of arrays and objects accepted. Events nest 3 or 4 levels and payloads a
 * few more; JSON.parse copes with any depth but JSON.stringify and structured clone (sending
 * the history to the SDK, to a worker) are recursive and overflow the stack at a few thousand.
 */
const MAX_HISTORY_DEPTH = 1000;
const EXPECTED = 'Expected a durable-gate history file, an array of history events or of History table rows, as UTF-8 JSON.';
/** Read one history file. Throws {@link HistoryError} naming the file (and event) when it cannot be used. */
async function readHistoryFile(path) {
    return parseHistoryText(decodeHistoryBytes(await readHistoryBytes(path), path), path);
}
/**
 * The text of a history file when it is a regular file of a sensible size in UTF-8, else
 * undefined: readHistoryFile then says what is wrong with it. For the replay worker, a process of
 * its own, where reading without leaving the thread costs a fraction of the four trips through
 * libuv's thread pool that an asynchronous read takes per file.
 */
function readHistoryTextSync(path) {
    let fd;
    try {
        // Checked on the open file: a second lookup of the path (statSync) costs more than the read.
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(path, 'r');
        const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd);
        if (!info.isFile() || info.size > MAX_HISTORY_BYTES)
            return undefined;
        const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(fd, 'utf8');
        // Bytes that are not UTF-8 decode to U+FFFD: the strict path names the encoding instead.
        if (text.includes('\uFFFD'))
            return undefined;
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    catch {
        return undefined;
    }
    finally {
        if (fd !== undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}
async function readHistoryBytes(path) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.open)(path, 'r');
        const info = await handle.stat();
        if (info.isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(path, 'is a folder, not a history file. Pass folders to --histories (or replayHistories), which read every *.json below them.');
        if (info.size > MAX_HISTORY_BYTES)
            throw tooBig(path, info.size);
        if (info.isFile())
            return await handle.readFile();
        // A pipe or device has no size: read it, but never more than the limit.
        const chunks = [];
        let total = 0;
        for (;;) {
            const { bytesRead, buffer } = await handle.read(Buffer.alloc(1 << 20), 0, 1 << 20, null);
            if (bytesRead === 0)
                return Buffer.concat(chunks, total);
            total += bytesRead;
            if (total > MAX_HISTORY_BYTES)
                throw tooBig(path, undefined);
            chunks.push(buffer.subarray(0, bytesRead));
        }
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(path, await describeReadError(path, error));
    }
    finally {
        await handle?.close();
    }
}
function tooBig(path, size) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(path, `${size === undefined ? 'holds more than' : `is ${megabytes(size)}, more than`} the ${megabytes(MAX_HISTORY_BYTES)} durable-gate reads from one history file. ` +
        "One instance's history is rarely more than a few MB: if this is an export of a whole History table, write one file per instance (the rows of one PartitionKey) and replay those.");
}
function megabytes(bytes) {
    const mb = bytes / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
async function describeReadError(path, error) {
    const link = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.lstat)(path).then((info) => info.isSymbolicLink(), () => false);
    if (link && (error.code === 'ENOENT' || error.code === 'ELOOP')) {
        const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readlink)(path).catch(() => '?');
        return error.code === 'ENOENT'
            ? `is a symbolic link to "${target}", which does not exist (a dangling link). Point the link at the history file, or remove it.`
            : `is a symbolic link to "${target}" that leads back to itself (a loop of links). Point the link at the history file, or remove it.`;
    }
    if (error.code === 'ENOENT')
        return 'no such file';
    if (error.code === 'EACCES' || error.code === 'EPERM')
        return 'cannot read it: permission denied (a history file, or a folder of them that cannot be listed). Give the user running durable-gate read access to it.';
    return `cannot read the file (${error.code ?? error.message})`;
}
/** UTF-8 with or without a byte order mark, validated: a file in another encoding is named, not misread. */
function decodeHistoryBytes(bytes, path) {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    if ((0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(start === 0 ? bytes : bytes.subarray(start)))
        return bytes.toString('utf8', start);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(path, `is UTF-16 text (byte order mark ${hex(bytes[0])} ${hex(bytes[1])}), as Windows PowerShell's ">" writes it. Save it as UTF-8 (e.g. pipe to Out-File -Encoding utf8). ${EXPECTED}`);
    }
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(path, `is gzip-compressed, not JSON text (large-message blobs are stored gzipped). Decompress it first (gunzip). ${EXPECTED}`);
    }
    const offset = firstInvalidUtf8(bytes, start);
    let line = 1;
    for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1))
        line++;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(path, `is not UTF-8 text: the byte at offset ${offset} (line ${line}), ${hex(bytes[offset] ?? 0)}, does not begin a valid UTF-8 sequence. ` +
        `The file is in another encoding (such as Latin-1 or Windows-1252) or is not text. Convert it to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8). ${EXPECTED}`);
}
function hex(byte) {
    return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}
/** The offset where the first ill-formed UTF-8 sequence starts (Unicode 15 table 3-7), or the length. */
function firstInvalidUtf8(bytes, from = 0) {
    let i = from;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let need;
        let low = 0x80;
        let high = 0xbf;
        if (b >= 0xc2 && b <= 0xdf)
            need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            if (b === 0xe0)
                low = 0xa0;
            else if (b === 0xed)
                high = 0x9f;
        }
        else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            if (b === 0xf0)
                low = 0x90;
            else if (b === 0xf4)
                high = 0x8f;
        }
        else
            return i;
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf))
                return i;
        }
        i += need + 1;
    }
    return bytes.length;
}
function parseHistoryText(text, source) {
    if (text.charCodeAt(0) === 0xfeff)
        text = text.slice(1);
    if (text.trim() === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `the file is empty. ${EXPECTED}`);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const message = error.message;
        if (error instanceof RangeError) {
            // Not seen with V8's iterative parser, but a stack or memory limit must name the file, not crash the batch.
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `could not be parsed (${message}): it is too large or too deeply nested. ${EXPECTED}`);
        }
        const reason = message.replace(/\s+/g, ' ').replace(/"(.{40}).*?" is not valid JSON/, '"$1..." is not valid JSON');
        const position = /at position (\d+)/.exec(message)?.[1];
        if (/Unexpected end of JSON input|Unterminated string/.test(message) || (position !== undefined && Number(position) >= text.trimEnd().length)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `is truncated: the JSON stops in the middle of a value after ${text.length} characters (${reason}). The file was cut short while it was written or copied: record or copy it again. ${EXPECTED}`);
        }
        const line = position === undefined || /\(line \d+/.test(message) ? '' : `, line ${lineAt(text, Number(position))}`;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `not valid JSON (${reason}${line}). Expected a durable-gate history file, an array of history events or of History table rows.`);
    }
    return parseHistory(value, source);
}
function lineAt(text, position) {
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && i < position; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
/**
 * Where `value` nests deeper than `limit` (a path such as `history[3].Input.a`, cut after a few
 * steps), or undefined. Iterative: it must not overflow the stack on the input it guards against.
 * The walk keeps only depths; the path is found again for the rare value that is too deep.
 */
function tooDeep(value, limit) {
    const values = [value];
    const depths = [0];
    while (values.length > 0) {
        const item = values.pop();
        const depth = depths.pop();
        if (typeof item !== 'object' || item === null)
            continue;
        if (depth >= limit)
            return pathTo(value, item);
        if (Array.isArray(item)) {
            for (let i = 0; i < item.length; i++) {
                const child = item[i];
                if (typeof child !== 'object' || child === null)
                    continue;
                values.push(child);
                depths.push(depth + 1);
            }
        }
        else {
            for (const key in item) {
                const child = item[key];
                if (typeof child !== 'object' || child === null)
                    continue;
                values.push(child);
                depths.push(depth + 1);
            }
        }
    }
    return undefined;
}
/** The path from `root` to `target` (its first four steps), breadth first: `target` is one value tooDeep found. */
function pathTo(root, target) {
    const queue = [{ item: root, at: '', depth: 0 }];
    for (let head = 0; head < queue.length; head++) {
        const { item, at, depth } = queue[head];
        if (item === target)
            return at || 'the top';
        if (typeof item !== 'object' || item === null)
            continue;
        const named = depth < 4;
        for (const [key, child] of Object.entries(item)) {
            if (typeof child !== 'object' || child === null)
                continue;
            const step = Array.isArray(item) ? `[${key}]` : at ? `.${key}` : key;
            queue.push({ item: child, at: named ? `${at}${step}` : at, depth: depth + 1 });
        }
    }
    return 'the top';
}
/** Detect the form of `value` and convert it. */
function parseHistory(value, source) {
    const deep = tooDeep(value, MAX_HISTORY_DEPTH);
    if (deep !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `arrays and objects are nested more than ${MAX_HISTORY_DEPTH} levels deep (under ${deep}); no history event nests that deep, and replaying it would overflow the stack. ${EXPECTED}`);
    }
    if (Array.isArray(value)) {
        return fromEventArray(value, source, undefined);
    }
    if (!isRecord(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `expected a JSON object or array, got ${describe(value)}.`);
    }
    if ('historyEvents' in value) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, SHOW_HISTORY_ADVICE);
    }
    if (typeof value.schema === 'string' && value.schema !== _events_js__WEBPACK_IMPORTED_MODULE_4__/* .HISTORY_SCHEMA */ .NF) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `schema "${value.schema}" is not supported; this version of durable-gate reads "${_events_js__WEBPACK_IMPORTED_MODULE_4__/* .HISTORY_SCHEMA */ .NF}".`);
    }
    // Table query results: `az storage entity query` gives { items: [...] }, the Table REST API { value: [...] }.
    for (const key of ['items', 'value']) {
        const rows = value[key];
        if (value.history === undefined && Array.isArray(rows) && rows.some((r) => isRecord(r) && typeof r.RowKey === 'string')) {
            return fromEventArray(rows, source, undefined);
        }
    }
    if (!Array.isArray(value.history)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, 'expected a "history" array (a durable-gate history file or { "history": [...] }), an array of history events, or an array of History table rows.');
    }
    const meta = {
        format: value.schema === _events_js__WEBPACK_IMPORTED_MODULE_4__/* .HISTORY_SCHEMA */ .NF ? 'history-file' : 'history-object',
        instanceId: stringOr(value.instanceId),
        executionId: stringOr(value.executionId),
        runtimeStatus: stringOr(value.runtimeStatus),
        taskHub: stringOr(value.taskHub),
    };
    return fromEventArray(value.history, source, meta);
}
function fromEventArray(items, source, meta) {
    const notes = [];
    if (items.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, 'the history is empty: it has no ExecutionStarted event.');
    const records = items.map((item, index) => {
        if (!isRecord(item))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `expected an event object, got ${describe(item)}.`, index);
        return item;
    });
    const stringTypes = records.some((r) => typeof r.EventType === 'string');
    let events;
    let executionId = meta?.executionId;
    let format = meta?.format ?? 'event-array';
    if (stringTypes) {
        const hasRowKeys = records.some((r) => typeof r.RowKey === 'string');
        const hasEventIds = records.some((r) => r.EventId !== undefined);
        if (!hasRowKeys && !hasEventIds) {
            // showHistory events: event type names, a FunctionName or Timestamp, no ids of any kind.
            const looksLikeShowHistory = records.every((r) => typeof r.EventType === 'string' && (0,_events_js__WEBPACK_IMPORTED_MODULE_4__/* .eventTypeFromName */ .QP)(r.EventType) !== undefined) &&
                records.some((r) => 'FunctionName' in r || 'Timestamp' in r);
            if (looksLikeShowHistory)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, SHOW_HISTORY_ADVICE);
            const unknown = records.findIndex((r) => typeof r.EventType !== 'string' || (0,_events_js__WEBPACK_IMPORTED_MODULE_4__/* .eventTypeFromName */ .QP)(r.EventType) === undefined);
            if (unknown >= 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `EventType ${JSON.stringify(records[unknown].EventType)} is not a DurableTask.Core event type; the runtime cannot load this history.`, unknown);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, 'events with EventType names but neither RowKey nor EventId: expected History table rows (with RowKey) or DurableTask.Core events (numeric EventType, EventId).');
        }
        const rows = fromTableRows(records, source, notes);
        events = rows.events;
        executionId = executionId ?? rows.executionId;
        if (!meta)
            format = 'table-rows';
    }
    else {
        events = records.map((record, index) => normaliseEvent(record, index, source, notes));
    }
    return finish(events, source, format, meta, executionId, notes);
}
/** History table rows: sentinel, RowKey order, one execution, `_Timestamp`, JSON-string columns. */
function fromTableRows(rows, source, notes) {
    const sentinel = rows.find((r) => r.RowKey === 'sentinel');
    const eventRows = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.RowKey !== 'sentinel');
    if (eventRows.some(({ row }) => typeof row.RowKey === 'string')) {
        for (const { row, index } of eventRows) {
            if (typeof row.RowKey !== 'string' || !/^[0-9A-Fa-f]+$/.test(row.RowKey)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `RowKey ${JSON.stringify(row.RowKey)} is not a sequence number in hex (History table rows have RowKeys like "000000000000000A").`, index);
            }
        }
        eventRows.sort((a, b) => parseInt(a.row.RowKey, 16) - parseInt(b.row.RowKey, 16));
    }
    const executionId = stringOr(sentinel?.ExecutionId) ?? stringOr(eventRows[0]?.row.ExecutionId);
    const events = [];
    let leftovers = 0;
    for (let i = 0; i < eventRows.length; i++) {
        const { row, index } = eventRows[i];
        const rowExecution = stringOr(row.ExecutionId);
        if (executionId !== undefined && rowExecution !== undefined && rowExecution !== executionId) {
            leftovers = eventRows.length - i;
            break;
        }
        const blobColumn = Object.keys(row).find((key) => key.endsWith('BlobName') && typeof row[key] === 'string' && row[key] !== '');
        if (blobColumn) {
            const prop = blobColumn.slice(0, -'BlobName'.length);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `column ${blobColumn} says the event's ${prop} was moved to the large-message blob "${String(row[blobColumn])}" (container <taskhub>-largemessages), which this file does not hold. Download that blob, gunzip it, put its text in the row's ${prop} column and remove ${blobColumn}.`, index);
        }
        const event = {};
        for (const [key, raw] of Object.entries(row)) {
            if (TABLE_COLUMNS.has(key) || key.includes('@odata'))
                continue;
            event[key] = STRING_FIELDS.has(key) ? raw : parseJsonColumn(raw);
        }
        const typeName = row.EventType;
        const type = typeof typeName === 'string' ? (0,_events_js__WEBPACK_IMPORTED_MODULE_4__/* .eventTypeFromName */ .QP)(typeName) : typeName;
        if (type === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `EventType "${String(typeName)}" is not a DurableTask.Core event type; the runtime cannot load this history.`, index);
        }
        event.EventType = type;
        if (row._Timestamp !== undefined)
            event.Timestamp = row._Timestamp;
        events.push(normaliseEvent(event, index, source, notes));
    }
    if (leftovers > 0) {
        notes.push(`ignored ${leftovers} row(s) of an earlier execution left behind by continue-as-new (the runtime ignores them too)`);
    }
    return { events, ...(executionId === undefined ? {} : { executionId }) };
}
function parseJsonColumn(raw) {
    if (typeof raw !== 'string')
        return raw;
    const first = raw.trimStart()[0];
    if (first !== '{' && first !== '[')
        return raw;
    try {
        return JSON.parse(raw);
    }
    catch {
        return raw;
    }
}
/** ISO 8601 in UTC, as the runtime writes it ("2026-11-02T08:00:00.1234567Z"): no conversion needed. */
function isUtcIso(value) {
    return (typeof value === 'string' && value.length >= 20 && value.charCodeAt(value.length - 1) === 90 && value.charCodeAt(10) === 84 && value.charCodeAt(4) === 45);
}
function normaliseEvent(event, index, source, notes) {
    const type = event.EventType;
    // Fast path: what the runtime and `record` write needs no conversion.
    if ((0,_events_js__WEBPACK_IMPORTED_MODULE_4__/* .isKnownEventType */ .G2)(type) &&
        typeof event.EventId === 'number' &&
        isUtcIso(event.Timestamp) &&
        (event.FireAt === undefined || isUtcIso(event.FireAt)) &&
        (event.TaskScheduledId === undefined || typeof event.TaskScheduledId === 'number') &&
        (event.TimerId === undefined || typeof event.TimerId === 'number') &&
        event.ScheduledStartTime == null) {
        return event;
    }
    event = { ...event };
    if (!(0,_events_js__WEBPACK_IMPORTED_MODULE_4__/* .isKnownEventType */ .G2)(type)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `EventType ${JSON.stringify(type)} is not a DurableTask.Core event type (0 to 21); the runtime cannot load this history.`, index);
    }
    for (const field of INTEGER_FIELDS) {
        const raw = event[field];
        if (typeof raw === 'string' && /^-?\d+$/.test(raw))
            event[field] = Number(raw);
        else if (raw !== undefined && raw !== null && !Number.isInteger(raw)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `${(0,_events_js__WEBPACK_IMPORTED_MODULE_4__/* .eventTypeName */ .qc)(type)}.${field} is ${JSON.stringify(raw)}; expected an integer.`, index);
        }
    }
    if (event.EventId === undefined || event.EventId === null)
        event.EventId = -1;
    if (event.IsPlayed === 'true' || event.IsPlayed === 'false')
        event.IsPlayed = event.IsPlayed === 'true';
    event.Timestamp = normaliseTime(event.Timestamp, 'Timestamp', index, source, notes);
    if (event.FireAt !== undefined)
        event.FireAt = normaliseTime(event.FireAt, 'FireAt', index, source, notes);
    if (event.ScheduledStartTime !== undefined && event.ScheduledStartTime !== null) {
        event.ScheduledStartTime = normaliseTime(event.ScheduledStartTime, 'ScheduledStartTime', index, source, notes);
    }
    return event;
}
const ZONE = /(Z|[+-]\d\d:?\d\d)$/i;
const zoneNoteText = 'timestamps without a time zone were read as UTC, as the runtime writes them';
function normaliseTime(raw, field, index, source, notes) {
    if (raw instanceof Date)
        return raw.toISOString();
    if (typeof raw !== 'string' || raw === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `${field} is ${raw === undefined ? 'missing' : JSON.stringify(raw)}; expected an ISO 8601 time such as 2024-05-01T10:00:00.000Z.`, index);
    }
    let text = raw.trim();
    if (/^\d{4}-\d\d-\d\dT[\d:.]+$/.test(text)) {
        text += 'Z';
        if (!notes.includes(zoneNoteText))
            notes.push(zoneNoteText);
    }
    if (!ZONE.test(text) || Number.isNaN(Date.parse(text))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, `${field} "${raw}" is not an ISO 8601 time; expected a time such as 2024-05-01T10:00:00.000Z.`, index);
    }
    return text;
}
function finish(events, source, format, meta, executionId, notes) {
    let startedIndex = -1;
    let second = -1;
    let orchestratorStarted = false;
    for (let i = 0; i < events.length; i++) {
        const type = events[i].EventType;
        if (type === _events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.ExecutionStarted) {
            if (startedIndex < 0)
                startedIndex = i;
            else if (second < 0)
                second = i;
        }
        else if (type === _events_js__WEBPACK_IMPORTED_MODULE_4__/* .EventType */ .Bx.OrchestratorStarted)
            orchestratorStarted = true;
    }
    if (startedIndex < 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, 'the history has no ExecutionStarted event, so the orchestrator and its input are unknown. A history cut at the front cannot be replayed: export the whole instance.');
    }
    if (second >= 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, "a second ExecutionStarted event: the history mixes two executions. Keep the events of one execution (History table rows of the sentinel's ExecutionId).", second);
    }
    if (!orchestratorStarted) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, 'the history has no OrchestratorStarted event; the runtime always writes one before ExecutionStarted, and the SDK cannot run without it.');
    }
    const started = events[startedIndex];
    if (typeof started.Name !== 'string' || started.Name === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, 'ExecutionStarted has no Name: the orchestrator is unknown.', startedIndex);
    }
    const instanceId = started.OrchestrationInstance?.InstanceId ?? meta?.instanceId;
    if (!instanceId) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .HistoryError */ .tx(source, 'ExecutionStarted has no OrchestrationInstance.InstanceId and the file names no instanceId.', startedIndex);
    }
    const execution = started.OrchestrationInstance?.ExecutionId ?? executionId;
    const externalPayloads = externalPayloadsOf(events);
    return {
        source,
        format,
        instanceId,
        ...(execution ? { executionId: execution } : {}),
        orchestrator: started.Name,
        version: typeof started.Version === 'string' ? started.Version : '',
        ...(meta?.runtimeStatus ? { runtimeStatus: meta.runtimeStatus } : {}),
        ...(meta?.taskHub ? { taskHub: meta.taskHub } : {}),
        events,
        notes,
        ...(externalPayloads.length > 0 ? { externalPayloads } : {}),
    };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringOr(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function describe(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}


/***/ }),

/***/ 1626:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   pR: () => (/* binding */ expandPaths),
/* harmony export */   xS: () => (/* binding */ expandHistoryPaths)
/* harmony export */ });
/* unused harmony exports globPattern, globMatcher */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch_posix_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8016);
/* harmony import */ var picomatch_posix_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(picomatch_posix_js__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Expands `--histories` arguments: files, folders (every *.json below them) and globs
 * (`*`, `?`, `**`, `[...]`, `{a,b}`; `\` escapes the next character but on Windows). Node 20 has no fs.glob,
 * so the walk is done here; whether a path matches is picomatch's to say (see globMatcher).
 *
 * Symbolic links are followed, to files and to folders: a history behind a link must be replayed,
 * not skipped (a skipped breaking history would let a deploy through). A folder reached twice
 * (two links to it, or a link back to a parent: a loop) is walked once. A link that leads nowhere
 * (dangling, or a loop of links) is kept as a file, so that reading it gives an `error` result
 * naming the link (see readHistoryFile) instead of a history silently missing.
 */



const GLOB_CHARS = /[*?[\]{}]/;
/** History arguments: folders give every *.json below them. */
function expandHistoryPaths(args, cwd = process.cwd()) {
    return expandPaths(args, cwd, '.json');
}
/** Files, folders (every file below ending in `folderSuffix`) and globs, each file once. */
async function expandPaths(args, cwd, folderSuffix) {
    const files = [];
    const unmatched = [];
    const seen = new Set();
    let matched = false;
    const add = ({ path, real }) => {
        matched = true;
        // A file named twice (a folder and a file in it, overlapping globs, two links to one file) is replayed once.
        const key = real ?? path;
        if (!seen.has(key)) {
            seen.add(key);
            files.push(path);
        }
    };
    for (const arg of args) {
        matched = false;
        if (GLOB_CHARS.test(arg)) {
            for (const found of await globFiles(arg, cwd))
                add(found);
        }
        else {
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, arg);
            const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => undefined);
            if (info?.isDirectory()) {
                for (const found of await walkFrom(path)) {
                    if (found.unlisted || found.path.toLowerCase().endsWith(folderSuffix) || (found.real === undefined && mayBeFolder(found.path)))
                        add(found);
                }
            }
            else if (info?.isFile()) {
                add({ path, real: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(path).catch(() => path) });
            }
            else if (!info && (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(path).catch(() => undefined))?.isSymbolicLink()) {
                add({ path, real: undefined }); // a link that leads nowhere: the reader names it
            }
        }
        if (!matched)
            unmatched.push(arg);
    }
    return { files, unmatched };
}
/** A dangling link without an extension may have pointed to a folder of histories: report it too. */
function mayBeFolder(path) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.extname)(path) === '';
}
async function walkFrom(dir) {
    const real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(dir).catch(() => undefined);
    return real === undefined ? [] : walk(dir, real, new Set([real]));
}
/**
 * Every file below `dir`, sorted, links followed. `realDir` is `dir` with links resolved: a plain
 * entry's real path is `realDir/name`, so only links cost a realpath call (walks of 100,000 files).
 */
async function walk(dir, realDir, walked) {
    const out = [];
    let entries;
    try {
        entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir, { withFileTypes: true });
    }
    catch {
        // Histories in a folder that cannot be listed would be missed without a word.
        return [{ path: dir, real: undefined, unlisted: true }];
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.'))
            continue;
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name);
        let real = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(realDir, entry.name);
        let isDirectory = entry.isDirectory();
        if (entry.isSymbolicLink()) {
            const target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path).catch(() => undefined);
            if (!target) {
                out.push({ path, real: undefined });
                continue;
            }
            real = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(path).catch(() => path);
            isDirectory = target.isDirectory();
            if (!isDirectory && !target.isFile())
                continue;
            if (!isDirectory) {
                out.push({ path, real });
                continue;
            }
        }
        if (isDirectory) {
            // Never loops: a folder already walked (reached through another link, or a parent) is skipped.
            if (walked.has(real))
                continue;
            walked.add(real);
            out.push(...(await walk(path, real, walked)));
        }
        else if (entry.isFile())
            out.push({ path, real });
    }
    return out;
}
async function globFiles(pattern, cwd) {
    const segments = globPattern(pattern).split('/');
    const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
    const baseSegments = segments.slice(0, firstGlob);
    const base = baseSegments.length === 0 ? cwd : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, baseSegments.join('/') || '/');
    const rest = segments.slice(firstGlob).join('/');
    const matches = globMatcher(rest);
    const restSegments = picomatch_posix_js__WEBPACK_IMPORTED_MODULE_2___default().scan(rest, { parts: true }).parts ?? [rest];
    const all = await walkFrom(base);
    return all.filter((found) => {
        const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(base, found.path).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
        return matches(rel) || (found.real === undefined && (found.unlisted || mayBeFolder(found.path)) && mayHoldMatches(restSegments, rel.split('/')));
    });
}
/**
 * A glob as given, with '/' between folders: on Windows `\` separates folders there (so it
 * escapes nothing); elsewhere it escapes the next character.
 */
function globPattern(pattern, separator = node_path__WEBPACK_IMPORTED_MODULE_1__.sep) {
    return separator === '/' ? pattern : pattern.split(separator).join('/');
}
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
function globMatcher(glob) {
    const plain = glob.replace(/\\.|[()"]/g, (m) => (m.length === 2 ? m : `\\${m}`));
    return picomatch_posix_js__WEBPACK_IMPORTED_MODULE_2___default()(plain, { dot: true, nonegate: true, noextglob: true, posix: true });
}
/** Could files below the folder `path` (segments) match the glob `pattern` (segments)? */
function mayHoldMatches(pattern, path) {
    if (path.length === 0)
        return pattern.length > 0;
    const [head, ...tail] = pattern;
    if (head === undefined)
        return false;
    if (head === '**')
        return mayHoldMatches(tail, path) || mayHoldMatches(pattern, path.slice(1));
    // A brace that spans folders ({a,b/c}) cannot be matched one folder at a time: the folder may hold matches.
    if (head.includes('/'))
        return true;
    return globMatcher(head)(path[0]) && mayHoldMatches(tail, path.slice(1));
}
function displayPath(path, cwd = process.cwd()) {
    if (!(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path))
        return path.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, path);
    return rel === '' ? '.' : rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel) ? path : rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
}


/***/ }),

/***/ 4500:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Zk: () => (/* binding */ roundTripTime),
/* harmony export */   oi: () => (/* binding */ extensionRequestId)
/* harmony export */ });
/* unused harmony exports extensionGuid, uuidV5 */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The request ids the Durable Functions extension gives entity calls, signals and lock requests
 * (docs/runtime-rules.md §16). DurableOrchestrationContext.NewGuid names each one after the
 * instance id, the episode's current time in .NET's round-trip format ("o") and a counter of the
 * ids taken so far, and hashes that name into a version 5 UUID (GuidManager, namespace
 * UrlNamespaceValue). Replaying the code regenerates them; the response to a request is the
 * EventRaised named after its id.
 */

/** GuidManager.UrlNamespaceValue. */
const NAMESPACE = Buffer.from('9e9529595e334daf827f2fa12937b875', 'hex');
/** An RFC 9562 version 5 UUID of `name` in the extension's namespace (what GuidManager.CreateDeterministicGuid returns). */
function extensionGuid(name) {
    return uuidV5(NAMESPACE, name);
}
/** RFC 9562 §5.5: SHA-1 of the namespace's bytes and the name's UTF-8, with version 5 and the RFC variant. */
function uuidV5(namespace, name) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha1').update(namespace).update(name, 'utf8').digest();
    hash[6] = (hash[6] & 0x0f) | 0x50;
    hash[8] = (hash[8] & 0x3f) | 0x80;
    const hex = hash.subarray(0, 16).toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/**
 * A timestamp as .NET's round-trip format prints it: seven fraction digits, always. Digits the
 * text holds beyond milliseconds are kept (the History table stores ticks); a Date has only
 * milliseconds. Undefined when the value is not a time.
 */
function roundTripTime(value, zone = 'Z') {
    const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (!Number.isFinite(ms))
        return undefined;
    let fraction;
    if (typeof value === 'string') {
        // Offsets are whole minutes: the fraction of a second is the same in UTC.
        const digits = /T\d\d:\d\d:\d\d\.(\d+)/.exec(value)?.[1] ?? '';
        fraction = digits.slice(0, 7).padEnd(7, '0');
    }
    else {
        fraction = String(((ms % 1000) + 1000) % 1000).padStart(3, '0') + '0000';
    }
    const seconds = new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
    return `${seconds}.${fraction}${zone}`;
}
/** The id NewGuid returns for the `counter`th id an instance takes, at an episode that started at `time`. */
function extensionRequestId(instanceId, time, counter) {
    return extensionGuid(`${instanceId}_${time}_${counter}`);
}


/***/ }),

/***/ 447:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ nearestName)
/* harmony export */ });
/** The known name a mistyped one most likely meant (in any case): at most two edits away, or a third of a long name. */
function nearestName(typed, known) {
    let best;
    for (const name of known) {
        const distance = editDistance(typed.toLowerCase(), name.toLowerCase());
        if (distance <= Math.max(2, Math.floor(name.length / 3)) && (!best || distance < best.distance))
            best = { name, distance };
    }
    return best?.name;
}
/** Levenshtein distance. */
function editDistance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++)
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
    }
    return row[b.length];
}


/***/ }),

/***/ 6446:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GA: () => (/* binding */ entityNameOf),
/* harmony export */   X2: () => (/* binding */ ActionType),
/* harmony export */   gH: () => (/* binding */ callPhrase),
/* harmony export */   gS: () => (/* binding */ schedulerIdOf),
/* harmony export */   ji: () => (/* binding */ HTTP_ACTIVITY),
/* harmony export */   lr: () => (/* binding */ entityOf),
/* harmony export */   u7: () => (/* binding */ describeAction)
/* harmony export */ });
/* unused harmony export actionTypeName */
/**
 * The actions a JavaScript orchestrator returns (durable-functions src/actions/ActionType.ts) and
 * how the extension turns them into DurableTask.Core calls (docs/runtime-rules.md §3).
 */
var ActionType;
(function (ActionType) {
    ActionType[ActionType["CallActivity"] = 0] = "CallActivity";
    ActionType[ActionType["CallActivityWithRetry"] = 1] = "CallActivityWithRetry";
    ActionType[ActionType["CallSubOrchestrator"] = 2] = "CallSubOrchestrator";
    ActionType[ActionType["CallSubOrchestratorWithRetry"] = 3] = "CallSubOrchestratorWithRetry";
    ActionType[ActionType["ContinueAsNew"] = 4] = "ContinueAsNew";
    ActionType[ActionType["CreateTimer"] = 5] = "CreateTimer";
    ActionType[ActionType["WaitForExternalEvent"] = 6] = "WaitForExternalEvent";
    ActionType[ActionType["CallEntity"] = 7] = "CallEntity";
    ActionType[ActionType["CallHttp"] = 8] = "CallHttp";
    ActionType[ActionType["SignalEntity"] = 9] = "SignalEntity";
    ActionType[ActionType["ScheduledSignalEntity"] = 10] = "ScheduledSignalEntity";
    ActionType[ActionType["WhenAny"] = 11] = "WhenAny";
    ActionType[ActionType["WhenAll"] = 12] = "WhenAll";
    ActionType[ActionType["LockEntities"] = 13] = "LockEntities";
    ActionType[ActionType["ReleaseEntities"] = 14] = "ReleaseEntities";
})(ActionType || (ActionType = {}));
/** The built-in activity the extension runs for callHttp (HttpOptions.HttpTaskActivityReservedName). */
const HTTP_ACTIVITY = 'BuiltIn::HttpActivity';
function actionTypeName(type) {
    return ActionType[type] ?? `action type ${type}`;
}
/** An entity's id as it travels, "@name@key", the name in lower case (EntityId.GetSchedulerIdFromEntityId). */
function schedulerIdOf(entity) {
    return `@${entity.name.toLowerCase()}@${entity.key}`;
}
/** The entity a "@name@key" id names, or undefined. */
function entityOf(schedulerId) {
    const end = schedulerId.startsWith('@') ? schedulerId.indexOf('@', 1) : -1;
    return end < 0 ? undefined : { name: schedulerId.slice(1, end), key: schedulerId.slice(end + 1) };
}
/** Entity ids travel as "@name@key" (EntityId.GetSchedulerIdFromEntityId). */
function entityNameOf(schedulerId) {
    if (!schedulerId || !schedulerId.startsWith('@'))
        return undefined;
    const end = schedulerId.indexOf('@', 1);
    return end < 0 ? schedulerId.slice(1) : schedulerId.slice(1, end);
}
/** What the report shows of a replayed action: its kind and the name it schedules. */
/** An action as messages name it: its type and, when it has one, its name ("CallActivity 'Charge'"). */
function callPhrase(action) {
    const { action: kind, name } = describeAction(action);
    return name ? `${kind} '${name}'` : kind;
}
function describeAction(action) {
    const type = actionTypeName(action.actionType);
    switch (action.actionType) {
        case ActionType.CallActivity:
        case ActionType.CallActivityWithRetry:
        case ActionType.CallSubOrchestrator:
        case ActionType.CallSubOrchestratorWithRetry:
            return { action: type, ...(action.functionName ? { name: action.functionName } : {}) };
        case ActionType.CallHttp:
            return { action: type, name: HTTP_ACTIVITY };
        case ActionType.CallEntity:
        case ActionType.SignalEntity:
        case ActionType.ScheduledSignalEntity:
            return { action: type, name: `${action.instanceId ?? '?'} ${action.operation ?? ''}`.trim() };
        case ActionType.WaitForExternalEvent:
            return { action: type, ...(action.externalEventName ? { name: action.externalEventName } : {}) };
        case ActionType.ContinueAsNew:
        case ActionType.CreateTimer:
        case ActionType.WhenAny:
        case ActionType.WhenAll:
        case ActionType.LockEntities:
        case ActionType.ReleaseEntities:
            return { action: type };
        default:
            return { action: type };
    }
}


/***/ }),

/***/ 7375:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Xn: () => (/* binding */ replayLoadedHistory),
/* harmony export */   w6: () => (/* binding */ FINISHED_POLICIES)
/* harmony export */ });
/* unused harmony export finishedStatus */
/* harmony import */ var _history_events_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(961);
/* harmony import */ var _history_load_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8716);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9410);
/* harmony import */ var _actions_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6446);
/* harmony import */ var _locate_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4487);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(8921);
/* harmony import */ var _payload_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(9859);
/* harmony import */ var _report_advice_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(8526);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(464);
/* harmony import */ var _perturb_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(6653);
/* harmony import */ var _runtime_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(6225);











const FINISHED_POLICIES = ['runtime', 'judge'];
const KIND_OF_USE = {
    activity: 'activity',
    orchestrator: 'orchestration',
    entity: 'entity',
};
async function replayLoadedHistory(app, history, options = {}) {
    const finished = finishedStatus(history.events);
    if (finished && options.finished !== 'judge') {
        // The runtime never replays a finished instance: its verdict changes nothing, references or not.
        let result;
        try {
            result = await judgeHistory(app, history, options);
        }
        catch (error) {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .HistoryError */ .tx) || !history.externalPayloads)
                throw error;
            return { ...resultBase(history), finished, warnings: [`not replayed: ${error.detail} The runtime never replays a finished instance.`] };
        }
        return asTheRuntimeSeesIt({ ...result, finished });
    }
    const result = await judgeHistory(app, history, options);
    const judged = history.externalPayloads ? await withExternalPayloads(app, history, history.externalPayloads, result, options) : result;
    return finished ? { ...judged, finished } : judged;
}
/**
 * A history holding Blob Storage references in place of large payloads (recorded from the Durable
 * Task Scheduler, whose SDKs move them out): the SDK was handed the references, which are not JSON,
 * so the run fails where the code reads one. References only in fields the code never reads change
 * nothing but a warning, and so does a verdict the code's replay had no part in (the orchestrator
 * is gone). Otherwise what the code decided before it read the first reference is judged: a
 * divergence there is what production meets too (in DurableTask.Core the events an episode received
 * come before the calls it scheduled, so a cut before them invents nothing), as is a call to a
 * function the new app lacks or the extension refuses; anything else cannot be checked, and the
 * result says what would make it checkable.
 */
async function withExternalPayloads(app, history, payloads, result, options) {
    const read = payloads.find((p) => p.read);
    const first = read ?? payloads[0];
    const what = `${payloads.length} payload(s) in this history are Blob Storage references the SDK wrote in place of large values (${first.field} of event ${first.eventIndex}: ${first.reference})`;
    const warned = (judged, why) => ({ ...judged, warnings: [...(judged.warnings ?? []), `${what}: ${why}.`] });
    if (!read)
        return warned(result, 'none is in a field the code reads (input drift and output checks leave them out)');
    if (result.failure?.missingFunction?.kind === 'orchestration' && !result.failure.stack)
        return warned(result, "the orchestrator is gone from the new app, so the code's replay has no part in the verdict");
    const decidedBefore = (judged) => (judged.verdict === 'nondeterministic' && !judged.divergence?.perturbed && judged.divergence.recorded.eventIndex < read.eventIndex) ||
        (judged.verdict === 'failed' && decidedByCalls(judged.failure));
    if (decidedBefore(result))
        return warned(result, 'the verdict comes from what the code did before it reads one');
    const started = history.events.findIndex((e) => e.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionStarted);
    if (started < read.eventIndex) {
        const before = { ...history, events: history.events.slice(0, read.eventIndex) };
        delete before.externalPayloads;
        const early = await judgeHistory(app, before, options);
        if (decidedBefore(early))
            return warned({ ...early, events: history.events.length }, 'the verdict comes from what the code did before it reads one (replayed up to that event)');
    }
    const unchecked = { ...result, verdict: 'error' };
    delete unchecked.divergence;
    delete unchecked.failure;
    delete unchecked.warnings;
    return {
        ...unchecked,
        error: {
            message: `cannot check: ${what}. The replay handed the code the reference, not the value, and nothing the code did before it reads it decides the verdict. ${(0,_history_load_js__WEBPACK_IMPORTED_MODULE_1__/* .referenceAdvice */ .ky)(read.reference, payloads.filter((p) => p.read).length)}`,
            eventIndex: read.eventIndex,
        },
    };
}
/** A failure the code's calls decide, whatever it read: a function the new app lacks (a call it makes), or a call the extension refuses. */
function decidedByCalls(failure) {
    return failure.message.startsWith(CALLS_MISSING) || failure.message.startsWith(EXTENSION_REFUSES);
}
const CALLS_MISSING = 'The new code calls the ';
const EXTENSION_REFUSES = 'The extension refuses ';
/** The fields every result of this history carries. */
function resultBase(history) {
    return {
        source: history.source,
        instanceId: history.instanceId,
        orchestrator: history.orchestrator,
        ...(history.version ? { version: history.version } : {}),
        ...(history.runtimeStatus ? { runtimeStatus: history.runtimeStatus } : {}),
        verdict: 'ok',
        events: history.events.length,
    };
}
/**
 * The status of a finished instance (the last ExecutionCompleted says Completed, Failed or
 * Terminated); undefined while it is in flight or continued as new.
 */
function finishedStatus(events) {
    const last = events.findLast((e) => e.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionCompleted);
    const status = last ? (0,_history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .orchestrationStatusName */ .Fb)(last.OrchestrationStatus) : undefined;
    return status === 'Completed' || status === 'Failed' || status === 'Terminated' ? status : undefined;
}
/**
 * A finished instance is never replayed again (docs/runtime-rules.md §9: the provider discards
 * messages for it), so no deployment can break it: ok. What the new code does on its path is kept
 * (finishedPath) and said as a warning, for the instances in flight that may still take that path.
 */
function asTheRuntimeSeesIt(result) {
    if (result.verdict !== 'nondeterministic' && result.verdict !== 'failed')
        return result;
    const { divergence, failure, verdict, ...rest } = result;
    const what = divergence?.explanation ?? failure?.message ?? verdict;
    const warning = `this instance is ${result.finished}, and the runtime never replays a finished instance, so this deployment cannot break it. ` +
        `On its path the new code is ${verdict}: ${what} Instances in flight that still take this path would break; replay with the finished option set to judge to count it.`;
    return {
        ...rest,
        verdict: 'ok',
        finishedPath: { verdict, ...(divergence ? { divergence } : {}), ...(failure ? { failure } : {}) },
        warnings: [...(result.warnings ?? []), warning],
    };
}
async function judgeHistory(app, history, options) {
    // The schema is settled once per history: the payload, the traced run and the result all use it.
    const payloadOptions = { ...options, schema: (0,_payload_js__WEBPACK_IMPORTED_MODULE_5__/* .replaySchemaFor */ .ew)(history, options) };
    const base = { ...resultBase(history), replaySchema: payloadOptions.schema };
    const warnings = [...history.notes];
    const withWarnings = (result) => (warnings.length > 0 ? { ...result, warnings } : result);
    const registered = app.find(history.orchestrator);
    if (!registered || registered.kind !== 'orchestration') {
        const known = app.info.functions.filter((f) => f.kind === 'orchestration').map((f) => f.name);
        const runtime = (0,_messages_js__WEBPACK_IMPORTED_MODULE_10__/* .orchestratorFailedMessage */ .J3)(history.orchestrator, (0,_messages_js__WEBPACK_IMPORTED_MODULE_10__/* .missingFunctionMessage */ .ix)(history.orchestrator, 'orchestrator', known));
        return withWarnings({
            ...base,
            verdict: 'failed',
            failure: {
                message: registered
                    ? `'${history.orchestrator}' is a ${registered.kind} function in the new app, not an orchestrator.`
                    : `The new app has no orchestrator named '${history.orchestrator}'.`,
                runtimeMessage: runtime,
                missingFunction: { name: history.orchestrator, kind: 'orchestration' },
                advice: `Keep an orchestrator named '${history.orchestrator}' in the app until its in-flight instances finish (drain the task hub before deploying), or terminate them deliberately.`,
            },
        });
    }
    // The SDK turns Timestamps into Dates in this payload's events: they serve this one run. Entity
    // request ids need the recorded text (seven fraction digits), kept here for the runtime model.
    const recordedTimestamps = history.events.map((event) => event.Timestamp);
    const invoke = () => app.invokeOrchestrator(registered.name, (0,_payload_js__WEBPACK_IMPORTED_MODULE_5__/* .buildPayload */ .nI)(history, payloadOptions));
    // Perturbed replay records what this run read (clock, randomness, environment) for the second run.
    const first = options.perturb ? await (0,_perturb_js__WEBPACK_IMPORTED_MODULE_8__/* .withSources */ .Z6)(app.info.dir, new Set(), undefined, invoke) : undefined;
    const outcome = first ? first.value : await invoke();
    const state = outcome.kind === 'state' ? outcome.state : outcome.state;
    if (!state || !Array.isArray(state.actions)) {
        const message = outcome.kind === 'threw' ? outcome.message : 'the orchestrator returned no state';
        return withWarnings({
            ...base,
            verdict: 'failed',
            failure: {
                message: `The orchestrator threw before the SDK could record its state: ${message}`,
                runtimeMessage: (0,_messages_js__WEBPACK_IMPORTED_MODULE_10__/* .orchestratorFailedMessage */ .J3)(history.orchestrator, message),
                ...(outcome.kind === 'threw' && outcome.stack ? { stack: outcome.stack } : {}),
                ...locationOf(outcome.kind === 'threw' ? outcome.stack : undefined, app),
                advice: 'Fix the error in the orchestrator; it happens before any durable call is replayed.',
            },
        });
    }
    const exists = registeredIn(app);
    const parentInstanceId = history.events.find((e) => e.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionStarted)?.ParentInstance?.OrchestrationInstance?.InstanceId;
    // The extension rejects the answer before it replays any action: none is taken.
    const rejection = (0,_runtime_js__WEBPACK_IMPORTED_MODULE_9__/* .stateRejection */ .nN)(state);
    const sim = (0,_runtime_js__WEBPACK_IMPORTED_MODULE_9__/* .simulate */ .JV)(history.events, rejection ? [[]] : state.actions, state.schemaVersion ?? 1, {
        ..._runtime_js__WEBPACK_IMPORTED_MODULE_9__/* .DEFAULT_RUNTIME_OPTIONS */ .Qr,
        exists,
        instanceId: history.instanceId,
        ...(parentInstanceId ? { parentInstanceId } : {}),
        recordedTimestamps,
    });
    for (const { action, reason } of sim.refusals)
        warnings.push(`the extension refuses ${(0,_actions_js__WEBPACK_IMPORTED_MODULE_3__/* .callPhrase */ .gH)(action)} before it takes a sequence id, because ${reason}: it drops the call, and the code waits for it for ever`);
    warnings.push(...sim.warnings.map((w) => `the runtime would log: ${w} (a completion for a task this replay never scheduled)`));
    warnings.push(...sim.notes);
    if (sim.suspended)
        warnings.push('this instance is suspended: the runtime holds the events that came since until it is resumed, and then applies them at the resume episode; this verdict is what the new code does on a resume');
    const trace = options.locate === false ? undefined : (depth) => traceRun(app, registered.name, (0,_payload_js__WEBPACK_IMPORTED_MODULE_5__/* .buildPayloadText */ ._u)(history, payloadOptions), depth);
    if (rejection) {
        // When the code threw as well, the exception escapes the extension's handler unwrapped.
        const runtimeMessage = outcome.kind === 'threw' ? rejection.message : (0,_messages_js__WEBPACK_IMPORTED_MODULE_10__/* .orchestratorFailedMessage */ .J3)(history.orchestrator, rejection.message);
        const location = rejection.action && trace ? await locateAction(trace, state, rejection.action, app, registered.name) : {};
        const advice = rejection.action
            ? 'Keep retry intervals, timeouts and attempt counts within 2147483647 (for times, milliseconds: about 24.8 days); for a longer retry window, retry in the orchestrator with durable timers.'
            : 'Keep the custom status under 16 KB of JSON (counted in UTF-16, two bytes a character): store large state elsewhere and put a reference in the status.';
        if (sim.mismatch) {
            const divergence = await divergenceOf(sim.mismatch, history, trace, state, app);
            return withWarnings({
                ...base,
                verdict: 'nondeterministic',
                divergence: {
                    ...divergence,
                    ...location,
                    explanation: `The extension rejects the new code's answer before it replays any call, because ${rejection.reason} ("${rejection.message}"); DurableTask.Core then finds no call for the first step the history recorded and fails the instance with its nondeterminism error.`,
                    advice,
                },
            });
        }
        return withWarnings({
            ...base,
            verdict: 'failed',
            failure: { message: `The extension rejects the new code's answer before it replays any call: ${rejection.reason}.`, runtimeMessage, ...location, advice },
        });
    }
    // A function the replay needs is gone from the new app.
    const missing = sim.uses.find((use) => !exists(use.name, use.kind)) ?? (sim.mismatch ? undefined : pendingMissing(history.events, app));
    if (missing) {
        const known = app.info.functions.filter((f) => f.kind === KIND_OF_USE[missing.kind]).map((f) => f.name);
        const refusal = (0,_messages_js__WEBPACK_IMPORTED_MODULE_10__/* .missingFunctionMessage */ .ix)(missing.name, missing.kind, known);
        const signal = missing.action?.actionType === _actions_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionType */ .X2.SignalEntity;
        const runtimeMessage = sim.mismatch?.message ?? (signal ? (0,_messages_js__WEBPACK_IMPORTED_MODULE_10__/* .orchestratorFailedMessage */ .J3)(history.orchestrator, refusal) : undefined);
        return withWarnings({
            ...base,
            verdict: 'failed',
            failure: {
                message: missing.action
                    ? `${CALLS_MISSING}${missing.kind} '${missing.name}', which the new app does not register.`
                    : `The history has a call to the ${missing.kind} '${missing.name}' still pending, and the new app does not register it.`,
                runtimeMessage: runtimeMessage ?? `${refusal} (The extension drops the call: the instance stays Running and never continues.)`,
                missingFunction: { name: missing.name, kind: KIND_OF_USE[missing.kind] },
                ...(missing.action && trace ? await locateAction(trace, state, missing.action, app, registered.name) : {}),
                advice: missing.action
                    ? `Register the ${missing.kind} '${missing.name}' in the new app, or fix the name in the call: the extension silently drops calls to functions it does not know.`
                    : `Keep the ${missing.kind} '${missing.name}' registered until the instances that wait for it finish, or let them finish before deploying.`,
            },
        });
    }
    // The code scheduled something else at a recorded step before it threw: the runtime fails the
    // instance at that step (nondeterminism wins over the orchestrator's error), and the thrown
    // error is a consequence, e.g. a recorded failure handed to the wrong call.
    const diverged = sim.mismatch && sim.mismatch.mismatch.kind !== 'missing';
    // The code threw before it reached a step the history recorded next: DurableTask.Core goes on
    // applying the history after the code faults, finds no action for that step, and fails the
    // instance with the nondeterminism error, not the code's (docs/runtime-rules.md §3, when the JS
    // orchestrator threw, and §1.4). The verdict says so; the throw is where the new code parts.
    if (outcome.kind === 'threw' && sim.mismatch && !diverged) {
        const divergence = await divergenceOf(sim.mismatch, history, trace, state, app);
        const thrownAt = locationOf(outcome.stack, app).location;
        return withWarnings({
            ...base,
            verdict: 'nondeterministic',
            divergence: {
                ...divergence,
                ...(thrownAt ? { location: thrownAt } : {}),
                explanation: [
                    `The new code throws (${firstLine(outcome.message)}) before it schedules the step the history recorded next, so production fails the instance with the nondeterminism error, not with this error.`,
                    divergence.explanation,
                    schemaHint(outcome.message, base),
                ]
                    .filter(Boolean)
                    .join(' '),
            },
        });
    }
    if (outcome.kind === 'threw' && !sim.mismatch) {
        const runtimeMessage = (0,_messages_js__WEBPACK_IMPORTED_MODULE_10__/* .orchestratorFailedMessage */ .J3)(history.orchestrator, outcome.message);
        return withWarnings({
            ...base,
            verdict: 'failed',
            failure: {
                message: `The orchestrator throws during replay: ${outcome.message}`,
                runtimeMessage,
                ...(outcome.stack ? { stack: outcome.stack } : {}),
                ...locationOf(outcome.stack, app),
                advice: schemaHint(outcome.message, base) ??
                    'A recorded result probably no longer has the shape the new code expects, or a failure it used to handle now escapes. Handle the old shape, or let these instances finish before deploying.',
            },
        });
    }
    // A new call the extension refuses: no mismatch with the history, but the instance never continues.
    const refused = sim.mismatch ? undefined : sim.refusals[0];
    if (refused) {
        return withWarnings({
            ...base,
            verdict: 'failed',
            failure: {
                message: `${EXTENSION_REFUSES}${(0,_actions_js__WEBPACK_IMPORTED_MODULE_3__/* .callPhrase */ .gH)(refused.action)}: ${refused.reason}.`,
                runtimeMessage: 'The extension drops the call before it takes a sequence id: the instance stays Running and never continues.',
                ...(trace ? await locateAction(trace, state, refused.action, app, registered.name) : {}),
                advice: "Change the call so that the extension takes it: retry intervals of at most 6 days on Azure Storage; a sub-orchestration id that is not the instance's own, its parent's, nor starting with '@'.",
            },
        });
    }
    if (sim.stranded) {
        return withWarnings({ ...base, verdict: 'nondeterministic', divergence: await strandedDivergence(sim.stranded, history, trace, state, app) });
    }
    if (sim.mismatch) {
        const divergence = await divergenceOf(sim.mismatch, history, trace, state, app);
        // With --perturb: code that schedules differently from run to run may diverge for that reason, not for a change.
        const unsteady = first ? await (0,_perturb_js__WEBPACK_IMPORTED_MODULE_8__/* .unsteadyRuns */ .su)(app.info.dir, invoke, outcome, first.recording) : undefined;
        if (unsteady)
            divergence.explanation = `${divergence.explanation} ${unsteady}`;
        if (outcome.kind === 'threw')
            warnings.push(`the new code also throws with this history (${firstLine(outcome.message)}), a consequence of the divergence: recorded results reach the wrong calls`);
        return withWarnings({ ...base, verdict: 'nondeterministic', divergence });
    }
    warnings.push(...completionWarnings(history, state, sim));
    const drifts = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_7__/* .inputDrifts */ .rU)(sim.matched);
    for (const drift of drifts)
        warnings.push(`step ${drift.sequenceId}: ${(0,_actions_js__WEBPACK_IMPORTED_MODULE_3__/* .callPhrase */ .gH)(drift.action)} is the call the history recorded there, with another input (recorded ${drift.recorded}, now ${drift.now}). The runtime does not compare inputs, so this replays ok, but the instance goes on with other data than it started with.`);
    const drift = drifts[0];
    if (drift && options.inputDrift === 'fail') {
        return withWarnings({
            ...base,
            verdict: 'failed',
            failure: {
                message: `Input drift (failed on request: the runtime would carry on): at step ${drift.sequenceId}, ${(0,_actions_js__WEBPACK_IMPORTED_MODULE_3__/* .callPhrase */ .gH)(drift.action)} has another input than the history recorded: recorded ${drift.recorded}, now ${drift.now}.`,
                ...(trace ? await locateAction(trace, state, drift.action, app, registered.name) : {}),
                advice: `Keep the recorded input for instances in flight (${versionBranch(app)}), or let them finish before deploying; if the new input is meant for them too, replay without failing on input drift.`,
            },
        });
    }
    if (first) {
        const divergence = await (0,_perturb_js__WEBPACK_IMPORTED_MODULE_8__/* .perturbedDivergence */ .oL)(app.info.dir, invoke, outcome, first.recording);
        if (divergence)
            return withWarnings({ ...base, verdict: 'nondeterministic', divergence });
    }
    return withWarnings(base);
}
async function divergenceOf(mismatch, history, trace, state, app) {
    const event = mismatch.event;
    const recordedName = recordedNameOf(event);
    const replayed = mismatch.action ? (0,_actions_js__WEBPACK_IMPORTED_MODULE_3__/* .describeAction */ .u7)(mismatch.action) : undefined;
    const what = `${(0,_history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .eventTypeName */ .qc)(event.EventType)}${recordedName ? ` '${recordedName}'` : ''}`;
    let explanation;
    switch (mismatch.mismatch.kind) {
        case 'missing':
            explanation = `The history recorded ${what} as step ${mismatch.sequenceId}, but by that point of the replay the new code has not scheduled a step ${mismatch.sequenceId}: it now makes fewer durable calls before this one, waits on something else first, or awaits in sequence what ran in parallel.`;
            break;
        case 'type':
            explanation = `The history recorded ${what} as step ${mismatch.sequenceId}, but the new code's step ${mismatch.sequenceId} is a ${replayed?.action ?? mismatch.mismatch.actual}${replayed?.name ? ` '${replayed.name}'` : ''}: a call was inserted, removed or replaced before or at this point.`;
            break;
        case 'name':
            explanation = `The history recorded ${what} as step ${mismatch.sequenceId}, but the new code calls '${mismatch.mismatch.actualName}' at that step: a call was inserted, removed or renamed before or at this point.`;
            break;
    }
    let location;
    if (trace) {
        const found = mismatch.action
            ? await locateAction(trace, state, mismatch.action, app, history.orchestrator)
            : await locateStop(trace, state, app, history.orchestrator);
        location = found.location;
    }
    return {
        sequenceId: mismatch.sequenceId,
        recorded: { event: (0,_history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .eventTypeName */ .qc)(event.EventType), ...(recordedName ? { name: recordedName } : {}), eventIndex: mismatch.eventIndex },
        ...(replayed ? { replayed } : {}),
        message: mismatch.message,
        explanation,
        ...(location ? { location } : {}),
        advice: `Instances of '${history.orchestrator}' started before this change would fail. Keep the old sequence of calls for them (${versionBranch(app)}, or ship the change under a new orchestrator name), or let them finish before deploying this code over their task hub.`,
    };
}
/**
 * The extension names each entity request itself (docs/runtime-rules.md §16): a request the new
 * code makes at another point of the replay gets another id, and the entity's answer, sent under
 * the recorded id, never reaches the wait. Production logs nothing: the instance stays Running.
 */
async function strandedDivergence(stranded, history, trace, state, app) {
    const replayed = (0,_actions_js__WEBPACK_IMPORTED_MODULE_3__/* .describeAction */ .u7)(stranded.action);
    const target = stranded.event.InstanceId ? ` to ${stranded.event.InstanceId}` : '';
    const location = trace ? (await locateAction(trace, state, stranded.action, app, history.orchestrator)).location : undefined;
    return {
        sequenceId: stranded.sequenceId,
        recorded: {
            event: (0,_history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .eventTypeName */ .qc)(stranded.event.EventType),
            ...(stranded.event.Name ? { name: stranded.event.Name } : {}),
            eventIndex: stranded.eventIndex,
        },
        replayed,
        message: stranded.recordedSignal
            ? `(no error: the instance stays Running and never continues; the extension waits for the response '${stranded.requestId}' to a request that was sent as a signal, which gets none)`
            : `(no error: the instance stays Running and never continues; the extension waits for the response '${stranded.requestId}', and the entity answers request '${stranded.recordedId}')`,
        explanation: stranded.recordedSignal
            ? `The history recorded a signal${target} at step ${stranded.sequenceId}; the new code makes an entity call at that step. The step is not sent again, and a signal gets no answer: the code waits for ever.`
            : `The history recorded the entity request${target} at step ${stranded.sequenceId} with request id '${stranded.recordedId}'. ` +
                `The extension makes that id from the instance id, the time of the episode that sends the request and how many requests came before it; the new code sends this request in another episode or after another number of requests (a call moved into or out of a Task.all, or an entity call or signal added or removed before it), so the id becomes '${stranded.requestId}'. ` +
                `The response to the recorded request never reaches the code, which waits for ever.`,
        ...(location ? { location } : {}),
        advice: `Instances of '${history.orchestrator}' started before this change would hang. Keep the old order and grouping of entity calls and signals for them (${versionBranch(app)}, or ship the change under a new orchestrator name), or let them finish before deploying this code over their task hub.`,
    };
}
/** When the SDK refused a lock for the schema this replay advertised: which schema that was, and how to replay with V4. */
function schemaHint(message, base) {
    if (!/OOProc schema V4/.test(message))
        return undefined;
    return `This replay took the host to advertise schema ${base.replaySchema ?? 'V3'}, as the generally available extension bundles do (Microsoft.Azure.WebJobs.Extensions.DurableTask before 3.13): there, a lock fails the instance. If the app runs the extension 3.13 or later, replay with the schema option set to V4.`;
}
function firstLine(text) {
    const line = text.split('\n')[0].trim();
    return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
/** Per app, whether a function of each kind is registered, by the exact name calls use. */
const registeredByApp = new WeakMap();
/**
 * Is a function of this kind registered in the app? A fan-out calls one function many times, and
 * every history calls the same few: each name is looked up once per app.
 */
function registeredIn(app) {
    let known = registeredByApp.get(app);
    if (!known)
        registeredByApp.set(app, (known = { activity: new Map(), orchestrator: new Map(), entity: new Map() }));
    const byKind = known;
    return (name, kind) => {
        const names = byKind[kind];
        let found = names.get(name);
        if (found === undefined) {
            const fn = app.find(name);
            found = fn !== undefined && fn.kind === KIND_OF_USE[kind];
            names.set(name, found);
        }
        return found;
    };
}
/** The name a scheduling event recorded (an activity, a sub-orchestration, an event sent and its target); other events have none. */
function recordedNameOf(event) {
    if (event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.EventSent)
        return event.InstanceId ? `${event.Name ?? ''} -> ${event.InstanceId}` : event.Name;
    return event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.TaskScheduled || event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.SubOrchestrationInstanceCreated ? event.Name : undefined;
}
/** Recorded calls still waiting for their result, whose function the new app lacks. */
const CLOSES_A_CALL = new Set([
    _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.TaskCompleted,
    _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.TaskFailed,
    _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.SubOrchestrationInstanceCompleted,
    _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.SubOrchestrationInstanceFailed,
]);
function pendingMissing(events, app) {
    // Most histories call only registered functions: check the few distinct names first.
    const names = new Map();
    for (const event of events) {
        if (event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.TaskScheduled)
            names.set(event.Name ?? '', 'activity');
        else if (event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.SubOrchestrationInstanceCreated)
            names.set(event.Name ?? '', 'orchestration');
    }
    let unknown;
    for (const [name, expected] of names) {
        const fn = app.find(name);
        if ((!fn || fn.kind !== expected) && !name.startsWith('BuiltIn::'))
            (unknown ??= new Set()).add(name.toLowerCase());
    }
    if (!unknown)
        return undefined;
    const open = new Map();
    for (const event of events) {
        if (event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.TaskScheduled || event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.SubOrchestrationInstanceCreated)
            open.set(event.EventId, event);
        // Only completions close a call: a rewind's tombstone (a GenericEvent that keeps TaskScheduledId) does not.
        else if (CLOSES_A_CALL.has(event.EventType) && typeof event.TaskScheduledId === 'number')
            open.delete(event.TaskScheduledId);
    }
    for (const event of open.values()) {
        const name = event.Name ?? '';
        if (unknown.has(name.toLowerCase()))
            return { name, kind: event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.TaskScheduled ? 'activity' : 'orchestrator' };
    }
    return undefined;
}
function completionWarnings(history, state, sim) {
    // Continue-as-new is recorded as its own event type (ContinueAsNewEvent), status ContinuedAsNew.
    const completed = history.events.findLast((e) => e.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionCompleted || e.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ContinueAsNew);
    if (!completed)
        return [];
    const status = (0,_history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .orchestrationStatusName */ .Fb)(completed.OrchestrationStatus);
    const succeeded = status === 'Completed';
    const continued = status === 'ContinuedAsNew';
    const actions = (state.actions[0] ?? []);
    const continuesAsNew = actions.some((a) => a?.actionType === _actions_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionType */ .X2.ContinueAsNew);
    if (continued) {
        return continuesAsNew ? [] : ['this execution ended with continue-as-new, but the new code no longer calls continueAsNew with this history'];
    }
    if (!succeeded)
        return [];
    if (!state.isDone || !sim.shimFinished) {
        return ['this instance completed, but with this history the new code no longer completes: it now waits for work the instance never did'];
    }
    if (sim.openTasks > 0) {
        return [
            `this instance completed, but with this history the new code leaves ${sim.openTasks} durable task(s) open (a Task.any loser, such as a timeout timer, no longer cancelled): the runtime completes an instance only when none is open, so it would finish only after they do`,
        ];
    }
    // An output the SDK moved to Blob Storage: only its reference was recorded, nothing to compare.
    if ((0,_history_load_js__WEBPACK_IMPORTED_MODULE_1__/* .isPayloadReference */ ._x)(completed.Result))
        return [];
    const recorded = parseJson(completed.Result);
    if (!sameJson(recorded, state.output)) {
        return ['this instance completed, but the new code returns a different output with the same history: the code changed what it returns'];
    }
    return [];
}
function parseJson(text) {
    if (typeof text !== 'string' || text === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function sameJson(a, b) {
    return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}
function normalise(value) {
    if (value === null || value === undefined)
        return null;
    if (Array.isArray(value))
        return value.map(normalise);
    if (typeof value === 'object') {
        return Object.fromEntries(Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => [k, normalise(v)]));
    }
    return value;
}
async function traceRun(app, name, payload, depth) {
    const tracer = (0,_locate_js__WEBPACK_IMPORTED_MODULE_4__/* .tracerFor */ .f6)(app.durableFunctionsDir);
    const outcome = await tracer.record(() => app.invokeOrchestrator(name, payload), depth);
    return { tracer, ...(outcome.state ? { state: outcome.state } : {}) };
}
/** Shallow stacks first; a deeper capture only when the user's frame was not among them. */
async function locateWith(trace, app, pick) {
    const shallow = locationOf(pick(await trace()), app);
    return shallow.location ? shallow : locationOf(pick(await trace(64)), app);
}
/**
 * Histories that reach a divergence through the same actions went through the same code: the
 * location found for one serves all of them (thousands of instances hit the same change).
 */
const located = new WeakMap();
function signature(actions, end) {
    let key = '';
    for (let i = 0; i < end && i < actions.length; i++)
        key += `${actions[i].actionType}:${actions[i].functionName ?? actions[i].externalEventName ?? ''};`;
    return key;
}
async function cached(app, key, find) {
    let cache = located.get(app);
    if (!cache)
        located.set(app, (cache = new Map()));
    const hit = cache.get(key);
    if (hit)
        return hit;
    const found = await find();
    if (cache.size < 10_000)
        cache.set(key, found);
    return found;
}
function locateAction(trace, state, action, app, orchestrator) {
    const actions = (0,_perturb_js__WEBPACK_IMPORTED_MODULE_8__/* .flattenActions */ .IP)(state.actions);
    const index = actions.indexOf(action);
    return cached(app, `${orchestrator}@${index}|${signature(actions, index + 1)}`, () => locateWith(trace, app, (run) => run.tracer.stackOf(run.state ? (0,_perturb_js__WEBPACK_IMPORTED_MODULE_8__/* .flattenActions */ .IP)(run.state.actions)[index] : undefined)));
}
function locateStop(trace, state, app, orchestrator) {
    const actions = (0,_perturb_js__WEBPACK_IMPORTED_MODULE_8__/* .flattenActions */ .IP)(state.actions);
    return cached(app, `${orchestrator}@stop|${signature(actions, actions.length)}`, () => locateWith(trace, app, (run) => run.tracer.stackOf(run.tracer.created.at(-1))));
}
function locationOf(stack, app) {
    const location = (0,_locate_js__WEBPACK_IMPORTED_MODULE_4__/* .userLocation */ .hI)(stack, app.info.dir);
    return location ? { location } : {};
}
/** How to keep the old path with orchestration versioning, for this app's durable-functions. */
function versionBranch(app) {
    const version = app.info.durableFunctionsVersion;
    return (0,_report_advice_js__WEBPACK_IMPORTED_MODULE_6__/* .atLeast */ .jZ)(version, _report_advice_js__WEBPACK_IMPORTED_MODULE_6__/* .DF_VERSION_SINCE */ .Pt)
        ? 'branch on context.df.version with host.json defaultVersion'
        : `upgrade durable-functions to ${_report_advice_js__WEBPACK_IMPORTED_MODULE_6__/* .DF_VERSION_SINCE */ .Pt} or later (this app has ${version}, without context.df.version) and branch on context.df.version with host.json defaultVersion`;
}


/***/ }),

/***/ 464:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HD: () => (/* binding */ readable),
/* harmony export */   XF: () => (/* binding */ REDACTED),
/* harmony export */   rU: () => (/* binding */ inputDrifts)
/* harmony export */ });
/* harmony import */ var _actions_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6446);
/**
 * Input drift: the new code makes the call the history recorded at a step (same kind, same name),
 * with another input. DurableTask.Core never compares inputs (TaskOrchestrationExecutor matches
 * by sequence id, kind and name), so the replay is ok, but the instance goes on acting on other
 * data than it started with: said as a warning, or made a failure on request.
 *
 * On the Azure Storage provider the DTFx orchestration context serializes an activity's
 * parameters as an array of one element ("[<input>]": TaskOrchestrationContext.ScheduleTaskInternal
 * in Azure/durabletask; DurableActivityContext.GetInputAsJson, inputsAreArrays, in the extension
 * unwraps it); a plain value is also accepted. durable-functions JSON-encodes a string input once
 * more before it sends the action (Utils.processInput in the SDK's CallActivityAction), so the
 * provider records the input "Tokyo" as the text ["\"Tokyo\""]; a string recorded without that extra encoding
 * (another SDK, a hand-written history) matches too. A recorded Input of null or none is not compared
 * (a real call records "[null]"). `[redacted]` (record --redact) matches any value, and the new
 * value is shown redacted there as well.
 */

/** What `record --redact` writes in place of a payload value (docs/history-format.md). */
const REDACTED = '[redacted]';
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** Same value as JSON carries it; `[redacted]` in the recorded one matches anything; times match by instant. */
function same(recorded, now) {
    if (recorded === REDACTED)
        return true;
    if (recorded === now)
        return true;
    if (typeof recorded === 'string' && typeof now === 'string') {
        // The extension re-serializes inputs with Json.NET, which may write a time in another form.
        return ISO_TIME.test(recorded) && ISO_TIME.test(now) && Date.parse(recorded) === Date.parse(now) && !Number.isNaN(Date.parse(now));
    }
    if (Array.isArray(recorded) || Array.isArray(now)) {
        return Array.isArray(recorded) && Array.isArray(now) && recorded.length === now.length && recorded.every((item, i) => same(item, now[i]));
    }
    if (recorded && now && typeof recorded === 'object' && typeof now === 'object') {
        const r = recorded;
        const n = now;
        const keys = Object.keys(r);
        return keys.length === Object.keys(n).length && keys.every((key) => key in n && same(r[key], n[key]));
    }
    return false;
}
/** `now` with `[redacted]` wherever the recorded value has it. */
function redactLike(now, recorded) {
    if (recorded === REDACTED)
        return REDACTED;
    if (Array.isArray(now) && Array.isArray(recorded))
        return now.map((item, i) => redactLike(item, recorded[i]));
    if (now && recorded && typeof now === 'object' && typeof recorded === 'object' && !Array.isArray(now) && !Array.isArray(recorded)) {
        const r = recorded;
        return Object.fromEntries(Object.entries(now).map(([key, value]) => [key, redactLike(value, r[key])]));
    }
    return now;
}
function short(value) {
    const text = JSON.stringify(value) ?? 'null';
    return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
/** The string a JSON string literal holds ('"Tokyo"' gives 'Tokyo'), or undefined. */
function decodedString(text) {
    if (!text.startsWith('"'))
        return undefined;
    try {
        const value = JSON.parse(text);
        return typeof value === 'string' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** A string the SDK encoded once more, as the string it holds (other values as they are). */
function readable(value) {
    return typeof value === 'string' ? (decodedString(value) ?? value) : value;
}
/** The calls among `matched` whose input differs from the recorded one. */
function inputDrifts(matched) {
    const drifts = [];
    for (const { sequenceId, event, action } of matched) {
        // CallHttp's built-in activity carries the request the extension builds, not the code's value.
        if (action.actionType === _actions_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionType */ .X2.CallHttp || typeof event.Input !== 'string')
            continue;
        let recorded;
        try {
            recorded = event.Input === REDACTED ? REDACTED : JSON.parse(event.Input);
        }
        catch {
            continue;
        }
        const unwrapped = Array.isArray(recorded) && recorded.length === 1 ? recorded[0] : undefined;
        const candidates = unwrapped !== undefined ? [recorded, unwrapped] : [recorded];
        // A string the SDK encoded once more (Utils.processInput) matches in either form a history may hold.
        const matches = (value) => {
            const decoded = typeof value === 'string' ? decodedString(value) : undefined;
            return candidates.some((r) => same(r, value) || (decoded !== undefined && same(r, decoded)));
        };
        // The common case, the same plain data, without a copy; else as the extension receives it, the
        // SDK's action as JSON (undefined sent as null, a Date as its text).
        if (matches(action.input ?? null))
            continue;
        const now = action.input === undefined ? null : JSON.parse(JSON.stringify(action.input) ?? 'null');
        if (matches(now))
            continue;
        const shown = readable(unwrapped !== undefined ? unwrapped : recorded);
        drifts.push({ sequenceId, action, recorded: short(shown), now: short(redactLike(readable(now), shown)) });
    }
    return drifts;
}


/***/ }),

/***/ 4487:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f6: () => (/* binding */ tracerFor),
/* harmony export */   hI: () => (/* binding */ userLocation),
/* harmony export */   wM: () => (/* binding */ readSourceMap)
/* harmony export */ });
/* unused harmony export ActionTracer */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _app_native_require_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8564);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/**
 * Finds the line in the user's code that created an action. Only used after a divergence is
 * found (the fast path captures nothing): the orchestrator is run once more with the SDK's action
 * classes swapped for subclasses that remember the stack they were created from. Stack frames
 * are mapped back through source maps (compiled TypeScript) with node:module's SourceMap.
 */




/**
 * Installed once per app, the first time a divergence needs locating, and switched on only for
 * the instrumented runs. Stacks are captured raw and formatted only when asked for (V8 formats
 * `stack` lazily, which is where the cost is).
 */
class ActionTracer {
    durableFunctionsDir;
    holders = new WeakMap();
    recording = false;
    installed = false;
    /** Actions created during the current recording, in order: the last is where the code stopped. */
    created = [];
    constructor(durableFunctionsDir) {
        this.durableFunctionsDir = durableFunctionsDir;
    }
    install() {
        if (this.installed)
            return;
        this.installed = true;
        const requireSdk = (0,_app_native_require_js__WEBPACK_IMPORTED_MODULE_1__/* .nativeCreateRequire */ .f)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.durableFunctionsDir, 'package.json'));
        const actionsDir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(this.durableFunctionsDir, 'lib', 'src', 'actions');
        // The traced action classes below report to this tracer: their own `this` is the action.
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        const tracer = this;
        for (const file of safeReaddir(actionsDir)) {
            if (!file.endsWith('.js'))
                continue;
            const module = requireSdk((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(actionsDir, file));
            for (const [key, value] of Object.entries(module)) {
                if (typeof value !== 'function' || !/Action$/.test(key))
                    continue;
                const Original = value;
                const Traced = class extends Original {
                    constructor(...args) {
                        super(...args);
                        if (tracer.recording) {
                            const holder = {};
                            Error.captureStackTrace(holder, Traced);
                            tracer.holders.set(this, holder);
                            tracer.created.push(this);
                        }
                    }
                };
                Object.defineProperty(Traced, 'name', { value: Original.name });
                module[key] = Traced;
            }
        }
    }
    /**
     * Run `fn` with stack capture on. The user's frame is normally within the top few frames
     * (the SDK method, then the orchestrator); deeper captures cost more, so callers start shallow.
     */
    async record(fn, depth = 8) {
        this.install();
        this.created = [];
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = depth;
        this.recording = true;
        try {
            return await fn();
        }
        finally {
            this.recording = false;
            Error.stackTraceLimit = limit;
        }
    }
    stackOf(action) {
        return action ? this.holders.get(action)?.stack : undefined;
    }
}
const tracers = new Map();
function tracerFor(durableFunctionsDir) {
    let tracer = tracers.get(durableFunctionsDir);
    if (!tracer) {
        tracer = new ActionTracer(durableFunctionsDir);
        tracers.set(durableFunctionsDir, tracer);
    }
    return tracer;
}
function safeReaddir(dir) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    }
    catch {
        return [];
    }
}
const FRAME = /\(?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?\s*$/;
/** The first frame of `stack` in the app's own code (outside node_modules), mapped to its source. */
function userLocation(stack, appDir) {
    if (!stack)
        return undefined;
    const root = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(appDir) + node_path__WEBPACK_IMPORTED_MODULE_2__.sep;
    for (const line of stack.split('\n').slice(1)) {
        const match = FRAME.exec(line.trim());
        if (!match)
            continue;
        let file = match[1];
        if (file.startsWith('file://'))
            file = (0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(file);
        if (!file.startsWith(root) || file.slice(root.length).split(node_path__WEBPACK_IMPORTED_MODULE_2__.sep).includes('node_modules'))
            continue;
        return mapThroughSourceMap(file, Number(match[2]), Number(match[3]));
    }
    return undefined;
}
const maps = new Map();
function mapThroughSourceMap(file, line, column) {
    const loaded = loadMap(file);
    if (loaded) {
        const { map, dir } = loaded;
        const entry = map.findEntry(line - 1, column - 1);
        if (entry.originalSource !== undefined && entry.originalLine !== undefined) {
            let source = entry.originalSource;
            if (source.startsWith('file://'))
                source = (0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(source);
            else
                source = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(dir, map.payload.sourceRoot ?? '', source);
            return { file: source, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
        }
    }
    return { file, line, column };
}
/** The source map a compiled file names (a file beside it, or inline as data:), with the folder its sources are relative to. */
function readSourceMap(file) {
    try {
        const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(sourceMapComment(file))?.[1];
        if (!url)
            return undefined;
        if (url.startsWith('data:')) {
            return { dir: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(file), payload: JSON.parse(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8')) };
        }
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(file), url);
        return { dir: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), payload: JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8')) };
    }
    catch {
        return undefined;
    }
}
/**
 * The end of a compiled file, where its sourceMappingURL comment is: the last 4 KB, or the whole
 * file when that comment is an inline map (data:) longer than that. Checking every compiled file
 * of an app for a stale build reads a few KB of each, not each whole bundle.
 */
function sourceMapComment(file) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, 'r');
    try {
        const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).size;
        const tail = Buffer.alloc(Math.min(size, 4096));
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, tail, 0, tail.length, size - tail.length);
        const text = tail.toString('utf8');
        // The comment is the last line: when that line starts within the tail, the tail holds it (or
        // there is none); a longer last line may be an inline map, read whole.
        if (tail.length === size || text.trimEnd().includes('\n'))
            return text;
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8');
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
function loadMap(file) {
    if (maps.has(file))
        return maps.get(file);
    const found = readSourceMap(file);
    let loaded = null;
    if (found) {
        const { SourceMap } = (0,_app_native_require_js__WEBPACK_IMPORTED_MODULE_1__/* .nativeCreateRequire */ .f)(import.meta.url)('node:module');
        loaded = { map: new SourceMap(found.payload), dir: found.dir };
    }
    maps.set(file, loaded);
    return loaded;
}


/***/ }),

/***/ 8921:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CD: () => (/* binding */ taskScheduledMessage),
/* harmony export */   Eu: () => (/* binding */ NONDETERMINISM_PREFIX),
/* harmony export */   FO: () => (/* binding */ subOrchestrationCreatedMessage),
/* harmony export */   J3: () => (/* binding */ orchestratorFailedMessage),
/* harmony export */   W$: () => (/* binding */ duplicateEventWarning),
/* harmony export */   ix: () => (/* binding */ missingFunctionMessage),
/* harmony export */   uk: () => (/* binding */ eventSentMessage),
/* harmony export */   xS: () => (/* binding */ timerCreatedMessage)
/* harmony export */ });
/** NonDeterministicOrchestrationException's constructor adds this prefix
 * (docs/runtime-rules.md §1.4). */
const NONDETERMINISM_PREFIX = 'Non-Deterministic workflow detected: ';
const TAIL = 'Was a change made to the orchestrator code after this instance had already started running?';
/** Message bodies of TaskOrchestrationContext.Handle*Event (docs/runtime-rules.md §1.2). */
function taskScheduledMessage(event, mismatch) {
    const id = event.EventId;
    const name = event.Name ?? '';
    switch (mismatch.kind) {
        case 'missing':
            return `A previous execution of this orchestration scheduled an activity task with sequence ID ${id} and name '${name}' (version '${event.Version ?? ''}'), but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
        case 'type':
            return `A previous execution of this orchestration scheduled an activity task with sequence number ${id} named '${name}', but the current orchestration replay instead produced a ${mismatch.actual} action with this sequence number. ${TAIL}`;
        case 'name':
            return `A previous execution of this orchestration scheduled an activity task with sequence number ${id} named '${name}', but the current orchestration replay instead scheduled an activity task named '${mismatch.actualName}' with this sequence number.  ${TAIL}`;
    }
}
function timerCreatedMessage(event, mismatch) {
    const id = event.EventId;
    switch (mismatch.kind) {
        case 'missing':
            return `A previous execution of this orchestration scheduled a timer task with sequence number ${id} but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
        case 'type':
        case 'name':
            return `A previous execution of this orchestration scheduled a timer task with sequence number ${id} named but the current orchestration replay instead produced a ${mismatch.kind === 'type' ? mismatch.actual : 'CreateTimerOrchestratorAction'} action with this sequence number. ${TAIL}`;
    }
}
function subOrchestrationCreatedMessage(event, mismatch) {
    const head = `A previous execution of this orchestration scheduled a sub-orchestration task with sequence ID ${event.EventId} and name '${event.Name ?? ''}' (version '${event.Version ?? ''}', instance ID '${event.InstanceId ?? ''}'), but the current`;
    switch (mismatch.kind) {
        case 'missing':
            return `${head} replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
        case 'type':
            return `${head} orchestration replay instead produced a ${mismatch.actual} action at this sequence number. ${TAIL}`;
        case 'name':
            return `${head} orchestration replay instead scheduled a sub-orchestration task with name ${mismatch.actualName} at this sequence number. ${TAIL}`;
    }
}
function eventSentMessage(event, mismatch) {
    const id = event.EventId;
    const name = event.Name ?? '';
    const target = event.InstanceId ?? '';
    switch (mismatch.kind) {
        case 'missing':
            return `A previous execution of this orchestration scheduled a send event task with sequence ID ${id}, type 'EventSent' name '${name}', instance ID '${target}', but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
        case 'type':
            return `A previous execution of this orchestration scheduled a send event task with sequence ID ${id}, type 'EventSent', name '${name}', instance ID '${target}', but the current orchestration replay instead scheduled a ${mismatch.actual} task at this sequence number. ${TAIL}`;
        case 'name':
            return `A previous execution of this orchestration scheduled a send event task with sequence ID ${id}, type 'EventSent', name '${name}', instance ID '${target}'), but the current orchestration replay instead scheduled a send event task with name ${mismatch.actualName}at this sequence number. ${TAIL}`;
    }
}
/** The output of an instance whose orchestrator threw (docs/runtime-rules.md §3, when the JS orchestrator threw). */
function orchestratorFailedMessage(orchestrator, error) {
    return `Orchestrator function '${orchestrator}' failed: ${error}`;
}
/**
 * DurableTaskExtension.GetInvalid{Activity,Orchestrator,Entity}FunctionMessage (docs/runtime-rules.md §4).
 * The entity message picks its sentence by the count of known orchestrators, and an app that runs
 * an orchestration knows at least one: it always lists the entities, even none ('').
 */
function missingFunctionMessage(name, type, known) {
    const info = known.length > 0 || type === 'entity'
        ? `The following are the known ${type} functions: '${known.join("', '")}'.`
        : `No ${type} functions are currently registered!`;
    return `The function '${name}' doesn't exist, is disabled, or is not an ${type === 'orchestrator' ? 'orchestrator' : type} function. Additional info: ${info}`;
}
/** TaskOrchestrationContext.LogDuplicateEvent: a completion whose id has no open task. */
function duplicateEventWarning(source, id, event) {
    const ts = event.Timestamp instanceof Date ? event.Timestamp.toISOString() : event.Timestamp;
    return `Duplicate ${source} Event: ${id}, type: ${source}, ts: ${ts}`;
}


/***/ }),

/***/ 9859:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _u: () => (/* binding */ buildPayloadText),
/* harmony export */   ew: () => (/* binding */ replaySchemaFor),
/* harmony export */   nI: () => (/* binding */ buildPayload),
/* harmony export */   zh: () => (/* binding */ REPLAY_SCHEMAS)
/* harmony export */ });
/* unused harmony export provesSchemaV4 */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9410);
/* harmony import */ var _history_events_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(961);
/* harmony import */ var _history_load_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8716);
/**
 * The orchestration trigger payload the Durable Functions extension sends a JavaScript
 * orchestrator (docs/runtime-rules.md §5).
 *
 * Schema version (docs/runtime-rules.md §12): `upperSchemaVersion` is 1 (V2) for old SDKs;
 * `upperSchemaVersionNew` is what current SDKs read: 2 (V3) from extensions 2.7 to 3.12 (what
 * the generally available extension bundles carry), 3 (V4) from 3.13, which `context.df.lock()`
 * needs. Unless told, we send V4 when the history proves it (a lock was requested) and V3
 * otherwise. The SDK takes min(what it supports, what we send).
 *
 * Timer settings are the Azure Storage provider's defaults: maximum short timer 6 days, long
 * timers split into 3-day intervals (DurableTaskOptions / AzureStorageDurabilityProvider).
 */



/** The replay schemas an extension advertises in upperSchemaVersionNew. */
const REPLAY_SCHEMAS = { V3: 2, V4: 3 };
/**
 * The payload as the worker hands it to the orchestrator: the parsed form of what the host sends.
 * The SDK converts Timestamp strings in it to Dates in place, so a payload serves one run.
 */
function buildPayload(history, options = {}) {
    const events = history.events;
    let startedIndex = -1;
    let isReplaying = false;
    for (let i = 0; i < events.length; i++) {
        const type = events[i].EventType;
        if (type === _history_events_js__WEBPACK_IMPORTED_MODULE_1__/* .EventType */ .Bx.ExecutionStarted && startedIndex < 0)
            startedIndex = i;
        // The extension reports isReplaying when the batch starts with events already played.
        else if (type === _history_events_js__WEBPACK_IMPORTED_MODULE_1__/* .EventType */ .Bx.OrchestratorStarted && startedIndex >= 0)
            isReplaying = true;
    }
    const started = events[startedIndex];
    const parent = started?.ParentInstance?.OrchestrationInstance?.InstanceId;
    let input = null;
    if ((0,_history_load_js__WEBPACK_IMPORTED_MODULE_2__/* .isPayloadReference */ ._x)(started?.Input)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .HistoryError */ .tx(history.source, `ExecutionStarted.Input is a Blob Storage reference the SDK wrote in place of a large input (${started.Input}), not the input: the code cannot run without it. ${(0,_history_load_js__WEBPACK_IMPORTED_MODULE_2__/* .referenceAdvice */ .ky)(started.Input)}`, startedIndex);
    }
    if (typeof started?.Input === 'string' && started.Input !== '') {
        try {
            input = JSON.parse(started.Input);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .HistoryError */ .tx(history.source, 'ExecutionStarted.Input is not valid JSON text; the runtime stores the orchestration input as JSON.', startedIndex);
        }
    }
    return {
        history: history.events,
        input,
        instanceId: history.instanceId,
        isReplaying,
        parentInstanceId: parent ?? null,
        upperSchemaVersion: 1,
        upperSchemaVersionNew: options.upperSchemaVersionNew ?? REPLAY_SCHEMAS[replaySchemaFor(history, options)],
        longRunningTimerIntervalDuration: options.longRunningTimerIntervalDuration ?? '3.00:00:00',
        maximumShortTimerDuration: options.maximumShortTimerDuration ?? '6.00:00:00',
        defaultHttpAsyncRequestSleepTimeMillseconds: 30000,
    };
}
/** The payload as JSON text, the form the host sends over the wire. */
function buildPayloadText(history, options = {}) {
    return JSON.stringify(buildPayload(history, options));
}
/** The schema a replay of this history advertises: the one asked for, else V4 when the history proves it, else V3. */
function replaySchemaFor(history, options = {}) {
    return options.schema ?? (provesSchemaV4(history) ? 'V4' : 'V3');
}
/**
 * Only schema V4 hosts take lock requests: an EventSent 'op' whose request names a lock set, or a
 * 'release', proves the host advertised V4. Nothing else in a history records the schema.
 */
function provesSchemaV4(history) {
    return history.events.some((event) => {
        if (event.EventType !== _history_events_js__WEBPACK_IMPORTED_MODULE_1__/* .EventType */ .Bx.EventSent)
            return false;
        if (event.Name === 'release')
            return true;
        return event.Name === 'op' && typeof event.Input === 'string' && /"lockset"\s*:\s*\[/i.test(event.Input);
    });
}


/***/ }),

/***/ 6653:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   IP: () => (/* binding */ flattenActions),
/* harmony export */   VZ: () => (/* binding */ sourceName),
/* harmony export */   Z6: () => (/* binding */ withSources),
/* harmony export */   oL: () => (/* binding */ perturbedDivergence),
/* harmony export */   qc: () => (/* binding */ installSourcesForGood),
/* harmony export */   su: () => (/* binding */ unsteadyRuns)
/* harmony export */ });
/* unused harmony exports PERTURB_SOURCES, CLOCK_SHIFT_MS, newRecording */
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8995);
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_module__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _app_native_require_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8564);
/* harmony import */ var _actions_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6446);
/* harmony import */ var _locate_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4487);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(8921);
/**
 * Perturbed replay (`replay --perturb`): what the recorded history cannot show. A replay that
 * matches the history can still depend on the wall clock, on random numbers or ids, or on the
 * environment, and break on a later replay when those answer differently. So the orchestrator
 * runs once more with them answering differently (the clock moved by a large odd amount, every
 * Math.random value moved by half its range, new random ids, the environment variables it read
 * unset or set), and everything the two runs scheduled is compared. Runs inside the replay worker;
 * the replaced globals are put back when each run ends.
 */






const PERTURB_SOURCES = ['clock', 'random', 'env'];
/** 400 days, 13 h 17 min 29.371 s: no calendar field (weekday, hour, minute, second, ms) stays put. */
const CLOCK_SHIFT_MS = (400 * 24 * 3600 + 13 * 3600 + 17 * 60 + 29) * 1000 + 371;
function newRecording() {
    return { values: { date: [], perf: [], random: [], crypto: [] }, envKeys: new Map(), reads: {}, used: new Set() };
}
// Node's own require: node:crypto's CommonJS exports are the object other modules call into.
const nodeRequire = (0,_app_native_require_js__WEBPACK_IMPORTED_MODULE_2__/* .nativeCreateRequire */ .f)(import.meta.url);
let active;
/** Installed for the worker's life (before the app loads, so that what it captures at load goes through them too). */
let installedForGood = false;
const MAX_READS = 5;
function read(source, what, from) {
    const run = active;
    run.recording.used.add(source);
    const reads = (run.recording.reads[source] ??= []);
    if (reads.length >= MAX_READS)
        return;
    const holder = {};
    Error.captureStackTrace(holder, from);
    const location = (0,_locate_js__WEBPACK_IMPORTED_MODULE_4__/* .userLocation */ .hI)(holder.stack, run.appDir);
    if (!location)
        return;
    if (reads.some((r) => r.what === what && r.location.file === location.file && r.location.line === location.line))
        return;
    // The first frame is a package's (uuid, nanoid): the user's line is where that package was called.
    const first = holder.stack?.split('\n')[1] ?? '';
    reads.push({ what, location, ...(/node_modules/.test(first) ? { throughPackage: true } : {}) });
}
/** The i-th answer of a kind in the active run: the baseline's (moved when perturbed), or the real one. */
function answer(kind, real, moved, perturbed) {
    const run = active;
    const i = run.recording.values[kind].length;
    const before = run.baseline?.values[kind][i];
    const value = before === undefined ? real() : perturbed ? moved(before) : before;
    run.recording.values[kind].push(value);
    return value;
}
/**
 * Replaces Date, performance.now, Math.random, crypto's random functions and process.env with
 * versions that answer for the active run (and pass through when none is). Returns how to put
 * the real ones back.
 */
function install() {
    const restore = [];
    const replace = (target, key, value) => {
        const descriptor = Object.getOwnPropertyDescriptor(target, key);
        // node:crypto's getRandomValues cannot be replaced (non-configurable): the Web Crypto one it calls is.
        if (descriptor && !descriptor.configurable)
            return;
        Object.defineProperty(target, key, { value, configurable: true, writable: true, enumerable: descriptor?.enumerable ?? false });
        restore.push(() => (descriptor ? Object.defineProperty(target, key, descriptor) : delete target[key]));
    };
    // The wall clock: Date.now(), new Date(), Date(), performance.now().
    const RealDate = Date;
    const shift = () => (active?.perturb.has('clock') ? CLOCK_SHIFT_MS : 0);
    const clock = () => answer('date', () => RealDate.now() + shift(), (before) => before + CLOCK_SHIFT_MS, shift() !== 0);
    function PerturbedDate(...args) {
        if (!new.target) {
            if (!active)
                return RealDate();
            read('clock', 'Date()', PerturbedDate);
            return new RealDate(clock()).toString();
        }
        if (args.length === 0 && active) {
            read('clock', 'new Date()', PerturbedDate);
            return Reflect.construct(RealDate, [clock()], new.target);
        }
        return Reflect.construct(RealDate, args, new.target);
    }
    // It must look like Date to code that does not read the clock: its name, its length, its statics,
    // and what its instances say their constructor is.
    Object.setPrototypeOf(PerturbedDate, RealDate);
    PerturbedDate.prototype = RealDate.prototype;
    Object.defineProperty(PerturbedDate, 'name', { value: 'Date', configurable: true });
    Object.defineProperty(PerturbedDate, 'length', { value: RealDate.length, configurable: true });
    for (const key of ['UTC', 'parse'])
        Object.defineProperty(PerturbedDate, key, { value: Reflect.get(RealDate, key), configurable: true, writable: true });
    replace(RealDate.prototype, 'constructor', PerturbedDate);
    const now = () => {
        if (!active)
            return RealDate.now();
        read('clock', 'Date.now()', now);
        return clock();
    };
    Object.defineProperty(PerturbedDate, 'now', { value: now, configurable: true, writable: true });
    replace(globalThis, 'Date', PerturbedDate);
    const realPerformanceNow = performance.now.bind(performance);
    const performanceNow = () => {
        if (!active)
            return realPerformanceNow();
        read('clock', 'performance.now()', performanceNow);
        return answer('perf', () => realPerformanceNow() + shift(), (before) => before + CLOCK_SHIFT_MS, shift() !== 0);
    };
    replace(performance, 'now', performanceNow);
    const realHrtime = process.hrtime;
    const shiftNs = () => BigInt(shift()) * 1000000n;
    const hrtime = Object.assign((previous) => {
        if (!active)
            return realHrtime(previous);
        read('clock', 'process.hrtime()', hrtime);
        const ns = answer('perf', () => Number(realHrtime.bigint() + shiftNs()), (before) => before + CLOCK_SHIFT_MS * 1e6, shift() !== 0);
        const now = [Math.floor(ns / 1e9), ns % 1e9];
        if (!previous)
            return now;
        const diff = (now[0] - previous[0]) * 1e9 + (now[1] - previous[1]);
        return [Math.floor(diff / 1e9), diff % 1e9];
    }, {
        bigint: () => {
            if (!active)
                return realHrtime.bigint();
            read('clock', 'process.hrtime.bigint()', hrtime.bigint);
            return BigInt(answer('perf', () => Number(realHrtime.bigint() + shiftNs()), (before) => before + CLOCK_SHIFT_MS * 1e6, shift() !== 0));
        },
    });
    replace(process, 'hrtime', hrtime);
    // Randomness: Math.random moved by half its range; crypto's answers new.
    const realRandom = Math.random;
    const random = () => {
        if (!active)
            return realRandom();
        read('random', 'Math.random()', random);
        return answer('random', realRandom, (before) => (before + 0.5) % 1, active.perturb.has('random'));
    };
    replace(Math, 'random', random);
    const wrapCrypto = (target, name) => {
        const real = target[name];
        if (typeof real !== 'function')
            return;
        const fills = name === 'randomFillSync' || name === 'getRandomValues';
        const wrapped = (...args) => {
            if (!active)
                return real.apply(target, args);
            read('random', `crypto.${name}()`, wrapped);
            const fresh = () => {
                const value = real.apply(target, args);
                if (Buffer.isBuffer(value))
                    return Buffer.from(value);
                // Filled in place: what was filled is the answer.
                return fills ? Uint8Array.from(new Uint8Array(args[0].buffer, args[0].byteOffset, args[0].byteLength)) : value;
            };
            const value = answer('crypto', fresh, fresh, active.perturb.has('random'));
            // A Buffer answered again is a copy: the code may have changed the one it got the first time.
            if (!fills)
                return Buffer.isBuffer(value) ? Buffer.from(value) : value;
            const filled = args[0];
            const bytes = new Uint8Array(filled.buffer, filled.byteOffset, filled.byteLength);
            if (value instanceof Uint8Array && value.length === bytes.length)
                bytes.set(value);
            return filled;
        };
        replace(target, name, wrapped);
    };
    const crypto = nodeRequire('node:crypto');
    for (const name of ['randomUUID', 'randomBytes', 'randomInt', 'randomFillSync', 'getRandomValues'])
        wrapCrypto(crypto, name);
    const web = globalThis.crypto;
    if (web)
        for (const name of ['randomUUID', 'getRandomValues'])
            wrapCrypto(web, name);
    (0,node_module__WEBPACK_IMPORTED_MODULE_0__.syncBuiltinESMExports)();
    // The environment: each variable the baseline read is unset when it was set, and set when it was not.
    // Names Object.prototype gives every object (hasOwnProperty, toString) are not variables.
    const isVariable = (target, key) => typeof key === 'string' && (Object.hasOwn(target, key) || !(key in Object.prototype));
    const envGet = (target, key, receiver) => {
        const value = Reflect.get(target, key, receiver);
        const run = active;
        if (!run || !isVariable(target, key))
            return value;
        if (!run.recording.envKeys.has(key))
            run.recording.envKeys.set(key, value);
        read('env', `process.env.${key}`, envGet);
        if (!run.perturb.has('env') || !run.baseline?.envKeys.has(key))
            return value;
        return run.baseline.envKeys.get(key) === undefined ? 'durable-gate-perturbed' : undefined;
    };
    // 'X' in process.env: read as a variable too, and answered as the perturbed value says.
    const envHas = (target, key) => {
        const has = Reflect.has(target, key);
        const run = active;
        if (!run || !isVariable(target, key))
            return has;
        if (!run.recording.envKeys.has(key))
            run.recording.envKeys.set(key, target[key]);
        read('env', `'${key}' in process.env`, envHas);
        if (!run.perturb.has('env') || !run.baseline?.envKeys.has(key))
            return has;
        return run.baseline.envKeys.get(key) === undefined;
    };
    replace(process, 'env', new Proxy(process.env, { get: envGet, has: envHas }));
    return () => {
        for (const undo of restore.reverse())
            undo();
        (0,node_module__WEBPACK_IMPORTED_MODULE_0__.syncBuiltinESMExports)();
    };
}
/**
 * For the replay worker of a perturbed replay: the replacements stay for the worker's life,
 * installed before the app loads, so that a function the app captures when it loads
 * (`const { randomUUID } = require('crypto')`, `const now = Date.now`) answers for the runs too.
 */
function installSourcesForGood() {
    if (installedForGood)
        return;
    install();
    installedForGood = true;
}
/**
 * Runs `run` with the sources in `perturb` answering differently from `baseline` (a run recorded
 * with nothing perturbed) and the others answering exactly as they did in it, so that two runs
 * differ only by what is perturbed. Without a baseline nothing is replaced: the run is recorded.
 */
async function withSources(appDir, perturb, baseline, run) {
    // One run at a time: the replaced globals answer for one run (replays asked for together wait their turn).
    const previous = queue;
    let done;
    queue = new Promise((resolvePromise) => (done = resolvePromise));
    await previous;
    const undo = installedForGood ? undefined : install();
    const recording = newRecording();
    active = { appDir, perturb, ...(baseline ? { baseline } : {}), recording };
    try {
        const value = await run();
        return { value, recording };
    }
    finally {
        active = undefined;
        undo?.();
        done();
    }
}
let queue = Promise.resolve();
/** How a source is named in messages. */
function sourceName(source) {
    return source === 'clock' ? 'the wall clock' : source === 'random' ? 'randomness' : 'the environment';
}
/** What the user's code should use instead. */
function sourceAdvice(source) {
    switch (source) {
        case 'clock':
            return 'use context.df.currentUtcDateTime (the time recorded for this point of the orchestration) instead of the wall clock';
        case 'random':
            return 'use context.df.newGuid(context.df.instanceId) for ids, and take random values as input or from an activity (its result is recorded)';
        case 'env':
            return 'pass settings in as the orchestration input, or read them in an activity';
    }
}
function scheduledBy(outcome) {
    const state = outcome.state;
    const actions = state && Array.isArray(state.actions) ? flattenActions(state.actions) : [];
    const end = outcome.kind === 'threw'
        ? `throws ${outcome.message}`
        : JSON.stringify({ done: outcome.state.isDone, output: outcome.state.output ?? null, customStatus: outcome.state.customStatus ?? null });
    // A compound action (Task.any, Task.all) is compared without its children: they follow it, and the one that differs is named.
    return { actions, keys: actions.map((a) => JSON.stringify(a.compoundActions ? { ...a, compoundActions: a.compoundActions.length } : a)), end };
}
/** Every action in the order the SDK produced them, compound children after their parent. */
function flattenActions(actions) {
    const out = [];
    const visit = (action) => {
        out.push(action);
        for (const child of action.compoundActions ?? [])
            visit(child);
    };
    for (const set of actions)
        for (const action of (set ?? []))
            visit(action);
    return out;
}
function firstDifference(a, b) {
    const n = Math.max(a.keys.length, b.keys.length);
    for (let i = 0; i < n; i++) {
        if (a.keys[i] === b.keys[i])
            continue;
        const first = a.actions[i];
        const second = b.actions[i];
        let what;
        if (!first || !second)
            what = first ? 'schedules nothing there' : 'schedules a call the first run did not';
        else if (first.actionType !== second.actionType || ((0,_actions_js__WEBPACK_IMPORTED_MODULE_3__/* .describeAction */ .u7)(first).name ?? '') !== ((0,_actions_js__WEBPACK_IMPORTED_MODULE_3__/* .describeAction */ .u7)(second).name ?? ''))
            what = 'schedules another call';
        else if (JSON.stringify(first.fireAt) !== JSON.stringify(second.fireAt))
            what = 'schedules the timer for another time';
        else if (JSON.stringify(first.input) !== JSON.stringify(second.input))
            what = 'passes another input';
        else
            what = 'schedules it differently (options, ids)';
        if (!second && b.end.startsWith('throws '))
            what = `throws before it (${b.end.slice(7).split('\n')[0]})`;
        return { index: i, ...(first ? { first } : {}), ...(second ? { second } : {}), what };
    }
    if (a.end === b.end)
        return undefined;
    const what = b.end.startsWith('throws ')
        ? `throws (${b.end.slice(7).split('\n')[0]}) where the first run did not`
        : a.end.startsWith('throws ')
            ? 'does not throw where the first run did'
            : 'ends with another output or custom status';
    return { index: n, what, atEnd: true };
}
function shown(action) {
    return action ? (0,_actions_js__WEBPACK_IMPORTED_MODULE_3__/* .callPhrase */ .gH)(action) : 'nothing';
}
/** Where the code read the sources: "Date.now() at src/f.ts:12, new Date() at src/f.ts:20". */
function readPlaces(reads) {
    return (reads
        // The file's name only: reports show paths relative to where they run, and this text is made in the worker.
        .map((r) => `${r.what}${r.throughPackage ? ' (through a package)' : ''}${r.location ? ` at ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(r.location.file)}:${r.location.line}` : ''}`)
        .join(', '));
}
/**
 * The perturbed replay of a history whose recorded steps matched: the orchestrator again with
 * the sources answering otherwise. A difference is told with its cause (each source alone,
 * checked by a run of its own) and every place the user's code read it; a difference between two
 * runs with nothing perturbed is something that changes between runs that the replay cannot hold
 * still (module state, I/O, a package that draws random ids ahead).
 */
async function perturbedDivergence(appDir, invoke, first, baseline) {
    const expected = scheduledBy(first);
    const runWith = async (sources) => {
        const run = await withSources(appDir, new Set(sources), baseline, invoke);
        return { ...run, diff: firstDifference(expected, scheduledBy(run.value)) };
    };
    // Every source is perturbed, read or not: one read out of sight still shows, through the control run.
    const all = await runWith([...PERTURB_SOURCES]);
    if (!all.diff)
        return undefined;
    const read = PERTURB_SOURCES.filter((s) => baseline.used.has(s) || all.recording.used.has(s));
    const control = await runWith([]);
    const diff = all.diff;
    const base = {
        sequenceId: diff.index,
        recorded: { event: shown(diff.first), eventIndex: -1 },
        ...(diff.second ? { replayed: (0,_actions_js__WEBPACK_IMPORTED_MODULE_3__/* .describeAction */ .u7)(diff.second) } : {}),
    };
    if (control.diff) {
        const randomRead = baseline.reads.random ?? [];
        const maybe = randomRead.length > 0
            ? ` Randomness was read (${readPlaces(randomRead.map((r) => ({ ...r, source: 'random' })))}): a package that draws random bytes ahead (nanoid, uuid with options) answers from its own pool, which no run can hold still.`
            : '';
        return {
            ...base,
            message: productionSays(control.diff),
            explanation: `Perturbed replay: two runs of the same history with nothing changed already schedule differently (at action ${control.diff.index}, ${control.diff.what}). The orchestrator depends on something that changes from run to run and that the history does not hold: a module-level variable or cache, I/O, or randomness the replay cannot see.${maybe}`,
            ...(randomRead[0]?.location ? { location: randomRead[0].location } : {}),
            advice: 'Keep orchestrator state in local variables (or an entity), do I/O in activities, and take ids from context.df.newGuid; `durable-gate lint` points at module state, I/O and randomness in orchestrator code.',
            perturbed: { sources: [], first: shown(diff.first), second: shown(control.diff.second), what: control.diff.what },
        };
    }
    // Which source: each alone, in a run of its own (none read: each of them, read out of sight).
    const candidates = read.length > 0 ? read : [...PERTURB_SOURCES];
    const causes = [];
    if (candidates.length === 1)
        causes.push(candidates[0]);
    else
        for (const source of candidates)
            if ((await runWith([source])).diff)
                causes.push(source);
    const blamed = causes.length > 0 ? causes : candidates;
    const reads = blamed.flatMap((s) => (all.recording.reads[s] ?? baseline.reads[s] ?? []).map((r) => ({ ...r, source: s })));
    const located = reads.find((r) => r.location);
    const named = blamed
        .map((s) => {
        const places = reads.filter((r) => r.source === s);
        return places.length > 0 ? `${sourceName(s)} (${readPlaces(places)})` : `${sourceName(s)}, read where the replay could not see it`;
    })
        .join(' and ');
    const where = diff.atEnd ? 'At the end of the run' : `At action ${diff.index}`;
    return {
        ...base,
        message: productionSays(diff),
        explanation: `Perturbed replay: the recorded steps match, but what the code does depends on ${named}. ${where} the first run ${diff.atEnd ? 'ends one way' : `schedules ${shown(diff.first)}`}; a second run with ${blamed.map(moved).join(' and ')} ${diff.what}. A replay at another time, on another machine or with other settings decides otherwise than the run that wrote the history.`,
        ...(located?.location ? { location: located.location } : {}),
        advice: `${capitalised(blamed.map(sourceAdvice).join('; '))}. This is a bug in the code itself, whatever is deployed: fix it, and keep the recorded path for instances in flight if the fix changes what they schedule.`,
        perturbed: {
            sources: blamed,
            first: diff.atEnd ? 'the end of the run' : shown(diff.first),
            second: diff.atEnd ? 'the end of the run' : shown(diff.second),
            what: diff.what,
            ...(located ? { read: `${located.what}${located.throughPackage ? ' (through a package)' : ''}` } : {}),
        },
    };
}
/**
 * For a history the new code diverges from: does the code schedule differently from one run to
 * the next with the same history? Then the divergence may come from that rather than from a
 * change; said, with where the code reads the clock, randomness or the environment.
 */
async function unsteadyRuns(appDir, invoke, first, baseline) {
    const again = await withSources(appDir, new Set(PERTURB_SOURCES), baseline, invoke);
    if (!firstDifference(scheduledBy(first), scheduledBy(again.value)))
        return undefined;
    const reads = PERTURB_SOURCES.flatMap((s) => (baseline.reads[s] ?? []).map((r) => ({ ...r, source: s })));
    return `Note: on the same history this orchestrator also schedules differently when the clock, randomness or the environment answer otherwise${reads.length > 0 ? ` (it reads ${readPlaces(reads)})` : ''}, so the run that recorded the history may simply have decided otherwise: that is a bug in the code itself (durable-gate lint shows where), not necessarily a change.`;
}
/** What production shows for such a difference, by what differs. */
function productionSays(diff) {
    if (diff.what.startsWith('schedules the timer for another time'))
        return 'Nothing at first: the recorded timer fires at the recorded time. But the code computes another time at every replay: what it decides from that time differs between replays, and a timer beyond maximumShortTimerDuration (6 days), which the SDK continues in shorter timers toward that time, never reaches it, so the instance never finishes.';
    if (diff.what === 'passes another input')
        return 'Nothing: the runtime does not compare inputs, and the instance goes on with other data than the history recorded.';
    if (diff.atEnd && diff.what.startsWith('ends with'))
        return 'Nothing: the runtime does not compare outputs or custom statuses; what the instance reports differs from one replay to the next.';
    if (diff.what.includes('throws'))
        return "The instance fails with the orchestrator's error on a replay that takes the throwing path, and completes on one that does not.";
    return `${_messages_js__WEBPACK_IMPORTED_MODULE_5__/* .NONDETERMINISM_PREFIX */ .Eu}... once a replay schedules something else at a step the history recorded (DurableTask.Core names the step and both calls).`;
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
function moved(source) {
    return source === 'clock'
        ? 'the clock moved by about 400 days'
        : source === 'random'
            ? 'other random numbers and ids'
            : 'the environment variables it read changed';
}


/***/ }),

/***/ 7180:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AN: () => (/* binding */ isProblem),
/* harmony export */   GW: () => (/* binding */ problemsOf),
/* harmony export */   Jw: () => (/* binding */ REPLAY_REPORT_SCHEMA),
/* harmony export */   Rr: () => (/* binding */ exitCodeFor),
/* harmony export */   eh: () => (/* binding */ summarize)
/* harmony export */ });
const REPLAY_REPORT_SCHEMA = 'durable-gate.replay-report/v1';
/** Not plain ok: broken, not checked, or ok with warnings. */
function isProblem(result) {
    return result.verdict !== 'ok' || (result.warnings?.length ?? 0) > 0;
}
/** The results a report has to explain (see isProblem), in order. */
function problemsOf(report) {
    return 'problems' in report ? report.problems : report.results.filter(isProblem);
}
function summarize(results) {
    const summary = { total: 0, ok: 0, nondeterministic: 0, failed: 0, error: 0 };
    for (const result of results) {
        summary.total += 1;
        summary[result.verdict] += 1;
    }
    return summary;
}
/**
 * Exit code of `replay` (design.md): 0 all ok; 1 the new code breaks an instance
 * (nondeterministic or failed); 2 a history could not be checked. 1 wins over 2.
 */
function exitCodeFor(summary) {
    if (summary.nondeterministic > 0 || summary.failed > 0)
        return 1;
    if (summary.error > 0)
        return 2;
    return 0;
}


/***/ }),

/***/ 6225:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   JV: () => (/* binding */ simulate),
/* harmony export */   Qr: () => (/* binding */ DEFAULT_RUNTIME_OPTIONS),
/* harmony export */   nN: () => (/* binding */ stateRejection)
/* harmony export */ });
/* harmony import */ var _history_events_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(961);
/* harmony import */ var _history_request_ids_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4500);
/* harmony import */ var _actions_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6446);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8921);
/**
 * A model of what production does with the actions a JavaScript orchestrator returns: the
 * extension's OutOfProcOrchestrationShim feeds them to DurableTask.Core one at a time (awaiting
 * each before the next), while DurableTask.Core's TaskOrchestrationExecutor walks the history in
 * order and checks every recorded scheduling event against the actions registered so far, by
 * sequence id. Continuations run inline (SynchronousTaskScheduler), so a completion event resumes
 * the shim before the next event is processed. See docs/runtime-rules.md for each rule's source.
 */




/** A .NET Task in the model. */
class SimTask {
    done = false;
    faulted = false;
    /** The completion event, for the few rules that read a result (callHttp's 202 polling). */
    result;
    /** An entity response that can never arrive: the extension waits under another request id. */
    stranded;
    /** Task.WhenAll / Task.WhenAny: what this task waits on. */
    compound;
    waiters = [];
    complete(faulted, result) {
        if (this.done)
            return;
        this.done = true;
        this.faulted = faulted;
        if (result)
            this.result = result;
        const waiters = this.waiters;
        this.waiters = [];
        for (const waiter of waiters)
            waiter();
    }
    then(callback) {
        if (this.done)
            callback();
        else
            this.waiters.push(callback);
    }
    static completed(faulted = false) {
        const task = new SimTask();
        task.complete(faulted);
        return task;
    }
}
const DAY = 24 * 60 * 60 * 1000;
/** The extension's RetryOptions.DefaultMaxRetryinterval, used when the SDK sends no maximum. */
const DEFAULT_MAX_RETRY_INTERVAL_MS = 6 * DAY;
const DEFAULT_RUNTIME_OPTIONS = {
    maximumShortTimerMs: 6 * DAY,
    longTimerIntervalMs: 3 * DAY,
    httpPollingIntervalMs: 30_000,
};
/** Run the model over one history with the action list the SDK returned. */
function simulate(events, actions, schemaVersion, options) {
    return new RuntimeModel(events, options).run(actions, schemaVersion);
}
class RuntimeModel {
    events;
    options;
    idCounter = 0;
    registered = new Map();
    openTasks = new Map();
    eventWaiters = new Map();
    /** Events raised before any wait, in order, by name in any letter case (the extension's queue). */
    bufferedEvents = new Map();
    now = 0;
    warnings = [];
    uses = [];
    refusals = [];
    /** What the report should say that changes no verdict (an event name that differs in case). */
    notes = [];
    matched = [];
    shimFinished = false;
    /** The entities the critical section holds ("@name@key", sorted). */
    lockedEntities = [];
    /** The current episode's OrchestratorStarted Timestamp as recorded (request ids use its ticks). */
    nowText;
    /** How the extension printed episode times into request ids, when the history shows it (§16); null until asked. */
    requestIdZone = null;
    guidCounter = 0;
    /** DurableOrchestrationContext.IsLongRunningTimer: set by a long timer, cleared when one ends. */
    longTimerRunning = false;
    /** TaskOrchestrationExecutor: events held while suspended, applied on ExecutionResumed. */
    suspended = false;
    heldWhileSuspended = [];
    /** Timers cancelled by the code: DurableTask.Core drops their open task, so their firing is expected. */
    cancelledTimers = new Set();
    /** What the shim awaits when it stops: the task whose completion would let it go on. */
    blockedOn;
    constructor(events, options) {
        this.events = events;
        this.options = options;
    }
    run(actions, schemaVersion) {
        let mismatch;
        for (let index = 0; index < this.events.length && !mismatch; index++) {
            mismatch = this.apply(this.events[index], index, actions, schemaVersion);
        }
        // A suspended instance goes on when it is resumed: judge what the held events do then (at the
        // last episode's time, the earliest the resume can come).
        const suspended = this.suspended;
        if (suspended && !mismatch && !this.options.holdWhileSuspended)
            mismatch = this.resume(actions, schemaVersion);
        const newWork = [...this.registered.values()]
            .sort((a, b) => a.id - b.id)
            .map(({ id, cls, name, source, detail }) => ({ id, cls, name, source, ...(detail ? { detail } : {}) }));
        const stranded = mismatch || this.shimFinished || !this.blockedOn ? undefined : strandedCause(this.blockedOn);
        return {
            ...(mismatch ? { mismatch } : {}),
            warnings: this.warnings,
            shimFinished: this.shimFinished,
            newWork,
            uses: this.uses,
            refusals: this.refusals,
            notes: this.notes,
            ...(stranded ? { stranded } : {}),
            suspended,
            openTasks: this.openTasks.size,
            matched: this.matched,
        };
    }
    /**
     * TaskOrchestrationExecutor.ExecuteCore and ProcessEvent: OrchestratorStarted always sets the
     * current time; while suspended every other event but ExecutionResumed and ExecutionTerminated
     * is held, and ExecutionResumed applies the held ones in order, at the resume episode's time
     * (docs/runtime-rules.md §16).
     */
    apply(event, index, actions, schemaVersion) {
        if (event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.OrchestratorStarted) {
            this.now = timeOf(event.Timestamp);
            this.nowText = this.options.recordedTimestamps?.[index] ?? event.Timestamp;
            return undefined;
        }
        if (this.suspended && event.EventType !== _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionResumed && event.EventType !== _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionTerminated) {
            if (event.EventType !== _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionSuspended)
                this.heldWhileSuspended.push({ event, index });
            return undefined;
        }
        if (event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionSuspended) {
            this.suspended = true;
            return undefined;
        }
        if (event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionResumed)
            return this.resume(actions, schemaVersion);
        return this.process(event, index, actions, schemaVersion);
    }
    /** TaskOrchestrationContext.HandleExecutionResumedEvent: the held events, in order, now. */
    resume(actions, schemaVersion) {
        this.suspended = false;
        for (const { event, index } of this.heldWhileSuspended.splice(0)) {
            const mismatch = this.apply(event, index, actions, schemaVersion);
            if (mismatch)
                return mismatch;
        }
        return undefined;
    }
    // ------------------------------------------------------------------ history side (DTFx)
    process(event, index, actions, schemaVersion) {
        switch (event.EventType) {
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionStarted:
                this.startShim(actions, schemaVersion);
                return undefined;
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.TaskScheduled:
                return this.match(event, index, 'ScheduleTaskOrchestratorAction', event.Name ?? '', _messages_js__WEBPACK_IMPORTED_MODULE_3__/* .taskScheduledMessage */ .CD);
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.TimerCreated:
                // EventId -100 is FrameworkConstants.FakeTimerIdToSplitDecision: skipped unchecked.
                if (event.EventId === -100)
                    return undefined;
                return this.match(event, index, 'CreateTimerOrchestratorAction', undefined, _messages_js__WEBPACK_IMPORTED_MODULE_3__/* .timerCreatedMessage */ .xS);
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.SubOrchestrationInstanceCreated:
                return this.match(event, index, 'CreateSubOrchestrationAction', event.Name ?? '', _messages_js__WEBPACK_IMPORTED_MODULE_3__/* .subOrchestrationCreatedMessage */ .FO);
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.EventSent:
                return this.match(event, index, 'SendEventOrchestratorAction', event.Name ?? '', _messages_js__WEBPACK_IMPORTED_MODULE_3__/* .eventSentMessage */ .uk);
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.TaskCompleted:
                return this.completeTask(event, event.TaskScheduledId, false, 'TaskCompleted');
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.TaskFailed:
                return this.completeTask(event, event.TaskScheduledId, true, 'TaskFailed');
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.SubOrchestrationInstanceCompleted:
                return this.completeTask(event, event.TaskScheduledId, false, 'SubOrchestrationInstanceCompleted');
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.SubOrchestrationInstanceFailed:
                return this.completeTask(event, event.TaskScheduledId, true, 'SubOrchestrationInstanceFailed');
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.TimerFired:
                // A timer the code cancelled has no open task any more; its firing is expected, not a duplicate.
                if (typeof event.TimerId === 'number' && this.cancelledTimers.has(event.TimerId))
                    return undefined;
                return this.completeTask(event, event.TimerId, false, 'TimerFired');
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.EventRaised:
                this.raise(event.Name ?? '');
                return undefined;
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.OrchestratorStarted:
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionCompleted:
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionFailed:
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionTerminated:
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.OrchestratorCompleted:
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ContinueAsNew:
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.GenericEvent:
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.HistoryState:
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionSuspended:
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionResumed:
            case _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.ExecutionRewound:
                return undefined;
        }
    }
    match(event, index, expected, name, message) {
        const id = event.EventId;
        const action = this.registered.get(id);
        let mismatch;
        if (!action)
            mismatch = { kind: 'missing' };
        else if (action.cls !== expected)
            mismatch = { kind: 'type', actual: action.cls };
        else if (name !== undefined && name.toLowerCase() !== action.name.toLowerCase())
            mismatch = { kind: 'name', actualName: action.name };
        if (mismatch) {
            return {
                sequenceId: id,
                eventIndex: index,
                event,
                mismatch,
                ...(action ? { action: action.source } : {}),
                message: _messages_js__WEBPACK_IMPORTED_MODULE_3__/* .NONDETERMINISM_PREFIX */ .Eu + message(event, mismatch),
            };
        }
        this.registered.delete(id);
        if (expected === 'ScheduleTaskOrchestratorAction' || expected === 'CreateSubOrchestrationAction')
            this.matched.push({ sequenceId: id, event, action: action.source });
        action.onSent?.(event, index);
        return undefined;
    }
    completeTask(event, id, faulted, source) {
        const task = typeof id === 'number' ? this.openTasks.get(id) : undefined;
        if (!task || id === undefined) {
            this.warnings.push((0,_messages_js__WEBPACK_IMPORTED_MODULE_3__/* .duplicateEventWarning */ .W$)(source, id ?? -1, event));
            return undefined;
        }
        this.openTasks.delete(id);
        task.complete(faulted, event);
        return undefined;
    }
    /**
     * DurableOrchestrationContext.RaiseEvent: the newest waiter for the name (any letter case) gets
     * the event, so that a wait abandoned by a Task.any in a loop does not swallow it; with no
     * waiter, events are kept in order for the next wait (docs/runtime-rules.md §10).
     */
    raise(name) {
        const key = name.toLowerCase();
        const waiters = this.eventWaiters.get(key);
        const waiter = waiters?.pop();
        if (waiter) {
            if (waiters.length === 0)
                this.eventWaiters.delete(key);
            this.checkEventName(name, waiter.name);
            waiter.task.complete(false);
        }
        else {
            this.bufferedEvents.set(key, [...(this.bufferedEvents.get(key) ?? []), name]);
        }
    }
    waitForEvent(name) {
        const key = name.toLowerCase();
        const buffered = this.bufferedEvents.get(key);
        if (buffered?.length) {
            const raised = buffered.shift();
            if (buffered.length === 0)
                this.bufferedEvents.delete(key);
            this.checkEventName(raised, name);
            return SimTask.completed();
        }
        const task = new SimTask();
        const waiters = this.eventWaiters.get(key) ?? [];
        waiters.push({ task, name });
        this.eventWaiters.set(key, waiters);
        return task;
    }
    /**
     * The extension matches event names in any letter case, the SDK exactly (docs/runtime-rules.md
     * §10): an event that differs from its wait only in case reaches the extension's waiter but
     * never the code, which waits for ever unless an event with the exact name comes.
     */
    checkEventName(raised, waited) {
        if (raised !== waited)
            this.notes.push(`the event '${raised}' reaches the wait for '${waited}' in the extension, which matches names in any letter case, but the SDK matches them exactly: the code never sees it and waits until an event named exactly '${waited}' is raised`);
    }
    // ------------------------------------------------------------------ DTFx context APIs
    register(cls, name, source, onSent, detail) {
        const id = this.idCounter++;
        const action = { id, cls, name, source };
        if (onSent)
            action.onSent = onSent;
        if (detail)
            action.detail = detail;
        this.registered.set(id, action);
        const task = new SimTask();
        this.openTasks.set(id, task);
        return { id, task };
    }
    scheduleTask(name, source) {
        return this.register('ScheduleTaskOrchestratorAction', name, source).task;
    }
    createTimer(source, fireAt) {
        return this.register('CreateTimerOrchestratorAction', '', source, undefined, { fireAt }).task;
    }
    /**
     * A timer of the code's: when the code cancelled it (isCanceled), the shim cancels its token
     * right after creating it, and DurableTask.Core drops its open task (CreateTimer's cancellation
     * callback): the orchestration may complete before it fires, and its TimerFired is no duplicate.
     */
    codeTimer(source, fireAt) {
        const { id, task } = this.register('CreateTimerOrchestratorAction', '', source, undefined, { fireAt });
        if (!source.isCanceled)
            return task;
        this.openTasks.delete(id);
        this.cancelledTimers.add(id);
        return undefined;
    }
    sendEvent(name, source, onSent, detail) {
        const { id } = this.register('SendEventOrchestratorAction', name, source, onSent, detail);
        // A send has no completion event: nothing waits on its id.
        this.openTasks.delete(id);
    }
    /**
     * DurableOrchestrationContext.CallHttpAsync (docs/runtime-rules.md §11): one CallHttp action runs
     * the whole asynchronous pattern. While the answer is a 202 and polling is on, a timer (one id,
     * never split) and then another BuiltIn::HttpActivity to the Location (one id) follow; any other
     * status ends it. A Retry-After that is not a whole number of seconds, or a 202 without a
     * Location, faults the call where the extension throws.
     */
    callHttp(action) {
        const result = new SimTask();
        const polling = action.httpRequest?.asynchronousPatternEnabled !== false;
        const poll = (location) => {
            const call = this.register('ScheduleTaskOrchestratorAction', _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .HTTP_ACTIVITY */ .ji, action, undefined, location === undefined ? undefined : { pollLocation: location }).task;
            call.then(() => {
                const response = call.faulted ? undefined : httpResponseOf(call.result);
                if (!response || !polling || response.statusCode !== 202)
                    return result.complete(call.faulted);
                const retryAfter = headerOf(response.headers, 'retry-after');
                if (retryAfter !== undefined && !/^\s*\d+\s*$/.test(retryAfter))
                    return result.complete(true);
                const next = headerOf(response.headers, 'location');
                const waitMs = retryAfter === undefined ? this.options.httpPollingIntervalMs : Number(retryAfter) * 1000;
                this.createTimer(action, this.now + waitMs).then(() => (next === undefined ? result.complete(true) : poll(next)));
            });
        };
        poll();
        return result;
    }
    /**
     * RetryInterceptor.Invoke: the retry id layout of docs/runtime-rules.md §3. With at most zero
     * attempts its loop never runs: no id, and the call succeeds at once with no result (§13).
     */
    withRetry(options, attempt, source) {
        const maxAttempts = options?.maxNumberOfAttempts ?? 1;
        if (!(maxAttempts >= 1))
            return SimTask.completed();
        const result = new SimTask();
        const firstAttempt = this.now;
        const run = (retryCount) => {
            const call = attempt();
            call.then(() => {
                if (!call.faulted)
                    return result.complete(false);
                // The last attempt is checked first: DTFx then always waits on a "Dummy timer for
                // back-compat", whatever the retry timeout says; only earlier attempts compute a delay.
                if (retryCount + 1 >= maxAttempts)
                    return this.createTimer(source, this.now).then(() => result.complete(true));
                const delay = this.nextRetryDelay(options, retryCount, firstAttempt);
                if (delay <= 0)
                    return result.complete(true);
                this.createTimer(source, this.now + delay).then(() => run(retryCount + 1));
            });
        };
        run(0);
        return result;
    }
    /**
     * RetryInterceptor.ComputeNextDelay with the values RetryOptionsConverter reads: a field the SDK
     * sent is taken as it is, zero included (a zero timeout or maximum interval ends the retries);
     * a missing one keeps the extension's default (no timeout, at most 6 days between attempts).
     */
    nextRetryDelay(options, attempt, firstAttempt) {
        if (!options)
            return 0;
        const timeout = options.retryTimeoutInMilliseconds;
        if (typeof timeout === 'number' && !(this.now < firstAttempt + timeout))
            return 0;
        const delay = options.firstRetryIntervalInMilliseconds * Math.pow(options.backoffCoefficient ?? 1, attempt);
        const max = options.maxRetryIntervalInMilliseconds ?? DEFAULT_MAX_RETRY_INTERVAL_MS;
        return delay < max ? delay : max;
    }
    /**
     * IDurableOrchestrationContext.CreateTimer: timers longer than the provider's maximum are split.
     * The context's IsLongRunningTimer flag is set by a long timer and cleared only when a timer
     * loop ends: a timer created while it is still set (a long timer lost a Task.any, or was
     * cancelled) runs the loop too, and one whose time has passed then takes no id at all.
     */
    timer(action) {
        const fireAt = action.fireAt instanceof Date ? action.fireAt.getTime() : Date.parse(String(action.fireAt));
        const long = fireAt - this.now > this.options.maximumShortTimerMs;
        if (!long && !this.longTimerRunning)
            return this.codeTimer(action, fireAt) ?? SimTask.completed(true);
        if (long)
            this.longTimerRunning = true;
        // Each piece fires at most one interval later; FireAt is never compared, only the count matters.
        const result = new SimTask();
        const done = () => {
            this.longTimerRunning = false;
            result.complete(false);
        };
        const next = () => {
            if (!(this.now < fireAt))
                return done();
            const piece = this.codeTimer(action, Math.min(fireAt, this.now + this.options.longTimerIntervalMs));
            // Cancelled: the await throws, and the flag stays set.
            if (!piece)
                return result.complete(true);
            piece.then(() => (fireAt - this.now <= 0 ? done() : next()));
        };
        next();
        return result;
    }
    // ------------------------------------------------------------------ the extension's shim
    /** OutOfProcOrchestrationShim.InvokeAPIFromAction. */
    invoke(action) {
        switch (action.actionType) {
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.CallActivity:
                return this.callFunction(action, 'activity', () => this.scheduleTask(action.functionName ?? '', action));
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.CallActivityWithRetry:
                return this.callFunction(action, 'activity', () => this.withRetry(action.retryOptions, () => this.scheduleTask(action.functionName ?? '', action), action));
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.CallSubOrchestrator:
                return this.callFunction(action, 'orchestrator', () => this.register('CreateSubOrchestrationAction', action.functionName ?? '', action).task);
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.CallSubOrchestratorWithRetry:
                return this.callFunction(action, 'orchestrator', () => this.withRetry(action.retryOptions, () => this.register('CreateSubOrchestrationAction', action.functionName ?? '', action).task, action));
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.CallHttp:
                return this.callHttp(action);
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.CreateTimer:
                return this.timer(action);
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.WaitForExternalEvent:
                return this.waitForEvent(action.externalEventName ?? '');
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.CallEntity:
                return this.callFunction(action, 'entity', () => this.entityRequest(action, 'op', true));
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.SignalEntity:
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.ScheduledSignalEntity: {
                // Signals wait synchronously in the extension: the missing entity's exception escapes the
                // shim's loop and fails the orchestration; no later action is invoked (§4). SDK signals are
                // never inside a Task.all, so a task that never completes stops the loop here.
                if (!this.use(action, 'entity'))
                    return new SimTask();
                const name = action.actionType === _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.ScheduledSignalEntity ? `op@${new Date(String(action.fireAt)).toISOString()}` : 'op';
                return this.entityRequest(action, name, false);
            }
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.LockEntities: {
                // LockAsync sends one lock request, to the first entity in sorted order, then waits.
                const lockSet = action.lockSet ?? [];
                for (const entity of lockSet) {
                    if (!this.use({ ...action, instanceId: (0,_actions_js__WEBPACK_IMPORTED_MODULE_2__/* .schedulerIdOf */ .gS)(entity) }, 'entity'))
                        return SimTask.completed(true);
                }
                this.lockedEntities = lockSet.map(_actions_js__WEBPACK_IMPORTED_MODULE_2__/* .schedulerIdOf */ .gS).sort();
                return this.entityRequest(action, 'op', true, this.lockedEntities);
            }
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.ReleaseEntities: {
                // ReleaseLocks sends one "release" per entity held.
                const held = this.lockedEntities;
                for (let i = 0; i < Math.max(1, held.length); i++)
                    this.sendEvent('release', action, undefined, held[i] === undefined ? undefined : { target: held[i] });
                this.lockedEntities = [];
                return SimTask.completed();
            }
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.ContinueAsNew:
                return SimTask.completed();
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.WhenAll:
            case _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.WhenAny: {
                const children = (action.compoundActions ?? []).map((child) => this.invoke(child));
                const result = new SimTask();
                const any = action.actionType === _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.WhenAny;
                if (children.length === 0)
                    return SimTask.completed();
                result.compound = { any, children };
                let remaining = children.length;
                for (const child of children) {
                    child.then(() => {
                        remaining -= 1;
                        if (any || remaining === 0)
                            result.complete(false);
                    });
                }
                return result;
            }
            default:
                return SimTask.completed(true);
        }
    }
    /**
     * An entity call, signal or lock request (DurableOrchestrationContext.CallDurableTaskFunctionAsync,
     * LockAsync; docs/runtime-rules.md §16): NewGuid names the request after the instance, the
     * episode's time and a counter; one EventSent carries it, and a call or lock then waits for the
     * EventRaised named after that id.
     *
     * A request that reaches its recorded EventSent has the recorded counter (every request before
     * it matched a recorded request), so its id is the recorded one exactly when it is made in the
     * episode that sent it. Made in another episode, its id differs where the history shows how the
     * extension made its ids: nobody answers it. Otherwise the recorded id is taken as it is. (No
     * hashing on the common path: ids are only made when the episodes differ.)
     */
    entityRequest(action, name, awaitsResponse, lockSet) {
        const counter = this.guidCounter++;
        const madeAt = this.nowText;
        const response = awaitsResponse ? new SimTask() : SimTask.completed();
        const sequenceId = this.idCounter;
        // Made only when asked (new work in the local runtime): no hashing on the replay's path.
        const detail = { requestId: () => this.requestIdAt(madeAt, counter), ...(lockSet ? { lockSet } : {}) };
        this.sendEvent(name, action, (sent, eventIndex) => {
            if (!awaitsResponse)
                return;
            const recorded = requestOf(sent);
            if (recorded === undefined)
                return;
            const strand = (requestId) => {
                response.stranded = { sequenceId, eventIndex, event: sent, action, recordedId: recorded.id, requestId, recordedSignal: recorded.signal };
            };
            // The step was sent as a signal: the entity answers nothing, whatever the id.
            if (recorded.signal)
                return strand(this.requestIdAt(madeAt, counter) ?? recorded.id);
            if (!sameInstant(madeAt, this.nowText)) {
                const requestId = this.requestIdAt(madeAt, counter);
                if (requestId !== undefined && requestId !== recorded.id.toLowerCase())
                    return strand(requestId);
            }
            this.waitForEvent(recorded.id).then(() => response.complete(false));
        }, detail);
        return response;
    }
    /** DurableOrchestrationContext.NewGuid for a request made at `time` as the `counter`th, when the history shows the form of its ids. */
    requestIdAt(time, counter) {
        if (this.options.instanceId === undefined)
            return undefined;
        if (this.requestIdZone === null)
            this.requestIdZone = requestIdZoneOf(this.events, this.options.instanceId, this.options.recordedTimestamps) ?? this.options.requestIdZone;
        if (this.requestIdZone === undefined)
            return undefined;
        const text = (0,_history_request_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .roundTripTime */ .Zk)(time, this.requestIdZone);
        return text === undefined ? undefined : (0,_history_request_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .extensionRequestId */ .oi)(this.options.instanceId, text, counter);
    }
    use(action, kind) {
        const name = kind === 'entity' ? ((0,_actions_js__WEBPACK_IMPORTED_MODULE_2__/* .entityNameOf */ .GA)(action.instanceId) ?? '') : (action.functionName ?? '');
        this.uses.push({ name, kind, action });
        return this.options.exists(name, kind);
    }
    /** CallDurableTaskFunctionAsync checks the function exists; the check's exception lands in the
     * returned task, which the shim swallows: no id is taken and the code waits forever. */
    callFunction(action, kind, schedule) {
        const refused = this.refusal(action);
        if (refused) {
            this.refusals.push({ action, reason: refused });
            return SimTask.completed(true);
        }
        if (!this.use(action, kind))
            return SimTask.completed(true);
        return schedule();
    }
    /**
     * What CallDurableTaskFunctionAsync throws before it takes an id (docs/runtime-rules.md §13):
     * a retry interval longer than the provider's longest timer, a sub-orchestration id that is
     * the instance's own, its parent's, or an entity's ('@').
     */
    refusal(action) {
        const retry = action.actionType === _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.CallActivityWithRetry || action.actionType === _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.CallSubOrchestratorWithRetry ? action.retryOptions : undefined;
        for (const field of ['maxRetryIntervalInMilliseconds', 'firstRetryIntervalInMilliseconds']) {
            const value = retry?.[field];
            if (typeof value === 'number' && value > this.options.maximumShortTimerMs)
                return `its retry option ${field} (${value} ms) is longer than the provider's longest timer: "The Azure Storage provider supports a maximum of 6 days for time-based delays"`;
        }
        if (action.actionType !== _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.CallSubOrchestrator && action.actionType !== _actions_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionType */ .X2.CallSubOrchestratorWithRetry)
            return undefined;
        const id = action.instanceId;
        if (!id)
            return undefined;
        if (id.startsWith('@'))
            return `its instance id '${id}' starts with '@', which only entities' ids may`;
        if (id.toLowerCase() === this.options.instanceId?.toLowerCase())
            return `its instance id '${id}' is the orchestration's own`;
        if (id.toLowerCase() === this.options.parentInstanceId?.toLowerCase())
            return `its instance id '${id}' is the parent orchestration's`;
        return undefined;
    }
    /** ReplayOOProcOrchestration: V2+ feeds actions one by one; V1 per yield, awaiting any. */
    startShim(actions, schemaVersion) {
        if (schemaVersion >= 1) {
            const list = (actions[0] ?? []);
            let next = 0;
            const step = () => {
                while (next < list.length) {
                    const task = this.invoke(list[next++]);
                    if (!task.done) {
                        this.blockedOn = task;
                        return task.then(step);
                    }
                }
                this.blockedOn = undefined;
                this.shimFinished = true;
            };
            step();
            return;
        }
        let set = 0;
        const stepSet = () => {
            while (set < actions.length) {
                const tasks = (actions[set++] ?? []).map((a) => this.invoke(a));
                if (tasks.length > 0 && !tasks.some((t) => t.done)) {
                    let resumed = false;
                    this.blockedOn = Object.assign(new SimTask(), { compound: { any: true, children: tasks } });
                    for (const task of tasks)
                        task.then(() => (resumed ? undefined : ((resumed = true), stepSet())));
                    return;
                }
            }
            this.blockedOn = undefined;
            this.shimFinished = true;
        };
        stepSet();
    }
}
const RETRY_INT_FIELDS = ['firstRetryIntervalInMilliseconds', 'maxNumberOfAttempts', 'maxRetryIntervalInMilliseconds', 'retryTimeoutInMilliseconds'];
const MAX_CUSTOM_STATUS_KB = 16;
/**
 * OutOfProcOrchestrationShim.ScheduleDurableTaskEvents reads the whole answer first
 * (RetryOptionsConverter reads each retry field as a 32-bit int: a larger value is an
 * OverflowException), then sets the custom status (MessagePayloadDataConverter: at most 16 KB in
 * UTF-16), and only then replays the actions. Either exception fails the orchestration with no
 * action taken (docs/runtime-rules.md §13).
 */
function stateRejection(state) {
    const visit = (action) => {
        const retry = action.retryOptions;
        for (const field of RETRY_INT_FIELDS) {
            const value = retry?.[field];
            if (typeof value === 'number' && !(Math.round(value) >= -2_147_483_648 && Math.round(value) <= 2_147_483_647)) {
                return {
                    message: 'Value was either too large or too small for an Int32.',
                    reason: `the retry option ${field} (${value}) does not fit the 32-bit integer the extension reads it as (at most 2147483647 ms, about 24.8 days)`,
                    action,
                };
            }
        }
        for (const child of action.compoundActions ?? []) {
            const found = visit(child);
            if (found)
                return found;
        }
        return undefined;
    };
    for (const set of state.actions) {
        for (const action of (set ?? [])) {
            const found = action && typeof action === 'object' ? visit(action) : undefined;
            if (found)
                return found;
        }
    }
    if (state.customStatus === undefined || state.customStatus === null)
        return undefined;
    const text = JSON.stringify(state.customStatus);
    // String payloads in Azure Storage are UTF-16: two bytes per JavaScript code unit.
    const kb = Math.floor((text.length * 2) / 1024);
    if (kb <= MAX_CUSTOM_STATUS_KB)
        return undefined;
    return {
        message: `The UTF-16 size of the JSON-serialized payload must not exceed ${MAX_CUSTOM_STATUS_KB} KB. The current payload size is ${kb.toLocaleString('en-US')} KB.`,
        reason: `the custom status is ${kb} KB as the extension measures it (JSON in UTF-16), over its limit of ${MAX_CUSTOM_STATUS_KB} KB`,
    };
}
/** The request an entity message's EventSent carries (RequestMessage "id" and "signal"). */
function requestOf(sent) {
    try {
        const input = typeof sent.Input === 'string' ? JSON.parse(sent.Input) : undefined;
        const { id, signal } = input && typeof input === 'object' ? input : {};
        return typeof id === 'string' && id !== '' ? { id, signal: signal === true } : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * How the extension printed episode times into this instance's request ids, if the history
 * proves it: every recorded request (an EventSent 'op' or 'op@<time>') must carry the id NewGuid
 * gives the nth request at the episode that sent it. Anything else (ids from another runtime,
 * times cut to milliseconds on the way) leaves the recorded ids to be trusted as they are.
 */
function requestIdZoneOf(events, instanceId, timestamps) {
    let episode;
    let counter = 0;
    let zone;
    for (const [index, event] of events.entries()) {
        if (event.EventType === _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.OrchestratorStarted)
            episode = timestamps?.[index] ?? event.Timestamp;
        if (event.EventType !== _history_events_js__WEBPACK_IMPORTED_MODULE_0__/* .EventType */ .Bx.EventSent || !(event.Name === 'op' || event.Name?.startsWith('op@')))
            continue;
        const recorded = requestOf(event)?.id.toLowerCase();
        const candidates = zone === undefined ? ['Z', ''] : [zone];
        zone = candidates.find((z) => {
            const time = (0,_history_request_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .roundTripTime */ .Zk)(episode, z);
            return time !== undefined && (0,_history_request_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .extensionRequestId */ .oi)(instanceId, time, counter) === recorded;
        });
        if (zone === undefined)
            return undefined;
        counter += 1;
    }
    return zone;
}
/** Two episode times: the same text, or the same instant (a Date the SDK made, or another spelling). */
function sameInstant(a, b) {
    return a === b || (0,_history_request_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .roundTripTime */ .Zk)(a) === (0,_history_request_ids_js__WEBPACK_IMPORTED_MODULE_1__/* .roundTripTime */ .Zk)(b);
}
/** Why a task the shim awaits can never complete: an entity response it waits for under an id nobody answers. */
function strandedCause(task) {
    if (task.done)
        return undefined;
    if (task.stranded)
        return task.stranded;
    if (!task.compound)
        return undefined;
    let first;
    for (const child of task.compound.children) {
        if (child.done)
            continue;
        const cause = strandedCause(child);
        // Task.any goes on when any open child can complete; Task.all stops at any that cannot.
        if (task.compound.any && !cause)
            return undefined;
        if (!task.compound.any && cause)
            return cause;
        first ??= cause;
    }
    return task.compound.any ? first : undefined;
}
/** The SDK may have turned Timestamps into Dates in place. */
function timeOf(value) {
    return value instanceof Date ? value.getTime() : Date.parse(String(value));
}
/** The DurableHttpResponse a BuiltIn::HttpActivity completion carries, when it parses as one. */
function httpResponseOf(event) {
    if (typeof event?.Result !== 'string')
        return undefined;
    try {
        const value = JSON.parse(event.Result);
        return value && typeof value === 'object' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** A response header by name in any letter case (the extension copies them OrdinalIgnoreCase); the first value of a list. */
function headerOf(headers, name) {
    if (!headers || typeof headers !== 'object')
        return undefined;
    for (const [key, value] of Object.entries(headers)) {
        if (key.toLowerCase() !== name)
            continue;
        const first = Array.isArray(value) ? value[0] : value;
        return typeof first === 'string' || typeof first === 'number' ? String(first) : undefined;
    }
    return undefined;
}


/***/ }),

/***/ 8526:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Pt: () => (/* binding */ DF_VERSION_SINCE),
/* harmony export */   R: () => (/* binding */ checkVersionBump),
/* harmony export */   fb: () => (/* binding */ readVersionFile),
/* harmony export */   jZ: () => (/* binding */ atLeast),
/* harmony export */   mm: () => (/* binding */ adviseOn),
/* harmony export */   x2: () => (/* binding */ renderAdvice)
/* harmony export */ });
/* unused harmony exports nextName, movedUp */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _replay_result_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7180);
/**
 * What to do when the new code breaks in-flight instances: the options of Microsoft's guidance
 * (Durable Functions versioning; zero-downtime deployment), said for this change: drain with the
 * gate, deploy side by side under a new task hub, ship the change under a new orchestrator name,
 * or use orchestration versioning (host.json defaultVersion and a branch on context.df.version).
 * Also the --require-version-bump policy: a breaking change must move defaultVersion (or a
 * version file) up a minor or major version over the versions the broken instances recorded.
 */


// A perturbed replay's finding is a bug in the code itself (it reads the clock, randomness, the
// environment): draining, a new hub or a new name do not fix it; its own advice says what does.
const breaks = (r) => (r.verdict === 'nondeterministic' && !r.divergence?.perturbed) || r.verdict === 'failed';
/** Next name in a series: OrderHub → OrderHubV2, OrderHubV2 → OrderHubV3. */
function nextName(name) {
    const match = /^([\s\S]*?)(?:V(\d+))?$/.exec(name);
    return `${match[1]}V${match[2] ? Number(match[2]) + 1 : 2}`;
}
// No semver package: only major and minor are compared, on versions written loosely ("v2", "1.4") that strict semver refuses.
/** major.minor.patch, missing parts 0; undefined when not a version. */
function parseVersion(text) {
    const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
    return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}
/** a moved up a minor or major version over b ('' or unparsable b counts as below any version). */
function movedUp(a, b) {
    const x = parseVersion(a);
    const y = parseVersion(b);
    if (!x)
        return false;
    if (!y)
        return true;
    return x[0] > y[0] || (x[0] === y[0] && x[1] > y[1]);
}
function suggestVersion(current, recorded) {
    const highest = [current ?? '', ...recorded]
        .map(parseVersion)
        .filter((v) => v !== undefined)
        .sort((p, q) => p[0] - q[0] || p[1] - q[1])
        .at(-1);
    return highest ? `${highest[0]}.${highest[1] + 1}` : '1.0';
}
/** context.df.version came with durable-functions 3.2.0 (DurableOrchestrationContext.version). */
const DF_VERSION_SINCE = '3.2.0';
/** version is floor or later (a version that does not parse counts as later). */
function atLeast(version, floor) {
    const x = parseVersion(version);
    const y = parseVersion(floor);
    if (!x)
        return true;
    for (let i = 0; i < 3; i++)
        if (x[i] !== y[i])
            return x[i] > y[i];
    return true;
}
function adviseOn(report, host, appShown, app = {}) {
    const broken = (0,_replay_result_js__WEBPACK_IMPORTED_MODULE_1__/* .problemsOf */ .GW)(report).filter(breaks);
    if (broken.length === 0)
        return undefined;
    // Instances, not histories: a folder may hold one instance at several points (the local runtime's
    // inFlightHistories(), records taken at different times).
    const instancesOf = new Map();
    for (const r of broken)
        instancesOf.set(r.orchestrator, (instancesOf.get(r.orchestrator) ?? new Set()).add(r.instanceId || r.source));
    const counts = new Map([...instancesOf].map(([name, ids]) => [name, ids.size]));
    const names = [...counts.keys()];
    const brokenInstances = [...counts.values()].reduce((sum, n) => sum + n, 0);
    // An orchestrator the new app no longer has (removed or renamed) has no code to branch in or to version.
    const removed = new Set(broken.filter((r) => r.failure?.missingFunction?.kind === 'orchestration').map((r) => r.orchestrator));
    const changed = names.filter((n) => !removed.has(n));
    const changedBroken = broken.filter((r) => !removed.has(r.orchestrator));
    const recorded = [...new Set(changedBroken.map((r) => r.version ?? ''))];
    const section = host?.section ?? 'extensions.durableTask';
    const hubSetting = /^%([^%]+)%$/.exec(host?.hubName ?? '')?.[1];
    const newHub = hubSetting
        ? `the app setting ${hubSetting} (host.json hubName %${hubSetting}%) set to a new value, such as its current value + "V2"`
        : `${section}.hubName ${host?.hubName ? `"${nextName(host.hubName)}"` : 'set to an explicit, new name'}`;
    // Every place the new code breaks, each once, with its orchestrator.
    const places = new Map();
    for (const r of changedBroken) {
        const where = r.divergence?.location ?? r.failure?.location;
        if (where)
            places.set(`${where.file}:${where.line}`, r.orchestrator);
    }
    const at = [...places].map(([place, orchestrator]) => (changed.length > 1 ? `${place} (${orchestrator})` : place));
    // Every version the broken instances were started with keeps the old path; none means an empty version.
    const condition = recorded.length === 1
        ? recorded[0]
            ? `context.df.version === '${recorded[0]}'`
            : '!context.df.version'
        : `[${recorded.map((v) => `'${v}'`).join(', ')}].includes(context.df.version ?? '')`;
    const nextVersion = suggestVersion(host?.defaultVersion, recorded);
    const dfVersion = app.durableFunctionsVersion;
    const upgrade = dfVersion && !atLeast(dfVersion, DF_VERSION_SINCE)
        ? `This app's durable-functions is ${dfVersion}, which has no context.df.version (it came in ${DF_VERSION_SINCE}): upgrade it first (npm install durable-functions@^3.2, on the v4 programming model). Then set `
        : 'Set ';
    const options = [
        {
            option: 'drain',
            title: 'Drain first',
            detail: `Let the ${brokenInstances} broken instance(s) finish on the code that started them before this code reaches their task hub: durable-gate gate --app ${appShown} --wait-for breaking waits for exactly these and lets the others continue on the new code.`,
        },
        {
            option: 'side-by-side',
            title: 'Side by side',
            detail: `Deploy this version with a new task hub (${newHub}): new instances start there, and the previous version keeps its hub (in another app or slot) until its instances finish.`,
        },
    ];
    if (removed.size > 0) {
        const gone = [...removed];
        options.push({
            option: 'keep-orchestrator',
            title: gone.length > 1 ? 'Keep the removed orchestrators' : 'Keep the removed orchestrator',
            detail: `The new app has no ${gone.map((n) => `'${n}'`).join(', ')}: keep ${gone.length > 1 ? 'them' : 'it'} registered, as recorded, until ${gone.length > 1 ? 'their' : 'its'} ${gone.reduce((sum, n) => sum + counts.get(n), 0)} in-flight instance(s) finish. A rename is a removal for instances already running: register the new name beside the old one and start new instances with the new name. Or terminate those instances deliberately.`,
        });
    }
    if (changed.length > 0) {
        options.push({
            option: 'versioned-name',
            title: 'New orchestrator name',
            detail: `Ship the change as ${changed.map((n) => `${nextName(n)} (beside ${n})`).join(', ')}, start new instances with the new name, and keep ${changed.join(', ')} as recorded until their in-flight instances finish.`,
        }, {
            option: 'orchestration-versioning',
            title: 'Orchestration versioning',
            detail: `${upgrade}${section}.defaultVersion in host.json to ${nextVersion} (now ${host?.defaultVersion ?? 'not set'}; the broken instances recorded ${recorded.map((v) => (v === '' ? 'no version' : v)).join(', ')}) and keep the recorded path for older instances with a branch on context.df.version${at.length > 0 ? ` at ${at.join(', ')}` : ''}.`,
            snippet: `if (${condition}) {\n  // the sequence of calls these instances recorded, unchanged\n} else {\n  // the new sequence\n}`,
        });
    }
    return { broken: names.map((orchestrator) => ({ orchestrator, instances: counts.get(orchestrator) })), options };
}
/** The version a version file names: a JSON file's "version" (package.json), or the file's text. */
function readVersionFile(path) {
    const text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8').trim();
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed === 'string')
            return parsed;
        if (parsed && typeof parsed === 'object' && typeof parsed.version === 'string')
            return parsed.version;
    }
    catch {
        // not JSON: the text is the version
    }
    return text;
}
function checkVersionBump(report, newVersion, from) {
    const broken = (0,_replay_result_js__WEBPACK_IMPORTED_MODULE_1__/* .problemsOf */ .GW)(report).filter(breaks);
    if (broken.length === 0)
        return undefined;
    const recorded = [...new Set(broken.map((r) => r.version ?? ''))];
    const behind = recorded.filter((v) => !newVersion || !movedUp(newVersion, v));
    const shown = (v) => (v === '' ? 'no version' : v);
    if (behind.length > 0) {
        return {
            required: true,
            ...(newVersion ? { newVersion } : {}),
            from,
            recorded,
            ok: false,
            message: `--require-version-bump: the new code breaks instances started with ${behind.map(shown).join(', ')}, and ${from} ${newVersion ? `says ${newVersion}, which is not a minor or major version above` : 'sets no version above'} ${behind.length > 1 ? 'them' : 'it'}. Raise it (e.g. to ${suggestVersion(newVersion, recorded)}) and keep the old path for those instances with a branch on context.df.version.`,
        };
    }
    return {
        required: true,
        ...(newVersion ? { newVersion } : {}),
        from,
        recorded,
        ok: true,
        message: `${from} moved up to ${newVersion} over ${recorded.map(shown).join(', ')}. Instances started before still run on this code (the runtime lets newer workers continue older instances): the replay above shows whether it keeps their path.`,
    };
}
function renderAdvice(advice) {
    const lines = ['', 'What you can do:'];
    advice.options.forEach((o, i) => {
        lines.push(`  ${i + 1}. ${o.title}: ${o.detail}`);
        if (o.snippet)
            lines.push(...o.snippet.split('\n').map((l) => `       ${l}`));
    });
    return lines;
}


/***/ }),

/***/ 1941:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Uh: () => (/* binding */ groupProblems),
/* harmony export */   g$: () => (/* binding */ printable),
/* harmony export */   pb: () => (/* binding */ problemLines),
/* harmony export */   u8: () => (/* binding */ problemSummary),
/* harmony export */   w7: () => (/* binding */ textChunks)
/* harmony export */ });
/* unused harmony exports printableLines, where, renderText, detailLines */
/* harmony import */ var _replay_perturb_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6653);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _history_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1626);
/* harmony import */ var _advice_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(8526);
/* harmony import */ var _replay_result_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7180);
/** The human report: one line per instance, then each problem in full, then a summary. */





const MARK = { ok: '✓', nondeterministic: '✗', failed: '✗', error: '!' };
/**
 * Values from histories (ids, names, messages) shown with control characters escaped, never raw:
 * a newline or an escape sequence in an instance id must not forge a line of the report or a
 * terminal command.
 */
function printable(text) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, escapeControl);
}
/** printable() for messages whose lines are the report's own: newlines kept. */
function printableLines(text) {
    return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, escapeControl);
}
const escapeControl = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
function where(location, cwd) {
    if (!location)
        return undefined;
    return `${(0,_history_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(location.file, cwd)}:${location.line}${location.column ? `:${location.column}` : ''}`;
}
/**
 * Is the file named after the instance: <instance id>.json, as record names it (percent-encoded),
 * or with other characters in place of those a file name cannot hold ("order-7:approval" as
 * order-7-approval.json)?
 */
function namedAfter(source, instanceId) {
    let name = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(source).replace(/\.json$/i, '');
    try {
        name = decodeURIComponent(name);
    }
    catch {
        // not percent-encoded
    }
    const loose = (text) => text.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
    return name === instanceId || loose(name) === loose(instanceId);
}
function renderText(report, options = {}) {
    return [...textChunks(report, options)].join('');
}
/** The text report a line at a time (see renderText): 100,000 histories are never one string. */
function* textChunks(report, options = {}) {
    const paint = (code, text) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
    const problems = (0,_replay_result_js__WEBPACK_IMPORTED_MODULE_4__/* .problemsOf */ .GW)(report);
    for (const r of options.quiet ? problems : report.results) {
        const mark = r.verdict === 'ok' ? paint(32, MARK.ok) : r.verdict === 'error' ? paint(33, MARK.error) : paint(31, MARK[r.verdict]);
        // The history's file too when its name is not the instance's (several histories of one instance).
        const id = printable(r.instanceId && namedAfter(r.source, r.instanceId)
            ? r.instanceId
            : r.instanceId
                ? `${r.instanceId} [${(0,_history_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(r.source, options.cwd)}]`
                : (0,_history_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(r.source, options.cwd));
        const extra = r.warnings?.length ? `  (${r.warnings.length} warning${r.warnings.length > 1 ? 's' : ''})` : '';
        yield `${mark} ${id}  ${printable(r.orchestrator) || (r.verdict === 'error' ? '(not read)' : '?')}  ${r.verdict}${extra}\n`;
    }
    const lines = [];
    for (const group of groupProblems(problems, true)) {
        const r = group[0];
        lines.push('');
        const title = r.verdict === 'ok' ? 'ok, with warnings' : r.verdict;
        // One instance may be in several histories (taken at different points): named once.
        const ids = [...new Set(group.map((g) => printable(g.instanceId || (0,_history_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(g.source, options.cwd))))];
        const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
        lines.push(paint(1, r.orchestrator ? `${shown} (${printable(r.orchestrator)}): ${title}` : `${shown}: ${title}`));
        if (r.instanceId)
            lines.push(`  history:  ${printable((0,_history_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(r.source, options.cwd))}${group.length > 1 ? ` (and ${group.length - 1} more with the same problem)` : ''}`);
        lines.push(...detailLines(r, options.cwd, '  '));
    }
    if (report.advice)
        lines.push(...(0,_advice_js__WEBPACK_IMPORTED_MODULE_3__/* .renderAdvice */ .x2)(report.advice));
    const s = report.summary;
    lines.push('');
    lines.push(`${s.total} histor${s.total === 1 ? 'y' : 'ies'}: ${s.ok} ok, ${s.nondeterministic} nondeterministic, ${s.failed} failed, ${s.error} could not be checked`);
    if (s.nondeterministic + s.failed > 0) {
        lines.push('The new code would break in-flight instances. Do not deploy it over this task hub until those instances finish, or make the change safe for them.');
    }
    else if (s.error > 0) {
        lines.push('Some histories could not be checked; fix or re-export them and run again.');
    }
    if (report.versionBump)
        lines.push(report.versionBump.message);
    yield lines.join('\n') + '\n';
}
/**
 * What a problem is, line by line (step, recorded, replayed, code, why, runtime, do; or the
 * failure, the error, the warnings): the same words in the text, JUnit and SARIF reports. `pad`
 * starts each line; continuation lines line up under the first.
 */
function detailLines(r, cwd, pad = '') {
    const more = `\n${pad}${' '.repeat(10)}`;
    const indent = (text) => printableLines(text)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(more);
    const name = (text) => (text ? ` '${printable(text)}'` : '');
    const lines = [];
    if (r.divergence?.perturbed) {
        const d = r.divergence;
        const p = r.divergence.perturbed;
        if (p.first === 'the end of the run')
            lines.push(`${pad}end:      perturbed, the run ${indent(p.what)}`);
        else {
            lines.push(`${pad}${`action ${d.sequenceId}:`.padEnd(10)}first run ${p.first}`);
            lines.push(`${pad}${' '.repeat(10)}perturbed ${p.second}: ${indent(p.what)}`);
        }
        const at = where(d.location, cwd);
        if (p.sources.length > 0)
            lines.push(`${pad}cause:    ${p.sources.map(_replay_perturb_js__WEBPACK_IMPORTED_MODULE_0__/* .sourceName */ .VZ).join(' and ')}${p.read ? `: ${p.read}` : ''}${at ? ` at ${at}` : ''}`);
        lines.push(`${pad}why:      ${indent(d.explanation)}`, `${pad}runtime:  ${indent(d.message)}`, `${pad}do:       ${indent(d.advice)}`);
    }
    else if (r.divergence) {
        const d = r.divergence;
        lines.push(`${pad}${`step ${d.sequenceId}:`.padEnd(10)}recorded ${d.recorded.event}${name(d.recorded.name)} (event ${d.recorded.eventIndex})`);
        lines.push(`${pad}${' '.repeat(10)}replayed ${d.replayed ? `${d.replayed.action}${name(d.replayed.name)}` : 'nothing with this sequence id'}`);
        const at = where(d.location, cwd);
        if (at)
            lines.push(`${pad}code:     ${at}${d.replayed ? '' : ' (where the new code stops)'}`);
        lines.push(`${pad}why:      ${indent(d.explanation)}`, `${pad}runtime:  ${indent(d.message)}`, `${pad}do:       ${indent(d.advice)}`);
    }
    if (r.failure) {
        const f = r.failure;
        lines.push(`${pad}problem:  ${indent(f.message)}`);
        const at = where(f.location, cwd);
        if (at)
            lines.push(`${pad}code:     ${at}`);
        if (f.runtimeMessage)
            lines.push(`${pad}runtime:  ${indent(f.runtimeMessage)}`);
        lines.push(`${pad}do:       ${indent(f.advice)}`);
    }
    if (r.error)
        lines.push(`${pad}error:    ${indent(r.error.message)}`);
    for (const warning of r.warnings ?? [])
        lines.push(`${pad}warning:  ${indent(warning)}`);
    // A finished instance's path: where the new code parts from it.
    const path = where(r.finishedPath?.divergence?.location ?? r.finishedPath?.failure?.location, cwd);
    if (path)
        lines.push(`${pad}code:     ${path} (on the finished instance's path)`);
    return lines;
}
/**
 * Instances that break the same way, grouped: thousands can hit one change, and it is told once.
 * Results that are ok are left out, unless `withWarnings` and they carry warnings.
 */
function groupProblems(results, withWarnings = false) {
    const groups = new Map();
    for (const r of results) {
        if (r.verdict === 'ok' && !(withWarnings && (r.warnings?.length ?? 0) > 0))
            continue;
        const key = problemKey(r);
        const group = groups.get(key);
        if (group)
            group.push(r);
        else
            groups.set(key, [r]);
    }
    return [...groups.values()];
}
/** Two results with the same key are the same problem, told once. */
function problemKey(r) {
    if (r.verdict === 'error')
        return `error|${r.source}`;
    const d = r.divergence;
    const f = r.failure;
    return JSON.stringify([
        r.orchestrator.toLowerCase(),
        r.verdict,
        d ? [d.sequenceId, d.recorded.event, d.recorded.name, d.replayed, d.location, d.message] : null,
        f ? [f.message, f.location, f.runtimeMessage] : null,
        r.warnings ?? null,
    ]);
}
const step = (event, name) => `${event}${name ? ` '${name}'` : ''}`;
/** One line: what broke and where (the message of a <failure>, the first line of a SARIF result). */
function problemSummary(r, cwd, withVerdict = true) {
    const head = (rest) => (withVerdict ? `${r.verdict}${rest}` : rest.replace(/^( at |: )/, ''));
    if (r.divergence?.perturbed) {
        const p = r.divergence.perturbed;
        const at = where(r.divergence.location, cwd);
        const cause = p.sources.length > 0 ? `depends on ${p.sources.map(_replay_perturb_js__WEBPACK_IMPORTED_MODULE_0__/* .sourceName */ .VZ).join(' and ')}` : 'differs between two runs';
        return head(` (perturbed replay): ${cause}, ${p.first === 'the end of the run' ? 'at the end the run' : `action ${r.divergence.sequenceId}`} ${p.what}${at ? ` (${at})` : ''}`);
    }
    if (r.divergence) {
        const d = r.divergence;
        const at = where(d.location, cwd);
        const replayed = d.replayed ? step(d.replayed.action, d.replayed.name) : 'nothing';
        return head(` at step ${d.sequenceId}: recorded ${step(d.recorded.event, d.recorded.name)}, replayed ${replayed}${at ? ` (${at})` : ''}`);
    }
    if (r.failure) {
        const at = where(r.failure.location, cwd);
        return oneLine(head(`: ${r.failure.message}${at ? ` (${at})` : ''}`));
    }
    if (r.error)
        return oneLine(`could not be checked: ${r.error.message}`);
    return r.verdict;
}
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** The details, as the text report explains them: step, recorded vs replayed, code, runtime message, what to do. */
function problemLines(r, cwd) {
    return [
        `${r.instanceId || (0,_history_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(r.source, cwd)}${r.orchestrator ? ` (${r.orchestrator})` : ''}: ${r.verdict}`,
        `history:  ${(0,_history_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .displayPath */ .Gt)(r.source, cwd)}`,
        ...detailLines(r, cwd),
    ];
}


/***/ }),

/***/ 1967:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Uh: () => (/* binding */ writeWholeSync),
/* harmony export */   _W: () => (/* binding */ inPiecesOf),
/* harmony export */   f8: () => (/* binding */ writeWhole)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/** Report files are written whole or not at all: a killed run never leaves half a report. */


/**
 * Writes `text` (a string, or pieces of one in order) to a temporary file beside `path`, then
 * moves it into place. Without `overwrite`, an existing file is kept and the call fails with
 * EEXIST (a hard link never replaces a file).
 */
async function writeWhole(path, text, options = {}) {
    const temp = temporaryName(path);
    try {
        const file = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(temp, 'w');
        try {
            for (const piece of typeof text === 'string' ? [text] : inPiecesOf(text))
                await file.write(piece);
        }
        finally {
            await file.close();
        }
        if (options.overwrite === false) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.link)(temp, path);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        }
        else {
            // Renamed into place: the temporary name is gone, nothing to remove.
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(temp, path);
        }
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(temp, { force: true });
        throw error;
    }
}
/** The name a file is written under before it is moved into place: `<path>.<pid>.<random>.tmp`. */
function temporaryName(path) {
    return `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}
/** writeWhole for a text in hand, in this thread (replacing `path`): no trip through libuv's thread pool. */
function writeWholeSync(path, text) {
    const temp = temporaryName(path);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(temp, text);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(temp, path);
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(temp, { force: true });
        throw error;
    }
}
/** Small pieces joined into pieces of about `size` characters: one write each, not one per line. */
function* inPiecesOf(pieces, size = 1 << 16) {
    let held = [];
    let length = 0;
    for (const piece of pieces) {
        held.push(piece);
        length += piece.length;
        if (length >= size) {
            yield held.join('');
            held = [];
            length = 0;
        }
    }
    if (held.length > 0)
        yield held.join('');
}


/***/ }),

/***/ 8785:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** durable-gate's version: kept in step with package.json by a test (__tests__/cli.test.ts). */
const VERSION = '0.1.0';


/***/ }),

/***/ 7318:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _harness_app_host_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6843);
/* harmony import */ var _harness_app_worker_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3691);
/* harmony import */ var _cli_main_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1911);
/* harmony import */ var _deadline_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6683);
/**
 * The `durable-gate` executable (bundled to dist/cli/index.js). The same file also serves as the
 * replay worker: started as a replay worker process it runs the worker loop instead of the CLI.
 */




if (!(0,_harness_app_worker_js__WEBPACK_IMPORTED_MODULE_1__/* .isReplayWorker */ .WU)()) {
    (0,_harness_app_host_js__WEBPACK_IMPORTED_MODULE_0__/* .setWorkerScript */ ._f)(import.meta.url);
    const code = await (0,_cli_main_js__WEBPACK_IMPORTED_MODULE_2__/* .runProcess */ .R)(process.argv.slice(2));
    // The report is out: nothing (a request still open at a stalled service, a worker) keeps the process alive.
    await Promise.all([(0,_deadline_js__WEBPACK_IMPORTED_MODULE_3__/* .flushed */ .a6)(process.stdout), (0,_deadline_js__WEBPACK_IMPORTED_MODULE_3__/* .flushed */ .a6)(process.stderr)]);
    process.exit(code);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7593:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CK: () => (/* binding */ checkOutputFile),
/* harmony export */   Qx: () => (/* binding */ parseCommandArgs),
/* harmony export */   VU: () => (/* binding */ cliLabel),
/* harmony export */   cv: () => (/* binding */ say),
/* harmony export */   dn: () => (/* binding */ withHelpHint)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9410);
/* harmony import */ var _harness_nearest_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(447);
/**
 * The command line's side of the settings: argv parsed with node:util's parseArgs (enough for
 * flags of one or many values, and no dependency to ship), read as a SettingsInput by the same
 * names the commands declare.
 */





/** Names an option as the command line does. */
const cliLabel = (name) => `--${name}`;
/** argv for `command`: its declared options and the CLI's own. A bad flag is a usage error that points at the help. */
function parseCommandArgs(command, args, spec, own = {}, allowPositionals = false) {
    const options = { help: { type: 'boolean', short: 'h' }, ...own };
    for (const [name, kind] of Object.entries(spec))
        options[name] = kind === 'flag' ? { type: 'boolean' } : kind === 'list' ? { type: 'string', multiple: true } : { type: 'string' };
    let parsed;
    try {
        parsed = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.parseArgs)({ args, options, strict: true, allowPositionals });
    }
    catch (error) {
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${describeArgsError(error, Object.keys(options))} Run 'durable-gate ${command} --help'.`);
    }
    const values = parsed.values;
    return {
        values,
        positionals: parsed.positionals,
        input: {
            text: (name) => {
                const value = values[name];
                return typeof value === 'string' && value !== '' ? value : undefined;
            },
            flag: (name) => values[name] === true,
            list: (name) => {
                const value = values[name];
                return Array.isArray(value) ? value : [];
            },
            label: cliLabel,
            passed: (name, value) => `--${name} ${value} passed`,
        },
    };
}
/** What a command says while it works goes to stderr, after the tool's name. */
const say = (io, prefix = '') => (message) => {
    io.stderr.write(`durable-gate: ${prefix}${message}\n`);
};
/** A usage error ends with where the options are described. */
function withHelpHint(command, read) {
    try {
        return read();
    }
    catch (error) {
        throw error instanceof _harness_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb ? new _harness_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`${error.message} Run 'durable-gate ${command} --help'.`) : error;
    }
}
/** node:util parseArgs errors, said plainly. */
function describeArgsError(error, known) {
    const message = (0,_harness_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(error);
    const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
    switch (error.code ?? '') {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
            const near = option ? (0,_harness_nearest_js__WEBPACK_IMPORTED_MODULE_4__/* .nearestName */ .q)(option.replace(/^-+/, '').split('=')[0], known) : undefined;
            return `Unknown option '${option ?? message}'.${near ? ` Did you mean --${near}?` : ''}`;
        }
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            return option ? `Option '${option}' needs a value.` : message;
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            return `Unexpected argument '${/'([^']*)'/.exec(message)?.[1] ?? message}'.`;
        default:
            return message.split('\n')[0];
    }
}
/** --output checked before any work is done: a file (not a folder), in a folder that exists, not overwritten without --force. */
function checkOutputFile(output, force, cwd, example) {
    const target = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, output);
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(target).isDirectory())
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--output ${output} is a folder. Name a file in it, e.g. --output ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(output, example)}.`);
    if (!force && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(target))
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--output ${output} exists; refusing to overwrite it. Choose another file or add --force.`);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(target)))
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb(`--output ${output}: the folder ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(output)} does not exist.`);
}


/***/ }),

/***/ 1911:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  R: () => (/* binding */ runProcess)
});

// UNUSED EXPORTS: main

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./harness/errors.ts
var errors = __nccwpck_require__(9410);
// EXTERNAL MODULE: ./harness/report/write.ts
var write = __nccwpck_require__(1967);
// EXTERNAL MODULE: ./harness/replay/result.ts
var replay_result = __nccwpck_require__(7180);
;// CONCATENATED MODULE: ./harness/report/json.ts

function buildReport(results, app) {
    return { schema: REPLAY_REPORT_SCHEMA, ...(app ? { app } : {}), summary: summarize(results), results };
}
function renderJson(report) {
    return [...jsonChunks(report)].join('');
}
const RESULTS = '\u0000results\u0000';
/**
 * The JSON report a piece at a time, as JSON.stringify(report, null, 2) would write it: the
 * results one by one, so that a report of 100,000 is never one string.
 */
function* jsonChunks(report) {
    const fields = {};
    for (const [key, value] of Object.entries(report))
        if (key !== 'problems')
            fields[key] = key === 'results' ? RESULTS : value;
    const [head, tail] = JSON.stringify(fields, null, 2).split(JSON.stringify(RESULTS));
    yield head;
    let first = true;
    for (const result of report.results) {
        yield `${first ? '[\n' : ',\n'}${JSON.stringify(result, null, 2).replace(/^/gm, '    ')}`;
        first = false;
    }
    yield first ? '[]' : '\n  ]';
    yield `${tail}\n`;
}

// EXTERNAL MODULE: ./harness/history/paths.ts
var paths = __nccwpck_require__(1626);
// EXTERNAL MODULE: ./harness/report/text.ts
var report_text = __nccwpck_require__(1941);
;// CONCATENATED MODULE: ./harness/report/junit.ts
/**
 * The replay report as JUnit XML, for CI test reporters (GitHub test-reporter actions, Azure
 * DevOps PublishTestResults, GitLab artifacts:reports:junit): one testsuite per orchestrator,
 * one testcase per history; a broken instance is a <failure>, an unreadable history an <error>.
 * Like every report, it names event types, function names, sequence ids and source lines,
 * never payload values.
 */


function renderJunit(report, options) {
    return [...junitChunks(report, options)].join('');
}
/** The XML a testcase at a time: one pass counts each suite, then one pass per suite writes it. */
function* junitChunks(report, options) {
    const suites = new Map();
    for (const r of report.results) {
        const name = suiteName(r);
        const suite = suites.get(name) ?? { tests: 0, failures: 0, errors: 0 };
        suite.tests += 1;
        if (r.verdict === 'nondeterministic' || r.verdict === 'failed')
            suite.failures += 1;
        if (r.verdict === 'error')
            suite.errors += 1;
        suites.set(name, suite);
    }
    const s = report.summary;
    yield '<?xml version="1.0" encoding="UTF-8"?>\n';
    yield `<testsuites${attrs({ name: 'durable-gate replay', tests: s.total, failures: s.nondeterministic + s.failed, errors: s.error })}>\n`;
    for (const [name, counts] of suites) {
        yield `  <testsuite${attrs({ name, ...counts, skipped: 0 })}>\n`;
        for (const r of report.results)
            if (suiteName(r) === name)
                yield `${testcase(r, name, options)}\n`;
        yield '  </testsuite>\n';
    }
    yield '</testsuites>\n';
}
function testcase(r, suite, options) {
    const file = (0,paths/* displayPath */.Gt)(r.source, options.cwd);
    const head = `    <testcase${attrs({ classname: `durable-gate.${suite}`, name: r.instanceId || file, file })}`;
    const body = [];
    if (r.verdict === 'nondeterministic' || r.verdict === 'failed' || r.verdict === 'error') {
        const tag = r.verdict === 'error' ? 'error' : 'failure';
        const text = (0,report_text/* problemLines */.pb)(r, options.cwd).join('\n');
        body.push(`      <${tag}${attrs({ type: r.verdict, message: (0,report_text/* problemSummary */.u8)(r, options.cwd) })}>${escapeXml(text)}</${tag}>`);
    }
    else if (r.warnings?.length) {
        body.push(`      <system-out>${escapeXml(r.warnings.map((w) => `warning: ${w}`).join('\n'))}</system-out>`);
    }
    return body.length ? `${head}>\n${body.join('\n')}\n    </testcase>` : `${head}/>`;
}
function suiteName(r) {
    return r.orchestrator || (r.verdict === 'error' ? '(not read)' : '(unknown)');
}
/** Characters XML 1.0 does not allow anywhere (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
function escapeXml(text) {
    return text.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttribute(text) {
    return escapeXml(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
function attrs(values) {
    return Object.entries(values)
        .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
        .join('');
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(3136);
;// CONCATENATED MODULE: ./harness/report/sarif.ts
/**
 * The replay report as SARIF 2.1.0, for GitHub code scanning (github/codeql-action/upload-sarif):
 * each distinct problem is one alert on the line of the call that breaks in-flight instances
 * (or on the history file when there is no such line), with a fingerprint that survives line
 * moves. Keeps to the SARIF subset GitHub documents; no payload values, no absolute paths
 * unless a file lies outside cwd.
 */






const WAYS_OUT = [
    [
        'Drain',
        'let the affected instances finish on the code that started them before deploying (`durable-gate gate --wait-for breaking` waits for exactly those).',
    ],
    [
        'Side by side',
        'deploy the new code with a new task hub (`extensions.durableTask.hubName` in host.json) and keep the old version running on its hub until its instances finish.',
    ],
    [
        'New orchestrator name',
        'ship the change under a new name (e.g. `ProcessOrderV2`), start new instances with it, and keep the old orchestrator unchanged until its instances finish.',
    ],
    [
        'Orchestration versioning',
        'raise `extensions.durableTask.defaultVersion` in host.json and keep the recorded path for older instances behind a branch on `context.df.version`.',
    ],
];
const RULES = [
    {
        id: 'durable-gate/nondeterministic',
        name: 'NondeterministicReplay',
        short: 'The new orchestrator code breaks in-flight instances (nondeterminism).',
        full: 'Replaying a recorded history against the new code schedules a different call (or none) at a recorded step. The Durable Functions runtime fails such instances with a non-deterministic workflow error as soon as they resume on the new code.',
        level: 'error',
    },
    {
        id: 'durable-gate/replay-failure',
        name: 'ReplayFailure',
        short: 'In-flight instances would fail when replayed on the new code.',
        full: 'Replaying a recorded history against the new code fails: the orchestrator throws, calls a function the app no longer registers, is missing, or never returns. Instances in that state would fail or stop making progress after the deployment.',
        level: 'error',
    },
    {
        id: 'durable-gate/unreadable-history',
        name: 'UnreadableHistory',
        short: 'A history could not be read, so it was not checked.',
        full: 'A history file given to durable-gate could not be read or is not a valid orchestration history, so whether the new code keeps that instance working is unknown.',
        level: 'warning',
    },
];
function ruleFor(r) {
    return RULES[r.verdict === 'nondeterministic' ? 0 : r.verdict === 'failed' ? 1 : 2];
}
function help(rule) {
    if (rule.level === 'warning') {
        const text = `${rule.full} Fix the file, or record the history anew (durable-gate record), and replay again.`;
        return { text, markdown: text };
    }
    return {
        text: `${rule.full}\n\nWays out:\n${WAYS_OUT.map(([title, detail], i) => `${i + 1}. ${title}: ${detail.replace(/`/g, '')}`).join('\n')}`,
        markdown: `${rule.full}\n\n**Ways out**\n\n${WAYS_OUT.map(([title, detail], i) => `${i + 1}. **${title}**: ${detail}`).join('\n')}\n\nSee [Versioning in Durable Functions](https://learn.microsoft.com/azure/azure-functions/durable/durable-functions-versioning).`,
    };
}
/** A URI reference for a path: relative to %SRCROOT% when under cwd, else a file: URI. */
function artifact(path, cwd) {
    const shown = (0,paths/* displayPath */.Gt)(path, cwd);
    if ((0,external_node_path_.isAbsolute)(shown))
        return { uri: (0,external_node_url_.pathToFileURL)(shown).href };
    return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
function renderSarif(report, options) {
    const { cwd } = options;
    const seen = new Map();
    const results = (0,report_text/* groupProblems */.Uh)((0,replay_result/* problemsOf */.GW)(report)).map((group) => {
        const r = group[0];
        const rule = ruleFor(r);
        const location = r.divergence?.location ?? r.failure?.location;
        const file = location?.file ?? r.source;
        const ids = group.map((g) => g.instanceId || (0,paths/* displayPath */.Gt)(g.source, cwd));
        const who = r.verdict === 'error'
            ? `History ${(0,paths/* displayPath */.Gt)(r.source, cwd)} could not be checked`
            : `${group.length} in-flight instance${group.length > 1 ? 's' : ''} of '${r.orchestrator || '?'}' (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}) would break`;
        // The first line and the history are said above, unless one instance's history is all that locates it.
        const details = (0,report_text/* problemLines */.pb)(r, cwd)
            .slice(1)
            .filter((line) => !line.startsWith('history:') || (group.length === 1 && r.verdict !== 'error'));
        const text = `${who}.\n${details.join('\n')}`;
        // Stable across runs and line moves: what broke and in which file, never a line number.
        const d = r.divergence;
        const what = d
            ? [d.recorded.event, d.recorded.name ?? '', d.replayed?.action ?? '', d.replayed?.name ?? '']
            : [r.failure?.missingFunction?.name ?? '', (r.failure?.message ?? r.error?.message ?? '').replace(/\d+/g, '#')];
        const hash = (0,external_node_crypto_.createHash)('sha256')
            .update(JSON.stringify([rule.id, r.orchestrator.toLowerCase(), ...what, (0,paths/* displayPath */.Gt)(file, cwd)]))
            .digest('hex')
            .slice(0, 32);
        const region = location ? { startLine: location.line, ...(location.column ? { startColumn: location.column } : {}) } : { startLine: 1 };
        const count = (seen.get(hash) ?? 0) + 1;
        seen.set(hash, count);
        return {
            ruleId: rule.id,
            ruleIndex: RULES.indexOf(rule),
            level: rule.level,
            message: { text },
            locations: [{ physicalLocation: { artifactLocation: artifact(file, cwd), region } }],
            partialFingerprints: { 'durableGate/v1': `${hash}:${count}` },
            properties: { instances: group.length, instanceIds: ids.slice(0, 20) },
        };
    });
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'durable-gate',
                        version: options.version,
                        rules: RULES.map((rule) => ({
                            id: rule.id,
                            name: rule.name,
                            shortDescription: { text: rule.short },
                            fullDescription: { text: rule.full },
                            help: help(rule),
                            defaultConfiguration: { level: rule.level },
                            properties: { tags: ['durable-functions', 'reliability'], precision: 'very-high', 'problem.severity': rule.level },
                        })),
                    },
                },
                results,
            },
        ],
    };
    return JSON.stringify(sarif, null, 2) + '\n';
}

;// CONCATENATED MODULE: ./harness/report/formats.ts




const REPORT_FORMATS = ['text', 'json', 'junit', 'sarif'];
/** The format a report file's name asks for. */
function formatForFile(file) {
    const name = file.toLowerCase();
    return name.endsWith('.sarif') || name.endsWith('.sarif.json') ? 'sarif' : name.endsWith('.json') ? 'json' : name.endsWith('.xml') ? 'junit' : 'text';
}
function renderReport(report, format, options) {
    return [...reportChunks(report, format, options)].join('');
}
/** The report in pieces, in order: written out as they come, a large report is never one string. */
function reportChunks(report, format, options) {
    switch (format) {
        case 'json':
            return jsonChunks(report);
        case 'junit':
            return junitChunks(report, { cwd: options.cwd });
        case 'sarif':
            return [renderSarif(report, { cwd: options.cwd, version: options.version })];
        case 'text':
            return (0,report_text/* textChunks */.w7)(report, { cwd: options.cwd, color: options.color === true, quiet: options.quiet === true });
    }
}

// EXTERNAL MODULE: ./harness/app/host.ts
var host = __nccwpck_require__(6843);
// EXTERNAL MODULE: ./harness/replay/engine.ts
var engine = __nccwpck_require__(7375);
// EXTERNAL MODULE: ./harness/replay/payload.ts
var replay_payload = __nccwpck_require__(9859);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./harness/app/host-json.ts
var host_json = __nccwpck_require__(9362);
// EXTERNAL MODULE: ./harness/report/advice.ts
var report_advice = __nccwpck_require__(8526);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
;// CONCATENATED MODULE: ./harness/replay/store.ts
/**
 * Where a replay's results go while it runs: the totals and the problems in memory, every result
 * in order on disk once there are many. A run over 100,000 histories holds what a report needs to
 * say what broke (the problems, the totals), not 100,000 results; the renderers read the rest
 * back in order, one result at a time.
 */





/** Results kept in memory before they go to disk: small runs never touch the disk. */
const IN_MEMORY = 2000;
class ResultStore {
    inMemory;
    summary = (0,replay_result/* summarize */.eh)([]);
    /** The results that are not plain ok (broken, unreadable, ok with warnings), in order. */
    problems = [];
    held = [];
    spool;
    disposed = false;
    constructor(inMemory = IN_MEMORY) {
        this.inMemory = inMemory;
    }
    add(results) {
        for (const result of results) {
            this.summary.total += 1;
            this.summary[result.verdict] += 1;
            if ((0,replay_result/* isProblem */.AN)(result))
                this.problems.push(result);
        }
        if (!this.spool && this.held.length + results.length <= this.inMemory) {
            this.held.push(...results);
            return;
        }
        if (!this.spool) {
            const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'durable-gate-results-'));
            const file = (0,external_node_path_.join)(dir, 'results.ndjson');
            this.spool = { dir, file, fd: (0,external_node_fs_.openSync)(file, 'w+') };
            process.once('exit', this.removeSpool);
            this.write(this.held);
            this.held = [];
        }
        this.write(results);
    }
    write(results) {
        if (results.length === 0)
            return;
        (0,external_node_fs_.writeSync)(this.spool.fd, results.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }
    *[Symbol.iterator]() {
        if (this.disposed)
            throw new Error('the results of this replay were disposed of');
        if (!this.spool) {
            yield* this.held;
            return;
        }
        // Read back in 1 MB chunks: one line is one result.
        const chunk = Buffer.alloc(1 << 20);
        // A character cut by a chunk's end is held until the next chunk completes it.
        const decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
        let position = 0;
        let rest = '';
        for (;;) {
            const read = (0,external_node_fs_.readSync)(this.spool.fd, chunk, 0, chunk.length, position);
            if (read === 0)
                break;
            position += read;
            const lines = (rest + decoder.write(chunk.subarray(0, read))).split('\n');
            rest = lines.pop();
            for (const line of lines)
                yield JSON.parse(line);
        }
        if (rest)
            yield JSON.parse(rest);
    }
    /** Every result in memory: for callers that asked for an array (the library's runReplay). */
    toArray() {
        return [...this];
    }
    dispose() {
        this.disposed = true;
        this.held = [];
        this.removeSpool();
    }
    removeSpool = () => {
        if (!this.spool)
            return;
        const { dir, fd } = this.spool;
        this.spool = undefined;
        process.removeListener('exit', this.removeSpool);
        try {
            (0,external_node_fs_.closeSync)(fd);
        }
        catch {
            // already closed
        }
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    };
}

;// CONCATENATED MODULE: ./harness/replay/run.ts
/**
 * The replay job both entry points run (CLI and Action): expand the history arguments, load the
 * app once, replay in batches, and build the report. A path that matches nothing is reported
 * as an `error` result, never dropped.
 */









async function runReplay(job) {
    const report = await runReplayStreamed(job);
    try {
        const { schema, app, summary, advice, versionBump } = report;
        return {
            schema,
            ...(app ? { app } : {}),
            summary,
            results: report.results.toArray(),
            ...(advice ? { advice } : {}),
            ...(versionBump ? { versionBump } : {}),
        };
    }
    finally {
        report.results.dispose();
    }
}
/**
 * runReplay for large runs: the results go to a ResultStore as the batches finish (on disk past a
 * few thousand), and the report holds the totals and the problems.
 */
async function runReplayStreamed(job) {
    // The workers start loading the app while the history paths are listed.
    const loading = loadApps((0,external_node_path_.resolve)(job.cwd, job.app), job.workers ?? defaultWorkers(), job);
    let expanded;
    try {
        expanded = job.histories.length > 0 ? await (0,paths/* expandHistoryPaths */.xS)(job.histories, job.cwd) : { files: [], unmatched: [] };
        if (expanded.files.length === 0 && !job.items?.length) {
            const why = job.histories.map((arg) => `${arg}: ${describeUnmatched(arg)}`).join('; ');
            throw new errors/* UsageError */.eb(`--histories found no history file (${why}). Expected history files (*.json), folders holding them, or globs such as 'histories/**/*.json'.`);
        }
    }
    catch (error) {
        await loading.then((apps) => Promise.all(apps.map((app) => app.close())), () => undefined);
        throw error;
    }
    const { unmatched } = expanded;
    const items = [...expanded.files.map((file) => ({ file })), ...(job.items ?? [])];
    const batchSize = job.batchSize ?? 200;
    const batches = Math.ceil(items.length / batchSize);
    const loaded = await loading;
    // No more workers than batches.
    const apps = loaded.slice(0, batches);
    await Promise.all(loaded.slice(batches).map((app) => app.close()));
    const app = apps[0];
    for (const warning of app.info.warnings)
        job.onAppWarning?.(warning);
    const store = new ResultStore();
    try {
        const engineOptions = {
            ...(job.finished ? { finished: job.finished } : {}),
            ...(job.schema ? { schema: job.schema } : {}),
            ...(job.inputDrift ? { inputDrift: job.inputDrift } : {}),
            ...(job.perturb ? { perturb: true } : {}),
        };
        // Each worker takes the next batch when it is free; results are stored in the files' order.
        const done = [];
        let next = 0;
        let stored = 0;
        await Promise.all(apps.map(async (worker) => {
            while (next < batches) {
                const batch = next++;
                const start = batch * batchSize;
                done[batch] = await worker.replay(items.slice(start, start + batchSize), engineOptions);
                for (let ready = done[stored]; ready; ready = done[stored]) {
                    store.add(ready.map((result) => shownFrom(result, job.cwd)));
                    done[stored++] = undefined;
                }
                job.onProgress?.(store.summary.total, items.length);
            }
        }));
        store.add(unmatched.map((arg) => ({ source: arg, instanceId: '', orchestrator: '', verdict: 'error', error: { message: describeUnmatched(arg) } })));
        const appShown = (0,paths/* displayPath */.Gt)(app.info.dir, job.cwd);
        const report = {
            schema: replay_result/* REPLAY_REPORT_SCHEMA */.Jw,
            app: appShown,
            summary: store.summary,
            results: store,
            problems: store.problems,
        };
        let host;
        try {
            host = (0,host_json/* readHostConfig */.Rc)(app.info.dir);
        }
        catch {
            // A host.json the loader accepted but that does not parse: the advice uses the defaults.
        }
        const advice = (0,report_advice/* adviseOn */.mm)(report, host, appShown, app.info);
        if (advice)
            report.advice = advice;
        if (job.requireVersionBump) {
            const fromFile = job.versionFile ? (0,external_node_path_.resolve)(job.cwd, job.versionFile) : undefined;
            let version;
            try {
                version = fromFile ? (0,report_advice/* readVersionFile */.fb)(fromFile) : host?.defaultVersion;
            }
            catch (error) {
                throw new errors/* UsageError */.eb(`--version-file ${job.versionFile}: ${error.code === 'ENOENT' ? 'no such file' : error.message}. Expected a file holding the version (a JSON file with "version", such as package.json, or the version as text).`);
            }
            const bump = (0,report_advice/* checkVersionBump */.R)(report, version, fromFile ? (0,paths/* displayPath */.Gt)(fromFile, job.cwd) : `host.json ${host?.section ?? 'extensions.durableTask'}.defaultVersion`);
            if (bump)
                report.versionBump = bump;
        }
        return report;
    }
    catch (error) {
        store.dispose();
        throw error;
    }
    finally {
        await Promise.all(apps.map((worker) => worker.close()));
    }
}
/** A result with its paths shown relative to the folder the run was started in. */
function shownFrom(result, cwd) {
    result.source = (0,paths/* displayPath */.Gt)(result.source, cwd);
    for (const location of [
        result.divergence?.location,
        result.failure?.location,
        result.finishedPath?.divergence?.location,
        result.finishedPath?.failure?.location,
    ])
        if (location)
            location.file = (0,paths/* displayPath */.Gt)(location.file, cwd);
    return result;
}
/**
 * One worker per two cores, up to 4: a worker keeps about one and a half cores busy (V8 collects
 * garbage and compiles on threads of its own), so on two cores a second worker only adds its own
 * start and warm-up (measured: no faster); each also holds the app and its heap.
 */
function defaultWorkers() {
    return Math.max(1, Math.min(4, Math.floor((0,external_node_os_.availableParallelism)() / 2)));
}
/** `count` workers with the app loaded, started side by side; when one cannot load the app, none is kept. */
async function loadApps(dir, count, options) {
    const loading = await Promise.allSettled(Array.from({ length: Math.max(1, count) }, () => (0,host/* loadApp */.AT)(dir, options)));
    const loaded = loading.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
    const failed = loading.find((attempt) => attempt.status === 'rejected');
    if (!failed)
        return loaded;
    await Promise.all(loaded.map((app) => app.close()));
    throw failed.reason;
}
function describeUnmatched(arg) {
    return /[*?[\]{}]/.test(arg) ? 'no file matches this pattern' : 'no such file or folder, or a folder without *.json files';
}

// EXTERNAL MODULE: ./src/commands/duration.ts
var duration = __nccwpck_require__(3180);
// EXTERNAL MODULE: ./src/deadline.ts
var src_deadline = __nccwpck_require__(6683);
// EXTERNAL MODULE: ./src/commands/input.ts
var commands_input = __nccwpck_require__(4378);
;// CONCATENATED MODULE: ./src/commands/replay.ts
/**
 * `replay`'s settings, parsed once from either front end (the CLI's flags, the Action's inputs)
 * with the same checks and messages. The job itself is harness/replay/run.ts; the front ends
 * render its report and set the exit code or outputs.
 */









const REPLAY_OPTIONS = {
    app: 'text',
    histories: 'list',
    format: 'text',
    quiet: 'flag',
    'allow-stale-build': 'flag',
    'fail-on-input-drift': 'flag',
    perturb: 'flag',
    'require-version-bump': 'flag',
    'version-file': 'text',
    timeout: 'text',
    'history-timeout': 'text',
    'history-memory': 'text',
    finished: 'text',
    schema: 'text',
};
/** `check` reads the same settings, its histories optional (scenarios may stand in for them). */
function readReplaySettings(given, { historiesRequired = true, command = 'replay' } = {}) {
    const input = (0,commands_input/* declaredInput */.B)(command, REPLAY_OPTIONS, given);
    const app = input.text('app');
    if (!app)
        throw new errors/* UsageError */.eb(`missing ${input.label('app')}: the function app folder with the new code (it holds host.json and package.json).`);
    const histories = input.list('histories');
    if (historiesRequired && histories.length === 0)
        throw new errors/* UsageError */.eb(`missing ${input.label('histories')}: history files, folders or globs to replay.`);
    const versionFile = input.text('version-file');
    const requireVersionBump = input.flag('require-version-bump');
    if (versionFile && !requireVersionBump) {
        throw new errors/* UsageError */.eb(`${input.label('version-file')} goes with ${input.label('require-version-bump')}: it names where the version to check is.`);
    }
    const format = input.text('format') ?? 'text';
    if (!REPORT_FORMATS.includes(format))
        throw new errors/* UsageError */.eb(`invalid ${input.label('format')} '${format}'. Expected ${REPORT_FORMATS.join(', ')}.`);
    const timeoutText = input.text('timeout') ?? '30m';
    const historyTimeout = input.text('history-timeout');
    const historyMemory = input.text('history-memory');
    const finished = (input.text('finished') ?? 'runtime').toLowerCase();
    if (!engine/* FINISHED_POLICIES */.w6.includes(finished))
        throw new errors/* UsageError */.eb(`Invalid ${input.label('finished')} '${finished}'. Expected runtime (finished instances are ok, as the runtime never replays them; what breaks on their path is a warning) or judge (judge them as if still in flight).`);
    const schemaText = input.text('schema') ?? 'auto';
    const schema = schemaText.toUpperCase();
    if (schema !== 'AUTO' && !(schema in replay_payload/* REPLAY_SCHEMAS */.zh))
        throw new errors/* UsageError */.eb(`Invalid ${input.label('schema')} '${schemaText}'. Expected auto (V4 when a history holds a lock request, else V3), V3 (extension bundles up to Microsoft.Azure.WebJobs.Extensions.DurableTask 3.12) or V4 (3.13 and later).`);
    return {
        app,
        histories,
        format: format,
        quiet: input.flag('quiet'),
        allowStaleBuild: input.flag('allow-stale-build'),
        failOnInputDrift: input.flag('fail-on-input-drift'),
        perturb: input.flag('perturb'),
        requireVersionBump,
        ...(versionFile ? { versionFile } : {}),
        timeoutMs: (0,duration/* parseDuration */.E)(input.label('timeout'), timeoutText),
        timeoutReason: input.passed('timeout', timeoutText),
        ...(historyTimeout ? { historyTimeoutMs: (0,duration/* parseDuration */.E)(input.label('history-timeout'), historyTimeout) } : {}),
        ...(historyMemory ? { memoryLimitMb: parseMegabytes(input.label('history-memory'), historyMemory) } : {}),
        finished: finished,
        ...(schema !== 'AUTO' ? { schema: schema } : {}),
    };
}
/**
 * Runs replay with these settings: the whole run ends at the timeout or with `signal` (a cancel).
 * `stopped` says why when it ended early: the histories not checked are in the report as such.
 * The report's results are read back from disk once there are many: dispose of them when done.
 */
async function runReplaySettings(settings, services, events = {}) {
    return withReplayJob(settings, services, events, runReplayStreamed);
}
/** The replay job these settings describe, run under their timeout (and `services.signal`) by `run`. */
async function withReplayJob(settings, services, events, run) {
    const deadline = (0,src_deadline/* withDeadline */.NE)(services.signal, settings.timeoutMs, settings.timeoutReason);
    try {
        const report = await run({
            app: settings.app,
            histories: settings.histories,
            cwd: services.cwd,
            userOutput: 'stderr',
            signal: deadline.signal,
            allowStaleBuild: settings.allowStaleBuild,
            ...(settings.failOnInputDrift ? { inputDrift: 'fail' } : {}),
            ...(settings.perturb ? { perturb: true } : {}),
            ...(settings.historyTimeoutMs ? { historyTimeoutMs: settings.historyTimeoutMs } : {}),
            ...(settings.memoryLimitMb ? { memoryLimitMb: settings.memoryLimitMb } : {}),
            requireVersionBump: settings.requireVersionBump,
            ...(settings.versionFile ? { versionFile: settings.versionFile } : {}),
            finished: settings.finished,
            ...(settings.schema ? { schema: settings.schema } : {}),
            ...events,
        });
        return { report, ...(deadline.signal.aborted ? { stopped: (0,host/* stopReason */.PJ)(deadline.signal) } : {}) };
    }
    finally {
        deadline.clear();
    }
}
/** A heap size in MB: at least 64 (below that the SDK itself does not load). */
function parseMegabytes(option, text) {
    if (!/^\d+$/.test(text.trim()) || Number(text) < 64)
        throw new errors/* UsageError */.eb(`Invalid ${option} '${text}'. Expected a number of megabytes, 64 or more, such as 2048.`);
    return Number(text);
}

// EXTERNAL MODULE: ./harness/history/events.ts
var history_events = __nccwpck_require__(961);
// EXTERNAL MODULE: ./harness/history/load.ts
var load = __nccwpck_require__(8716);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ./harness/duration.ts
var harness_duration = __nccwpck_require__(4117);
// EXTERNAL MODULE: ./harness/history/request-ids.ts
var request_ids = __nccwpck_require__(4500);
// EXTERNAL MODULE: ./harness/replay/actions.ts
var replay_actions = __nccwpck_require__(6446);
;// CONCATENATED MODULE: ./harness/history/builder.ts
/**
 * Builds histories in code, shaped as DurableTask.Core records them: episodes open with
 * OrchestratorStarted and close with OrchestratorCompleted; scheduling events take sequence ids
 * from one counter; completions refer to them. Public (`import { HistoryBuilder } from
 * 'durable-gate'`): write the histories of the instances a change must not break, without access
 * to production. Record the calls in the order the orchestrator makes them; see
 * docs/history-format.md.
 *
 *   const b = new HistoryBuilder({ instanceId: 'order-1', name: 'ProcessOrder', input: { orderId: 'order-1' } });
 *   const validate = b.activity('ValidateOrder', { orderId: 'order-1' }); // episode 1 schedules it
 *   b.episode().completed(validate, { ok: true });                        // episode 2: its result
 *   b.activity('ReserveItem');                                            // ... and the next call
 *   writeFileSync('histories/order-1.json', JSON.stringify(b.idle().toFile()));
 */



class HistoryBuilder {
    events = [];
    nextId = 0;
    now;
    inEpisode = false;
    /** Request ids taken so far, and the current episode's start: the extension's NewGuid inputs. */
    guidCounter = 0;
    episodeStart = '';
    ticks;
    instanceId;
    executionId;
    name;
    version;
    constructor(options) {
        this.instanceId = options.instanceId;
        this.name = options.name;
        this.version = options.version ?? '';
        this.executionId = options.executionId ?? deterministicHexId(options.instanceId);
        this.now = (options.start ?? new Date('2026-11-02T08:00:00.000Z')).getTime();
        if (options.ticks !== undefined && !/^\d{4}$/.test(options.ticks))
            throw new Error(`ticks must be four digits, not '${options.ticks}'`);
        this.ticks = options.ticks ?? '';
        this.beginEpisode();
        this.push({
            EventType: EventType.ExecutionStarted,
            EventId: -1,
            OrchestrationInstance: { InstanceId: this.instanceId, ExecutionId: this.executionId },
            ...(options.parentInstanceId ? { ParentInstance: { OrchestrationInstance: { InstanceId: options.parentInstanceId } } } : { ParentInstance: null }),
            Name: this.name,
            Version: this.version,
            Input: options.input === undefined ? null : JSON.stringify(options.input),
            Tags: null,
            Generation: 0,
        });
    }
    push(event) {
        const full = { ...event, Timestamp: new Date(this.now).toISOString().replace('Z', `${this.ticks}Z`), IsPlayed: false };
        this.events.push(full);
        this.now += 7;
        return full;
    }
    beginEpisode() {
        this.episodeStart = this.push({ EventType: EventType.OrchestratorStarted, EventId: -1 }).Timestamp;
        this.inEpisode = true;
    }
    /** Close the current episode and open the next one `afterMs` later (a new message arrived). */
    episode(afterMs = 1500) {
        if (this.inEpisode)
            this.push({ EventType: EventType.OrchestratorCompleted, EventId: -1 });
        this.now += afterMs;
        this.beginEpisode();
        return this;
    }
    /** Close the last episode (an instance waiting for its next message). */
    idle() {
        if (this.inEpisode)
            this.push({ EventType: EventType.OrchestratorCompleted, EventId: -1 });
        this.inEpisode = false;
        return this;
    }
    get currentTime() {
        return new Date(this.now);
    }
    /**
     * The code calls an activity (TaskScheduled): returns its sequence id, for completed() or
     * failed(). With `input`, the input is recorded as a JavaScript app's call reaches the Azure
     * Storage provider: in an array of one ("[input]"), a string encoded once more as durable-functions
     * sends it; a replay compares it with the new code's (input drift). Without it nothing is
     * recorded and nothing compared.
     */
    activity(name, input) {
        const id = this.nextId++;
        this.push({ EventType: EventType.TaskScheduled, EventId: id, Name: name, Version: '', Input: input === undefined ? null : providerActivityInput(input) });
        return id;
    }
    /** The activity with this sequence id returned `result` (TaskCompleted). */
    completed(id, result) {
        this.push({ EventType: EventType.TaskCompleted, EventId: -1, TaskScheduledId: id, Result: JSON.stringify(result ?? null) });
        return this;
    }
    /** The activity with this sequence id threw (TaskFailed). */
    failed(id, reason, details = '') {
        this.push({ EventType: EventType.TaskFailed, EventId: -1, TaskScheduledId: id, Reason: reason, Details: details });
        return this;
    }
    /** The code creates a durable timer (TimerCreated): returns its sequence id, for fired(). */
    timer(fireAt) {
        const id = this.nextId++;
        this.push({ EventType: EventType.TimerCreated, EventId: id, FireAt: fireAt.toISOString() });
        return id;
    }
    /** The timer with this sequence id fired (TimerFired). */
    fired(id, fireAt) {
        this.push({ EventType: EventType.TimerFired, EventId: -1, TimerId: id, FireAt: fireAt.toISOString() });
        return this;
    }
    /** The code starts a sub-orchestration (SubOrchestrationInstanceCreated): returns its sequence id. */
    subOrchestration(name, instanceId, input) {
        const id = this.nextId++;
        this.push({
            EventType: EventType.SubOrchestrationInstanceCreated,
            EventId: id,
            Name: name,
            Version: '',
            InstanceId: instanceId,
            Input: input === undefined ? null : JSON.stringify(input),
        });
        return id;
    }
    subCompleted(id, result) {
        this.push({ EventType: EventType.SubOrchestrationInstanceCompleted, EventId: -1, TaskScheduledId: id, Result: JSON.stringify(result ?? null) });
        return this;
    }
    subFailed(id, reason, details = '') {
        this.push({ EventType: EventType.SubOrchestrationInstanceFailed, EventId: -1, TaskScheduledId: id, Reason: reason, Details: details });
        return this;
    }
    /** An entity operation sent as event "op" (a call when `signal` is false). Returns its id and request id. */
    entityOperation(entity, operation, input, signal = false) {
        const id = this.nextId++;
        const requestId = this.newRequestId();
        const request = {
            op: operation,
            signal,
            input: input === undefined ? null : JSON.stringify(input),
            id: requestId,
            parent: this.instanceId,
            parentExecution: this.executionId,
        };
        this.push({
            EventType: EventType.EventSent,
            EventId: id,
            InstanceId: schedulerIdOf(entity),
            Name: 'op',
            Input: JSON.stringify(request),
        });
        return { id, requestId };
    }
    /** Any EventSent (entity lock requests, releases, raw events to other instances). */
    eventSent(targetInstanceId, name, input) {
        const id = this.nextId++;
        this.push({
            EventType: EventType.EventSent,
            EventId: id,
            InstanceId: targetInstanceId,
            Name: name,
            Input: input === undefined ? null : JSON.stringify(input),
        });
        return id;
    }
    /** A lock request for a critical section: sent as "op" to the first entity, sorted. */
    lockRequest(entities) {
        const requestId = this.newRequestId();
        const lockSet = entities.map(schedulerIdOf).sort();
        const id = this.eventSent(lockSet[0], 'op', { id: requestId, parent: this.instanceId, lockset: lockSet, pos: 0 });
        return { id, requestId };
    }
    /** The id the extension gives the next entity request sent in this episode. */
    newRequestId() {
        return extensionRequestId(this.instanceId, roundTripTime(this.episodeStart), this.guidCounter++);
    }
    /** ExecutionSuspended: the runtime holds later events until ExecutionResumed. */
    suspend(reason = 'suspended for maintenance') {
        this.push({ EventType: EventType.ExecutionSuspended, EventId: -1, Reason: reason });
        return this;
    }
    resume(reason = 'resumed') {
        this.push({ EventType: EventType.ExecutionResumed, EventId: -1, Reason: reason });
        return this;
    }
    /** The entity's answer to a call: an EventRaised named after the request id. */
    entityResponse(requestId, result) {
        this.push({ EventType: EventType.EventRaised, EventId: -1, Name: requestId, Input: JSON.stringify({ result: JSON.stringify(result ?? null) }) });
        return this;
    }
    /** An external event arrived (EventRaised), for waitForExternalEvent. */
    raised(name, input) {
        this.push({ EventType: EventType.EventRaised, EventId: -1, Name: name, Input: input === undefined ? null : JSON.stringify(input) });
        return this;
    }
    /** The orchestration returned `result` (ExecutionCompleted, Completed): a finished instance. */
    completeExecution(result) {
        this.push({
            EventType: EventType.ExecutionCompleted,
            EventId: this.nextId++,
            OrchestrationStatus: OrchestrationStatus.Completed,
            Result: JSON.stringify(result ?? null),
            FailureDetails: null,
        });
        return this.idle();
    }
    /** DurableTask.Core's ContinueAsNewEvent: an ExecutionCompleted of its own event type, status ContinuedAsNew. */
    continueAsNew(input) {
        this.push({
            EventType: EventType.ContinueAsNew,
            EventId: this.nextId++,
            OrchestrationStatus: OrchestrationStatus.ContinuedAsNew,
            Result: JSON.stringify(input ?? null),
            FailureDetails: null,
        });
        return this.idle();
    }
    /** The events so far, as an array (a copy). */
    build() {
        return this.events.map((e) => ({ ...e }));
    }
    /** A durable-gate history file (docs/history-format.md) holding the events so far. */
    toFile(meta = {}) {
        const done = this.events.some((e) => e.EventType === EventType.ExecutionCompleted);
        return {
            schema: HISTORY_SCHEMA,
            taskHub: meta.taskHub ?? 'OrderHub',
            instanceId: this.instanceId,
            executionId: this.executionId,
            name: this.name,
            version: this.version,
            runtimeStatus: meta.runtimeStatus ?? (done ? 'Completed' : 'Running'),
            recordedAt: meta.recordedAt ?? new Date(this.now + 60_000).toISOString(),
            history: this.build(),
        };
    }
}
/**
 * An activity's input as a JavaScript app's call reaches the Azure Storage provider's
 * TaskScheduled.Input: in an array of one, a string encoded once more as durable-functions sends it
 * (docs/runtime-rules.md §17).
 */
function providerActivityInput(input) {
    return JSON.stringify([typeof input === 'string' ? JSON.stringify(input) : input]);
}
/** Deterministic ids (32 hex digits): the same builder calls give the same history. */
function deterministicHexId(seed) {
    let h = 2166136261;
    let out = '';
    for (let round = 0; round < 4; round++) {
        for (const ch of `${seed}:${round}`)
            h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
        out += h.toString(16).padStart(8, '0');
    }
    return out;
}

// EXTERNAL MODULE: ./harness/replay/messages.ts
var messages = __nccwpck_require__(8921);
// EXTERNAL MODULE: ./harness/replay/runtime.ts
var runtime = __nccwpck_require__(6225);
// EXTERNAL MODULE: ./harness/app/outcome.ts
var app_outcome = __nccwpck_require__(8501);
// EXTERNAL MODULE: ./harness/replay/inputs.ts
var inputs = __nccwpck_require__(464);
;// CONCATENATED MODULE: ./harness/testing/runtime.ts












/** An error of the test set-up (a missing mock, an unknown orchestrator), not of the code under test. */
class LocalRuntimeError extends Error {
    name = 'LocalRuntimeError';
}
const DEFAULT_START = Date.parse('2026-01-01T00:00:00.000Z');
class LocalRuntime {
    app;
    options;
    ownsApp;
    clock;
    seq = 0;
    messages = [];
    instances = new Map();
    entities = new Map();
    episodesRun = 0;
    storeInputs;
    constructor(app, options, 
    /** close() closes the app: false when the app is shared (runs of check's scenarios over one loaded app). */
    ownsApp = true) {
        this.app = app;
        this.options = options;
        this.ownsApp = ownsApp;
        let stored = false;
        try {
            stored = (0,host_json/* readHostConfig */.Rc)(app.info.dir).storeInputs === true;
        }
        catch {
            // The app loaded without a readable host.json: the extension's default.
        }
        this.storeInputs = options.storeInputs ?? stored;
        // A name in appActivities that the app does not register is a typo, said now rather than at the call.
        const activities = app.info.functions.filter((f) => f.kind === 'activity').map((f) => f.name);
        const unknown = Array.isArray(options.appActivities)
            ? options.appActivities.filter((name) => !activities.some((a) => a.toLowerCase() === name.toLowerCase()))
            : [];
        if (unknown.length > 0)
            throw new LocalRuntimeError(`appActivities names ${unknown.map((n) => `'${n}'`).join(', ')}, which the app does not register as ${unknown.length > 1 ? 'activities' : 'an activity'}. Its activities: ${activities.join(', ') || 'none'}.`);
        this.clock = options.startTime === undefined ? DEFAULT_START : new Date(options.startTime).getTime();
        if (!Number.isFinite(this.clock))
            throw new LocalRuntimeError(`startTime ${String(options.startTime)} is not a time; pass a Date or an ISO 8601 text.`);
    }
    /** Loads the app (in a worker process of its own) and starts the clock. Call close() when done. */
    static async create(options) {
        if (!options || typeof options.app !== 'string')
            throw new LocalRuntimeError("LocalRuntime.create needs { app: '<folder of the built function app>' }.");
        const app = await (0,host/* loadApp */.AT)(options.app, {
            ...(options.allowStaleBuild ? { allowStaleBuild: true } : {}),
            ...(options.historyTimeoutMs ? { historyTimeoutMs: options.historyTimeoutMs } : {}),
            ...(options.memoryLimitMb ? { memoryLimitMb: options.memoryLimitMb } : {}),
            ...(options.userOutput ? { userOutput: options.userOutput } : {}),
        });
        try {
            return new LocalRuntime(app, options);
        }
        catch (error) {
            await app.close();
            throw error;
        }
    }
    /** A runtime over an app loaded already (loadApp), which it leaves open: for many short runs. */
    static over(app, options) {
        return new LocalRuntime(app, { ...options, app: app.info.dir }, false);
    }
    async close() {
        if (this.ownsApp)
            await this.app.close();
    }
    /** The virtual time. */
    get now() {
        return new Date(this.clock);
    }
    /** Every instance started so far (sub-orchestrations included), in start order. */
    get allInstances() {
        return [...this.instances.values()];
    }
    instance(instanceId) {
        return this.instances.get(instanceId.toLowerCase());
    }
    /** An entity's state as the runtime holds it (undefined when it has none). */
    entityState(name, key) {
        const state = this.entities.get((0,replay_actions/* schedulerIdOf */.gS)({ name, key }))?.state;
        return state === undefined ? undefined : JSON.parse(state);
    }
    /**
     * Starts an orchestration and runs it as far as it goes without the clock moving (settle()):
     * its first episodes, the activities they call, until it waits on a timer or an event, or ends.
     */
    async start(name, options = {}) {
        const registered = this.app.info.functions.find((f) => f.name.toLowerCase() === name.toLowerCase());
        if (!registered || registered.kind !== 'orchestration') {
            const known = this.app.info.functions.filter((f) => f.kind === 'orchestration').map((f) => f.name);
            const is = registered
                ? ` ('${registered.name}' is ${registered.kind === 'activity' || registered.kind === 'entity' ? `an ${registered.kind}` : 'not a durable function'})`
                : '';
            throw new LocalRuntimeError(`The app has no orchestrator named '${name}'${is}. Its orchestrators: ${known.join(', ') || 'none'}.`);
        }
        const instance = this.createInstance(registered.name, options.instanceId ?? `${registered.name.toLowerCase()}-${this.instances.size + 1}`, options.input);
        await this.settle();
        return instance;
    }
    /** Delivers every message due now (completions, responses, events), episode by episode, without moving the clock. */
    async settle() {
        for (;;) {
            const due = this.messages.filter((m) => m.at <= this.clock);
            if (due.length === 0)
                return;
            const first = due.reduce((a, b) => (a.seq < b.seq ? a : b));
            const batch = due.filter((m) => m.target === first.target).sort((a, b) => a.seq - b.seq);
            this.messages = this.messages.filter((m) => !batch.includes(m));
            if (first.target.startsWith('@'))
                await this.runEntity(first.target, batch);
            else
                await this.runEpisode(this.instances.get(first.target), batch);
        }
    }
    /** Moves the clock forward (milliseconds, or a duration such as '90s', '72h', '10d'), firing timers in time order. */
    async advance(by) {
        const ms = typeof by === 'number' ? by : (0,harness_duration/* durationMs */.p)(by);
        if (ms === undefined || !(ms >= 0))
            throw new LocalRuntimeError(`advance(${JSON.stringify(by)}): expected milliseconds (a number >= 0) or a duration such as '90s', '72h', '10d'.`);
        await this.advanceTo(this.clock + ms);
    }
    async advanceTo(time) {
        const target = typeof time === 'number' ? time : time.getTime();
        await this.settle();
        for (;;) {
            const next = this.nextMessageTime();
            if (next === undefined || next > target)
                break;
            this.clock = Math.max(this.clock, next);
            await this.settle();
        }
        this.clock = Math.max(this.clock, target);
    }
    /**
     * Runs until nothing is left to happen: delivers what is due, and when nothing else can happen,
     * moves the clock to the next timer. Stops when no message is pending (instances ended, or
     * waiting for an event only the test can raise), or at `until`.
     */
    async run(options = {}) {
        const until = options.until === undefined ? undefined : typeof options.until === 'number' ? this.clock + options.until : untilTime(options.until, this.clock);
        const limit = this.episodesRun + (this.options.maxEpisodes ?? 10_000);
        await this.settle();
        for (;;) {
            const next = this.nextMessageTime();
            if (next === undefined || (until !== undefined && next > until))
                break;
            if (this.episodesRun > limit) {
                const running = this.allInstances.filter((i) => i.status === 'Running').map((i) => `${i.instanceId} (${i.name})`);
                throw new LocalRuntimeError(`run() stopped after ${this.options.maxEpisodes ?? 10_000} episodes with timers still pending (${running.join(', ')}): an eternal orchestration never ends. Pass run({ until: '30d' }) to stop at a time (in a scenario file: "until": "30d"), or raise maxEpisodes.`);
            }
            this.clock = Math.max(this.clock, next);
            await this.settle();
        }
        if (until !== undefined)
            this.clock = Math.max(this.clock, until);
    }
    nextMessageTime() {
        let next;
        for (const m of this.messages)
            if (next === undefined || m.at < next)
                next = m.at;
        return next;
    }
    /** @internal */
    send(target, event, at = this.clock, continued = false) {
        this.messages.push({
            at,
            sent: this.clock,
            seq: this.seq++,
            target: target.startsWith('@') ? target : target.toLowerCase(),
            event,
            ...(continued ? { continued } : {}),
        });
    }
    createInstance(name, instanceId, input, parent) {
        if (this.instances.has(instanceId.toLowerCase())) {
            const existing = this.instances.get(instanceId.toLowerCase());
            if (existing.status === 'Running' || existing.status === 'Pending' || existing.status === 'Suspended')
                throw new LocalRuntimeError(`An instance with the id '${instanceId}' is already running (${existing.name}); pass another instanceId.`);
        }
        const instance = new TestInstance(this, name, instanceId, this.options.taskHub ?? 'TestHubName', parent);
        this.instances.set(instanceId.toLowerCase(), instance);
        this.send(instanceId, startedEvent(name, instanceId, instance.executionId, input, parent, parent ? undefined : 0));
        return instance;
    }
    // ---------------------------------------------------------------- orchestration episodes
    async runEpisode(instance, batch) {
        // The provider discards messages for an instance that has ended (docs/runtime-rules.md §9).
        if (instance.ended)
            return;
        this.episodesRun += 1;
        const time = Math.max(this.clock, instance.lastEpisode + 1);
        instance.lastEpisode = time;
        const stamp = new Date(time).toISOString();
        const history = instance.events;
        const played = history.length;
        history.push(runtime_event(history_events/* EventType */.Bx.OrchestratorStarted, -1, stamp));
        // Stored as the executor leaves them: processed (IsPlayed), with the time each was sent.
        for (const message of batch)
            history.push({ EventId: -1, ...message.event, Timestamp: new Date(message.sent).toISOString(), IsPlayed: true });
        // A generation started by continueAsNew: its start is checkpointed, then it runs in the same work item.
        if (batch.some((m) => m.continued))
            history.push(runtime_event(history_events/* EventType */.Bx.OrchestratorCompleted, -1, stamp));
        if (instance.status === 'Pending')
            instance.status = 'Running';
        const terminated = batch.find((m) => m.event.EventType === history_events/* EventType */.Bx.ExecutionTerminated);
        if (terminated) {
            instance.failure = { message: typeof terminated.event.Input === 'string' ? terminated.event.Input : '' };
            this.finish(instance, history_events/* OrchestrationStatus */.EX.Terminated, instance.failure.message, stamp);
            return;
        }
        for (const m of batch) {
            if (m.event.EventType === history_events/* EventType */.Bx.ExecutionSuspended)
                instance.status = 'Suspended';
            if (m.event.EventType === history_events/* EventType */.Bx.ExecutionResumed)
                instance.status = 'Running';
        }
        // The extension sends the events of earlier episodes as played (the SDK's isReplaying).
        const sent = {
            source: instance.instanceId,
            format: 'history-file',
            instanceId: instance.instanceId,
            orchestrator: instance.name,
            version: '',
            events: history.map((e, i) => ({ ...e, IsPlayed: i < played })),
            notes: [],
        };
        const payload = (0,replay_payload/* buildPayload */.nI)(sent, this.options.schema ? { schema: this.options.schema } : {});
        const outcome = (await this.app.call({ kind: 'orchestrator', name: instance.name, payload }));
        const state = outcome.kind === 'state' ? outcome.state : outcome.state;
        const actions = state && Array.isArray(state.actions) ? state.actions : [[]];
        const sim = (0,runtime/* simulate */.JV)(history, actions, state?.schemaVersion ?? 1, {
            ...runtime/* DEFAULT_RUNTIME_OPTIONS */.Qr,
            exists: (name, kind) => this.exists(name, kind),
            instanceId: instance.instanceId,
            ...(instance.parent ? { parentInstanceId: instance.parent.instanceId } : {}),
            requestIdZone: 'Z',
            holdWhileSuspended: true,
        });
        if (sim.mismatch) {
            throw new LocalRuntimeError(`${instance.name} (${instance.instanceId}) decides differently from one run to the next: replaying the history this runtime wrote for it, the code scheduled something else than when it wrote that step (${sim.mismatch.message}). Production fails such an instance the same way. The orchestrator reads something that changes between runs: the clock, randomness, the environment or module state (durable-gate lint shows where; replay --perturb confirms it). If it reads none of these, this is a bug in durable-gate: please report it with the orchestrator's code.`);
        }
        if (state && state.customStatus !== undefined)
            instance.customStatus = state.customStatus;
        // Each episode replays every call so far: a problem is said once.
        const problems = new Set(instance.problems);
        for (const use of sim.uses) {
            if (!this.exists(use.name, use.kind))
                problems.add(`${instance.name} (${instance.instanceId}) calls the ${use.kind} '${use.name}', which the app does not register and the test does not mock: production drops the call, and the instance waits for ever.`);
        }
        for (const refusal of sim.refusals)
            problems.add(`the extension refuses a call of ${instance.name} (${instance.instanceId}): ${refusal.reason}.`);
        instance.problems.splice(0, instance.problems.length, ...problems);
        const scheduled = sim.newWork.map((work) => ({ work, event: { ...this.schedulingEvent(instance, work), Timestamp: stamp } }));
        // A timer whose fire time moves at every replay (built from the wall clock): the SDK keeps
        // scheduling short timers toward it, each a moment after the last. Said plainly, not run for ever.
        const onlyTimer = scheduled.length === 1 && scheduled[0].work.detail?.fireAt !== undefined;
        instance.chasing = onlyTimer && scheduled[0].work.detail.fireAt - this.clock < 1000 ? instance.chasing + 1 : 0;
        if (instance.chasing >= CHASE_LIMIT) {
            throw new LocalRuntimeError(`${instance.name} (${instance.instanceId}) scheduled ${CHASE_LIMIT} timers in a row, each due less than a second after the one before fired: the time it waits for moves at every replay. The timer is built from the wall clock (Date.now(), new Date()) instead of context.df.currentUtcDateTime; in production such an instance never finishes. durable-gate lint shows the line.`);
        }
        for (const { event: written } of scheduled)
            history.push(written);
        const failed = outcome.kind === 'threw' ? outcome.message : state?.error;
        const continueAs = actions.flat().find((a) => a?.actionType === replay_actions/* ActionType */.X2.ContinueAsNew);
        if (failed !== undefined) {
            instance.failure = {
                message: (0,messages/* orchestratorFailedMessage */.J3)(instance.name, failed),
                error: failed,
                ...(outcome.kind === 'threw' && outcome.stack ? { stack: outcome.stack } : {}),
            };
            this.finish(instance, history_events/* OrchestrationStatus */.EX.Failed, instance.failure.message, stamp);
            return this.dispatchAll(instance, scheduled);
        }
        if (state?.isDone && continueAs && sim.shimFinished) {
            history.push({
                ...runtime_event(history_events/* EventType */.Bx.ContinueAsNew, nextSequenceId(history), stamp),
                OrchestrationStatus: history_events/* OrchestrationStatus */.EX.ContinuedAsNew,
                Result: jsonOf(continueAs.input),
                FailureDetails: null,
            });
            history.push(runtime_event(history_events/* EventType */.Bx.OrchestratorCompleted, -1, stamp));
            instance.nextGeneration();
            this.send(instance.instanceId, startedEvent(instance.name, instance.instanceId, instance.executionId, continueAs.input, instance.parent, undefined), this.clock, true);
            return this.dispatchAll(instance, scheduled);
        }
        if (state?.isDone && sim.shimFinished && sim.openTasks === 0) {
            instance.output = state.output ?? undefined;
            this.finish(instance, history_events/* OrchestrationStatus */.EX.Completed, jsonOf(state.output), stamp);
            return this.dispatchAll(instance, scheduled);
        }
        history.push(runtime_event(history_events/* EventType */.Bx.OrchestratorCompleted, -1, stamp));
        instance.markBoundary();
        return this.dispatchAll(instance, scheduled);
    }
    /**
     * The episode's messages go out after its history is written, also when it ended the instance
     * (a signal sent on the way out still reaches its entity); completions for an ended instance are
     * dropped when they arrive.
     */
    async dispatchAll(instance, scheduled) {
        for (const { work, event: written } of scheduled)
            await this.dispatch(instance, work, written);
    }
    /** The instance ended (ExecutionCompleted takes the next sequence id): its last episode closes, and a parent hears of it. */
    finish(instance, completion, result, stamp) {
        const history = instance.events;
        history.push({
            ...runtime_event(history_events/* EventType */.Bx.ExecutionCompleted, nextSequenceId(history), stamp),
            OrchestrationStatus: completion,
            Result: result,
            FailureDetails: null,
        });
        history.push(runtime_event(history_events/* EventType */.Bx.OrchestratorCompleted, -1, stamp));
        const status = history_events/* OrchestrationStatus */.EX[completion];
        instance.status = status;
        const parent = instance.parent;
        if (!parent)
            return;
        if (status === 'Completed')
            this.send(parent.instanceId, {
                EventType: history_events/* EventType */.Bx.SubOrchestrationInstanceCompleted,
                TaskScheduledId: parent.sequenceId,
                Result: jsonOf(instance.output),
            });
        else {
            // A failed child's details are the extension's "Message: ..., StackTrace: ..."; a terminated one has none.
            const failure = instance.failure;
            this.send(parent.instanceId, {
                EventType: history_events/* EventType */.Bx.SubOrchestrationInstanceFailed,
                TaskScheduledId: parent.sequenceId,
                Reason: failure?.message ?? '',
                Details: failure?.error === undefined ? null : `Message: ${failure.error}, StackTrace: ${failure.stack ?? ''}`,
                FailureDetails: null,
            });
        }
    }
    exists(name, kind) {
        const mocks = kind === 'activity' ? this.options.activities : kind === 'orchestrator' ? this.options.subOrchestrations : this.options.entities;
        if (mocks && findKey(mocks, name) !== undefined)
            return true;
        const wanted = kind === 'orchestrator' ? 'orchestration' : kind;
        return this.app.info.functions.some((f) => f.kind === wanted && f.name.toLowerCase() === name.toLowerCase());
    }
    /** The event DurableTask.Core writes for new work (docs/runtime-rules.md §2, §3, §11, §16). */
    schedulingEvent(instance, work) {
        const action = work.source;
        switch (work.cls) {
            case 'ScheduleTaskOrchestratorAction':
                return {
                    EventType: history_events/* EventType */.Bx.TaskScheduled,
                    EventId: work.id,
                    Name: work.name,
                    Version: '',
                    Input: !this.storeInputs
                        ? null
                        : // The action's input is as the SDK sent it (a string already encoded once more): only wrapped.
                            JSON.stringify([work.name === replay_actions/* HTTP_ACTIVITY */.ji ? httpRequestOf(action, work.detail?.pollLocation) : (action.input ?? null)]),
                };
            case 'CreateTimerOrchestratorAction':
                return { EventType: history_events/* EventType */.Bx.TimerCreated, EventId: work.id, FireAt: new Date(work.detail.fireAt).toISOString() };
            case 'CreateSubOrchestrationAction':
                return {
                    EventType: history_events/* EventType */.Bx.SubOrchestrationInstanceCreated,
                    EventId: work.id,
                    Name: work.name,
                    Version: '',
                    // DurableTask.Core names a child without an id after the parent's execution id and the sequence id.
                    InstanceId: action.instanceId || `${instance.executionId}:${work.id}`,
                    Input: this.storeInputs ? jsonOf(action.input) : null,
                };
            case 'SendEventOrchestratorAction':
                return { EventType: history_events/* EventType */.Bx.EventSent, EventId: work.id, ...this.sentEvent(instance, work) };
        }
    }
    /** An entity request or release as the extension sends it (RequestMessage, ReleaseMessage). */
    sentEvent(instance, work) {
        const action = work.source;
        const requestId = work.detail?.requestId?.() ?? '';
        // RequestMessage and ReleaseMessage as Json.NET writes them: default values (signal false,
        // input null, pos 0) are left out. The MessageSorter's Timestamp and Predecessor are not written.
        if (work.name === 'release') {
            return {
                InstanceId: work.detail?.target ?? '',
                Name: 'release',
                Input: JSON.stringify({ parent: instance.instanceId, id: heldLockId(instance.events) }),
            };
        }
        if (action.actionType === replay_actions/* ActionType */.X2.LockEntities) {
            const lockSet = work.detail?.lockSet ?? [];
            return {
                InstanceId: lockSet[0] ?? '',
                Name: 'op',
                Input: JSON.stringify({
                    op: null,
                    id: requestId,
                    parent: instance.instanceId,
                    parentExecution: instance.executionId,
                    lockset: lockSet.map((id) => (0,replay_actions/* entityOf */.lr)(id)),
                }),
            };
        }
        return {
            InstanceId: action.instanceId ?? '',
            Name: work.name,
            Input: JSON.stringify({
                op: action.operation,
                ...(action.actionType === replay_actions/* ActionType */.X2.CallEntity ? {} : { signal: true }),
                ...(action.input === undefined || action.input === null ? {} : { input: JSON.stringify(action.input) }),
                id: requestId,
                parent: instance.instanceId,
                parentExecution: instance.executionId,
                ...(work.name.startsWith('op@') ? { due: work.name.slice(3) } : {}),
            }),
        };
    }
    /** Runs or queues the new work of an episode. */
    async dispatch(instance, work, written) {
        const action = work.source;
        switch (work.cls) {
            case 'CreateTimerOrchestratorAction': {
                const fireAt = new Date(work.detail.fireAt).toISOString();
                this.send(instance.instanceId, { EventType: history_events/* EventType */.Bx.TimerFired, TimerId: work.id, FireAt: fireAt }, work.detail.fireAt);
                return;
            }
            case 'ScheduleTaskOrchestratorAction':
                if (work.name === replay_actions/* HTTP_ACTIVITY */.ji)
                    return this.runHttp(instance, work);
                return this.runActivity(instance, work);
            case 'CreateSubOrchestrationAction': {
                const childId = written.InstanceId;
                const mock = findKey(this.options.subOrchestrations ?? {}, work.name);
                if (mock !== undefined) {
                    try {
                        const result = await this.options.subOrchestrations[mock](copy(action.input), { instanceId: childId, parentInstanceId: instance.instanceId });
                        this.send(instance.instanceId, { EventType: history_events/* EventType */.Bx.SubOrchestrationInstanceCompleted, TaskScheduledId: work.id, Result: jsonOf(result) });
                    }
                    catch (error) {
                        this.send(instance.instanceId, {
                            EventType: history_events/* EventType */.Bx.SubOrchestrationInstanceFailed,
                            TaskScheduledId: work.id,
                            Reason: (0,messages/* orchestratorFailedMessage */.J3)(work.name, (0,errors/* errorMessage */.gJ)(error)),
                            Details: error instanceof Error ? (error.stack ?? null) : null,
                        });
                    }
                    return;
                }
                const registered = this.app.info.functions.find((f) => f.kind === 'orchestration' && f.name.toLowerCase() === work.name.toLowerCase());
                this.createInstance(registered.name, childId, action.input, {
                    instanceId: instance.instanceId,
                    executionId: instance.executionId,
                    sequenceId: work.id,
                    name: instance.name,
                });
                return;
            }
            case 'SendEventOrchestratorAction': {
                // A scheduled signal ("op@<time>") reaches its entity at that time.
                const due = written.Name?.startsWith('op@') ? Date.parse(written.Name.slice(3)) : Number.NaN;
                this.send(written.InstanceId, { EventType: history_events/* EventType */.Bx.EventRaised, Name: written.Name, Input: written.Input ?? null }, Number.isFinite(due) ? Math.max(due, this.clock) : this.clock);
                return;
            }
        }
    }
    async runActivity(instance, work) {
        const name = work.name;
        const input = activityInput(work.source.input);
        const mockName = findKey(this.options.activities ?? {}, name);
        instance.calls.push({ activity: name, input, sequenceId: work.id, at: this.now });
        let outcome;
        if (mockName !== undefined) {
            try {
                const result = await this.options.activities[mockName](input, {
                    instanceId: instance.instanceId,
                    orchestrator: instance.name,
                    sequenceId: work.id,
                    now: this.now,
                });
                outcome = (0,app_outcome/* returnedOutcome */.a)(result);
            }
            catch (error) {
                outcome = (0,app_outcome/* threwOutcomeOf */.O)(error);
            }
        }
        else if (this.runsAppActivity(name)) {
            outcome = (await this.app.call({ kind: 'function', name, trigger: input }));
        }
        else {
            throw new LocalRuntimeError(`${instance.name} (${instance.instanceId}) calls the activity '${name}', and the test gives no result for it. Pass activities: { ${name}: (input) => result } (throw to make it fail), or appActivities: true (or ['${name}']) to run the app's own code.`);
        }
        this.send(instance.instanceId, activityCompletion(name, work.id, outcome));
    }
    runsAppActivity(name) {
        const wanted = this.options.appActivities;
        if (!wanted)
            return false;
        const registered = this.app.info.functions.some((f) => f.kind === 'activity' && f.name.toLowerCase() === name.toLowerCase());
        if (wanted === true)
            return registered;
        return registered && wanted.some((w) => w.toLowerCase() === name.toLowerCase());
    }
    async runHttp(instance, work) {
        const request = httpRequestOf(work.source, work.detail?.pollLocation);
        const handler = this.options.http;
        if (!handler)
            throw new LocalRuntimeError(`${instance.name} (${instance.instanceId}) calls callHttp (${request.method} ${request.uri}), and the test gives no answer. Pass http: (request) => ({ statusCode: 200, content: '...' }).`);
        instance.calls.push({ activity: replay_actions/* HTTP_ACTIVITY */.ji, input: request, sequenceId: work.id, at: this.now });
        let outcome;
        try {
            const answer = await handler({ ...request, poll: work.detail?.pollLocation !== undefined });
            outcome = { kind: 'returned', json: JSON.stringify({ statusCode: answer.statusCode, headers: answer.headers ?? {}, content: answer.content ?? null }) };
        }
        catch (error) {
            outcome = { kind: 'threw', message: (0,errors/* errorMessage */.gJ)(error), errorName: 'HttpRequestException' };
        }
        this.send(instance.instanceId, activityCompletion(replay_actions/* HTTP_ACTIVITY */.ji, work.id, outcome));
    }
    // ---------------------------------------------------------------- entities
    async runEntity(target, batch) {
        const { name, key } = (0,replay_actions/* entityOf */.lr)(target) ?? { name: target, key: '' };
        let record = this.entities.get(target);
        if (!record)
            this.entities.set(target, (record = { name, key, exists: false, state: undefined, waiting: [] }));
        record.waiting.push(...batch);
        const pending = record.waiting.splice(0);
        for (const message of pending) {
            const request = parseJson(message.event.Input);
            const parent = typeof request?.parent === 'string' ? request.parent : undefined;
            if (message.event.Name === 'release') {
                if (record.lockedBy === parent)
                    delete record.lockedBy;
                continue;
            }
            // Held by another orchestration's critical section: it waits for the release.
            if (record.lockedBy !== undefined && record.lockedBy !== parent) {
                record.waiting.push(message);
                continue;
            }
            if (Array.isArray(request?.lockset)) {
                record.lockedBy = parent;
                const lockSet = request.lockset;
                const pos = typeof request.pos === 'number' ? request.pos : 0;
                if (pos + 1 < lockSet.length) {
                    this.send((0,replay_actions/* schedulerIdOf */.gS)(lockSet[pos + 1]), {
                        EventType: history_events/* EventType */.Bx.EventRaised,
                        Name: 'op',
                        Input: JSON.stringify({ ...request, pos: pos + 1 }),
                    });
                }
                else if (parent) {
                    this.send(parent, { EventType: history_events/* EventType */.Bx.EventRaised, Name: String(request.id), Input: JSON.stringify({ result: 'Lock Acquisition Completed' }) });
                }
                continue;
            }
            await this.runOperation(record, target, request ?? {});
        }
        // A release frees the entity: requests that waited for it run now.
        if (record.lockedBy === undefined && record.waiting.length > 0 && pending.some((m) => m.event.Name === 'release')) {
            const again = record.waiting.splice(0);
            await this.runEntity(target, again);
        }
    }
    async runOperation(record, target, request) {
        const operation = typeof request.op === 'string' ? request.op : '';
        const signal = request.signal === true;
        const parent = typeof request.parent === 'string' ? request.parent : undefined;
        const input = typeof request.input === 'string' ? parseJson(request.input) : undefined;
        // ResponseMessage: result always (null when nothing returned), exceptionType when it threw.
        let response;
        const mockName = findKey(this.options.entities ?? {}, record.name);
        if (mockName !== undefined) {
            try {
                const answer = await this.options.entities[mockName]({
                    key: record.key,
                    operation,
                    input,
                    state: parseJson(record.state),
                });
                if (answer && 'state' in answer) {
                    record.exists = true;
                    record.state = answer.state === undefined ? undefined : JSON.stringify(answer.state);
                }
                response = { result: jsonOf(answer ? answer.result : undefined) };
            }
            catch (error) {
                // The test's set-up, not the entity, failed: said as such.
                if (error instanceof LocalRuntimeError)
                    throw error;
                // As a JavaScript entity answers a throw: JSON.stringify of the error ("{}" for an Error).
                response = { result: JSON.stringify(error) ?? null, exceptionType: 'Error' };
            }
        }
        else {
            const registered = this.app.info.functions.find((f) => f.kind === 'entity' && f.name.toLowerCase() === record.name.toLowerCase());
            if (!registered)
                throw new LocalRuntimeError(`An orchestration sent '${operation}' to the entity ${target}, which the app does not register and the test does not mock (entities: { ${record.name}: ... }).`);
            const trigger = {
                self: { name: record.name, key: record.key },
                exists: record.exists,
                state: record.state,
                batch: [{ name: operation, input: typeof request.input === 'string' ? request.input : undefined, isSignal: signal }],
            };
            const outcome = (await this.app.call({ kind: 'function', name: registered.name, trigger }));
            if (outcome.kind === 'threw')
                throw new LocalRuntimeError(`The entity function '${registered.name}' threw outside its operation: ${outcome.message}`);
            const state = parseJson(outcome.json);
            record.exists = state?.entityExists === true;
            record.state = record.exists ? state?.entityState : undefined;
            const result = state?.results?.[0];
            response = result?.isError ? { result: result.result ?? null, exceptionType: 'Error' } : { result: result?.result ?? null };
            for (const sent of state?.signals ?? []) {
                if (!sent.target?.name)
                    continue;
                this.send((0,replay_actions/* schedulerIdOf */.gS)({ name: sent.target.name, key: sent.target.key ?? '' }), {
                    EventType: history_events/* EventType */.Bx.EventRaised,
                    Name: 'op',
                    Input: JSON.stringify({ op: sent.name, signal: true, input: sent.input || null, id: `${String(request.id)}:${sent.name}`, parent: target }),
                });
            }
        }
        if (!signal && parent && typeof request.id === 'string') {
            this.send(parent, { EventType: history_events/* EventType */.Bx.EventRaised, Name: request.id, Input: JSON.stringify(response) });
        }
    }
}
/** One instance of an orchestration in the local runtime: its status, output and history. */
/** Timer-only episodes in a row, each due within a second of the last, before a moving fire time is reported. */
const CHASE_LIMIT = 50;
class TestInstance {
    runtime;
    name;
    instanceId;
    taskHub;
    parent;
    status = 'Pending';
    output;
    customStatus;
    /** Failed: the message production records, the code's own error and its stack; Terminated: the reason. */
    failure;
    /** Activities (and callHttp requests) it called, in order, with their inputs as the activity received them. */
    calls = [];
    /** Calls production would drop or refuse (a function the app does not register, a retry interval too long). */
    problems = [];
    /** @internal timer-only episodes in a row, each due within a second (a fire time that moves: see CHASE_LIMIT) */
    chasing = 0;
    /** @internal the current generation's events, appended in place */
    events = [];
    /** @internal */
    lastEpisode = Number.NEGATIVE_INFINITY;
    executionId;
    generation = 0;
    /** Earlier generations, with the history's length at each episode that ended waiting. */
    earlier = [];
    boundaries = [];
    /** @internal */
    constructor(runtime, name, instanceId, taskHub, 
    /** @internal */
    parent) {
        this.runtime = runtime;
        this.name = name;
        this.instanceId = instanceId;
        this.taskHub = taskHub;
        this.parent = parent;
        this.executionId = executionIdFor(instanceId, 0);
    }
    /** @internal */
    get ended() {
        return this.status === 'Completed' || this.status === 'Failed' || this.status === 'Terminated';
    }
    /** The current generation's history (a copy). */
    history() {
        return this.events.map((e) => ({ ...e }));
    }
    /** The current generation as a durable-gate history file, as `record` writes one. */
    toFile() {
        return this.fileOf(this.events, this.status === 'Pending' ? 'Running' : this.status);
    }
    /** Earlier generations (continueAsNew), oldest first. */
    get generations() {
        return this.earlier.map(({ file }) => file);
    }
    /**
     * The history at every point the instance was in flight (each episode that ended with it
     * waiting), of every generation: the histories a deployment can meet. Oldest first.
     */
    inFlightHistories() {
        const prefixes = (file, boundaries) => boundaries.map((length) => ({ ...file, runtimeStatus: 'Running', history: file.history.slice(0, length) }));
        return [...this.earlier.flatMap(({ file, boundaries }) => prefixes(file, boundaries)), ...prefixes(this.toFile(), this.boundaries)];
    }
    /** Raises an external event and delivers it (settle()). */
    async raiseEvent(name, data) {
        this.runtime.send(this.instanceId, { EventType: history_events/* EventType */.Bx.EventRaised, Name: name, Input: data === undefined ? null : JSON.stringify(data) });
        await this.runtime.settle();
    }
    async suspend(reason = 'suspended by the test') {
        this.runtime.send(this.instanceId, { EventType: history_events/* EventType */.Bx.ExecutionSuspended, Reason: reason });
        await this.runtime.settle();
    }
    async resume(reason = 'resumed by the test') {
        this.runtime.send(this.instanceId, { EventType: history_events/* EventType */.Bx.ExecutionResumed, Reason: reason });
        await this.runtime.settle();
    }
    async terminate(reason = 'terminated by the test') {
        this.runtime.send(this.instanceId, { EventType: history_events/* EventType */.Bx.ExecutionTerminated, Input: JSON.stringify(reason) });
        await this.runtime.settle();
    }
    /** @internal an episode ended with the instance waiting */
    markBoundary() {
        this.boundaries.push(this.events.length);
    }
    /** @internal continueAsNew: the history so far becomes an earlier generation */
    nextGeneration() {
        this.earlier.push({ file: this.fileOf(this.events, 'ContinuedAsNew'), boundaries: this.boundaries });
        this.generation += 1;
        this.executionId = executionIdFor(this.instanceId, this.generation);
        this.events = [];
        this.boundaries = [];
        this.status = 'Pending';
    }
    fileOf(events, runtimeStatus) {
        return {
            schema: history_events/* HISTORY_SCHEMA */.NF,
            taskHub: this.taskHub,
            instanceId: this.instanceId,
            executionId: this.executionId,
            name: this.name,
            version: '',
            runtimeStatus,
            recordedAt: this.runtime.now.toISOString(),
            history: events.map((e) => ({ ...e })),
        };
    }
}
/** The id of the lock the instance holds: its last lock request's (ReleaseMessage.id). */
function heldLockId(events) {
    for (let i = events.length - 1; i >= 0; i--) {
        const e = events[i];
        if (e.EventType !== history_events/* EventType */.Bx.EventSent || e.Name !== 'op')
            continue;
        const request = parseJson(e.Input);
        if (Array.isArray(request?.lockset) && typeof request.id === 'string')
            return request.id;
    }
    return '';
}
function startedEvent(name, instanceId, executionId, input, parent, 
/** Set (0) only by a client's start: a sub-orchestration's or a new generation's start leaves it null. */
generation) {
    return {
        EventType: history_events/* EventType */.Bx.ExecutionStarted,
        EventId: -1,
        OrchestrationInstance: { InstanceId: instanceId, ExecutionId: executionId },
        ParentInstance: parent
            ? { Name: parent.name, OrchestrationInstance: { InstanceId: parent.instanceId, ExecutionId: parent.executionId }, TaskScheduleId: parent.sequenceId }
            : null,
        Name: name,
        Version: '',
        Input: jsonOf(input),
        Tags: null,
        Generation: generation ?? null,
    };
}
function runtime_event(type, id, stamp) {
    return { EventType: type, EventId: id, Timestamp: stamp, IsPlayed: false };
}
/** The completion of an activity (or callHttp) as the extension writes it into the orchestration's history. */
function activityCompletion(name, id, outcome) {
    if (outcome.kind === 'returned')
        return { EventType: history_events/* EventType */.Bx.TaskCompleted, TaskScheduledId: id, Result: outcome.json ?? null };
    // TaskActivityShim: the message is cut from the host's "Exception: <message>" with its leading
    // space; Details is the .NET exception serialized (its stack is the host's: the JavaScript one here).
    return {
        EventType: history_events/* EventType */.Bx.TaskFailed,
        TaskScheduledId: id,
        Reason: `Activity function '${name}' failed:  ${outcome.message}`,
        Details: JSON.stringify({
            ClassName: 'System.Exception',
            Message: ` ${outcome.message}`,
            StackTraceString: outcome.stack ?? null,
            ErrorName: outcome.errorName,
        }),
        FailureDetails: null,
    };
}
/** The DurableHttpRequest callHttp sends (a 202's poll: a GET of its Location with the same headers). */
function httpRequestOf(action, pollLocation) {
    const request = (action.httpRequest ?? {});
    const headers = request.headers ?? {};
    if (pollLocation !== undefined)
        return { method: 'GET', uri: pollLocation, headers, poll: true };
    return {
        method: String(request.method ?? 'GET').toUpperCase(),
        uri: String(request.uri ?? ''),
        headers,
        ...(request.content !== undefined ? { content: request.content } : {}),
        poll: false,
    };
}
const SCHEDULING = new Set([
    history_events/* EventType */.Bx.TaskScheduled,
    history_events/* EventType */.Bx.TimerCreated,
    history_events/* EventType */.Bx.SubOrchestrationInstanceCreated,
    history_events/* EventType */.Bx.EventSent,
    history_events/* EventType */.Bx.ExecutionCompleted,
    history_events/* EventType */.Bx.ContinueAsNew,
]);
/** The id DurableTask.Core's counter gives next: one more than every id taken (each scheduling event holds one). */
function nextSequenceId(history) {
    let max = -1;
    for (const e of history)
        if (SCHEDULING.has(e.EventType) && e.EventId > max)
            max = e.EventId;
    return max + 1;
}
/** A value as the extension stores it (JToken.ToString): absent or null is stored as null. */
function jsonOf(value) {
    return value === undefined || value === null ? null : JSON.stringify(value);
}
/**
 * What an activity receives: durable-functions sends a string input encoded once more
 * (Utils.processInput), and the activity gets it decoded, as `Hello ${name}` in the samples shows.
 */
function activityInput(value) {
    return typeof value === 'string' ? (0,inputs/* readable */.HD)(value) : copy(value);
}
function copy(value) {
    return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}
function parseJson(text) {
    if (typeof text !== 'string')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function findKey(map, name) {
    if (Object.prototype.hasOwnProperty.call(map, name))
        return name;
    return Object.keys(map).find((key) => key.toLowerCase() === name.toLowerCase());
}
function untilTime(value, now) {
    if (value instanceof Date)
        return value.getTime();
    const at = Date.parse(value);
    if (Number.isFinite(at) && /\d{4}-\d\d-\d\d/.test(value))
        return at;
    const ms = (0,harness_duration/* durationMs */.p)(value);
    if (ms === undefined)
        throw new LocalRuntimeError(`run({ until: ${JSON.stringify(value)} }): expected a time (a Date, an ISO 8601 text), milliseconds, or a duration such as '72h', '30d'.`);
    return now + ms;
}
/** Deterministic execution ids, the builder's for the first generation: the same test writes the same histories. */
function executionIdFor(instanceId, generation) {
    return deterministicHexId(generation === 0 ? instanceId : `${instanceId}:${generation}`);
}

;// CONCATENATED MODULE: ./harness/testing/scenario.ts
/**
 * Scenarios: one orchestration run on the local runtime, written down (docs/testing.md,
 * "Scenarios"). A JSON file gives results as values; a module (.js, .mjs, .cjs) may give functions
 * for results that must be computed. `check` runs each on the old code and replays every history it
 * wrote, at every point an instance waited, against the new code.
 */







const EXPECTED = 'Expected a scenario: { "orchestrator": "<name>", "input": ..., "activities": { "<name>": { "result": ... } } } (docs/testing.md, "Scenarios"), or an array of them.';
/** Scenario files (.json) and modules (.js, .mjs, .cjs), from files, folders and globs. */
async function readScenarios(args, cwd) {
    const json = await (0,paths/* expandPaths */.pR)(args, cwd, '.json');
    const modules = await (0,paths/* expandPaths */.pR)(args, cwd, '.js');
    const files = [...new Set([...json.files, ...modules.files])].sort();
    const unmatched = json.unmatched.filter((arg) => modules.unmatched.includes(arg));
    if (unmatched.length > 0)
        throw new errors/* UsageError */.eb(`--scenarios ${unmatched.join(', ')}: no such file or folder, or no scenario (*.json, *.js, *.mjs, *.cjs) in it.`);
    const loaded = [];
    for (const file of files) {
        const shown = (0,paths/* displayPath */.Gt)(file, cwd);
        let value;
        try {
            if (/\.json$/i.test(file))
                value = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
            else {
                const module = (await import(/* webpackIgnore: true */ (0,external_node_url_.pathToFileURL)((0,external_node_path_.resolve)(file)).href));
                value = module.default ?? module.scenarios;
            }
        }
        catch (error) {
            throw new errors/* UsageError */.eb(`scenario ${shown} could not be read: ${(0,errors/* errorMessage */.gJ)(error)}. ${EXPECTED}`);
        }
        const list = Array.isArray(value) ? value : [value];
        list.forEach((item, i) => loaded.push({ scenario: checkScenario(item, list.length > 1 ? `${shown}#${i + 1}` : shown), label: list.length > 1 ? `${shown}#${i + 1}` : shown }));
    }
    return loaded;
}
function checkScenario(value, label) {
    if (!value || typeof value !== 'object' || Array.isArray(value))
        throw new errors/* UsageError */.eb(`scenario ${label} is not an object. ${EXPECTED}`);
    const s = value;
    if (typeof s.orchestrator !== 'string' || s.orchestrator === '')
        throw new errors/* UsageError */.eb(`scenario ${label} has no "orchestrator" (the orchestrator's name). ${EXPECTED}`);
    for (const key of ['activities', 'subOrchestrations', 'entities']) {
        if (s[key] !== undefined && (typeof s[key] !== 'object' || s[key] === null || Array.isArray(s[key])))
            throw new errors/* UsageError */.eb(`scenario ${label}: "${key}" must be an object keyed by function name.`);
    }
    const checkAnswers = (where, answer) => {
        const ok = (a) => !!a && typeof a === 'object' && ('result' in a || typeof a.error === 'string');
        const list = answer && typeof answer === 'object' && 'results' in answer ? answer.results : [answer];
        if (!Array.isArray(list) || list.length === 0 || !list.every(ok))
            throw new errors/* UsageError */.eb(`scenario ${label}: ${where} must be { "result": <value> }, { "error": "<message>" }, or { "results": [ ... ] } of those, one per call.`);
    };
    for (const [kind, answers] of [
        ['activities', s.activities],
        ['subOrchestrations', s.subOrchestrations],
    ]) {
        for (const [name, answer] of Object.entries((answers ?? {})))
            if (typeof answer !== 'function')
                checkAnswers(`${kind}.${name}`, answer);
    }
    for (const [name, byOperation] of Object.entries((s.entities ?? {}))) {
        if (typeof byOperation === 'function')
            continue;
        if (!byOperation || typeof byOperation !== 'object' || Array.isArray(byOperation))
            throw new errors/* UsageError */.eb(`scenario ${label}: entities.${name} must be answers by operation, such as { "reserve": { "result": 3 } }, or a function (in a module).`);
        for (const [operation, answer] of Object.entries(byOperation))
            checkAnswers(`entities.${name}.${operation}`, answer);
    }
    if (s.http !== undefined &&
        typeof s.http !== 'function' &&
        !(Array.isArray(s.http) && s.http.length > 0 && s.http.every((a) => !!a && typeof a.statusCode === 'number')))
        throw new errors/* UsageError */.eb(`scenario ${label}: "http" must be callHttp answers in order, such as [{ "statusCode": 200, "content": "done" }], or a function (in a module).`);
    if (s.events !== undefined && !Array.isArray(s.events))
        throw new errors/* UsageError */.eb(`scenario ${label}: "events" must be an array of { "name", "data", "after" }.`);
    for (const [i, event] of (s.events ?? []).entries()) {
        const e = event;
        if (!e || typeof e.name !== 'string')
            throw new errors/* UsageError */.eb(`scenario ${label}: events[${i}] needs a "name".`);
        if (e.after !== undefined && (typeof e.after !== 'string' || (0,harness_duration/* durationMs */.p)(e.after) === undefined))
            throw new errors/* UsageError */.eb(`scenario ${label}: events[${i}].after ${JSON.stringify(e.after)} is not a duration such as '90s', '1h' or '3d'.`);
    }
    if (s.until !== undefined && (typeof s.until !== 'string' || (0,harness_duration/* durationMs */.p)(s.until) === undefined))
        throw new errors/* UsageError */.eb(`scenario ${label}: "until" ${JSON.stringify(s.until)} is not a duration such as '30d'.`);
    return value;
}
/** A mock that gives the answers in order, the last one again for every later call. */
function fromAnswers(answers) {
    const list = 'results' in answers ? answers.results : [answers];
    let calls = 0;
    return () => {
        const answer = list[Math.min(calls++, list.length - 1)];
        if ('error' in answer)
            throw new Error(answer.error);
        return answer.result;
    };
}
function mocks(given) {
    return Object.fromEntries(Object.entries(given ?? {}).map(([name, a]) => [name, typeof a === 'function' ? a : fromAnswers(a)]));
}
/** Entities answered by operation: each operation's answers in order; an operation not given is an error naming it. */
function entityMocks(given, label) {
    return Object.fromEntries(Object.entries(given).map(([name, answers]) => {
        if (typeof answers === 'function')
            return [name, answers];
        const operations = new Map(Object.entries(answers).map(([operation, a]) => [operation, fromAnswers(a)]));
        const mock = ({ operation, input }) => {
            const answer = operations.get(operation);
            if (!answer)
                throw new LocalRuntimeError(`entities.${name} in ${label} has no answer for the operation '${operation}'.`);
            return { result: answer(input) };
        };
        return [name, mock];
    }));
}
/**
 * Runs a scenario on `app` (the old code) and returns every history the run wrote while an
 * instance was in flight (each instance, sub-orchestrations included, at each episode that ended
 * with it waiting), labelled `<scenario>#<instance>@<n>`.
 */
async function runScenario(app, { scenario, label }) {
    const http = scenario.http;
    let httpCalls = 0;
    const runtime = LocalRuntime.over(app, {
        storeInputs: true,
        activities: mocks(scenario.activities),
        subOrchestrations: mocks(scenario.subOrchestrations),
        ...(scenario.entities ? { entities: entityMocks(scenario.entities, label) } : {}),
        ...(scenario.appActivities !== undefined ? { appActivities: scenario.appActivities } : {}),
        ...(scenario.startTime ? { startTime: scenario.startTime } : {}),
        ...(http ? { http: typeof http === 'function' ? http : () => http[Math.min(httpCalls++, http.length - 1)] } : {}),
    });
    const started = runtime.now.getTime();
    const first = await runtime.start(scenario.orchestrator, {
        ...(scenario.input !== undefined ? { input: scenario.input } : {}),
        ...(scenario.instanceId ? { instanceId: scenario.instanceId } : {}),
    });
    const events = [...(scenario.events ?? [])].sort((a, b) => ((0,harness_duration/* durationMs */.p)(a.after ?? '0s') ?? 0) - ((0,harness_duration/* durationMs */.p)(b.after ?? '0s') ?? 0));
    for (const event of events) {
        await runtime.advanceTo(started + ((0,harness_duration/* durationMs */.p)(event.after ?? '0s') ?? 0));
        const target = event.instanceId ? runtime.instance(event.instanceId) : first;
        if (!target)
            throw new errors/* UsageError */.eb(`scenario ${label}: events names the instance '${event.instanceId}', which the run never started.`);
        await target.raiseEvent(event.name, event.data);
    }
    await runtime.run(scenario.until ? { until: started + (0,harness_duration/* durationMs */.p)(scenario.until) } : {});
    const items = [];
    for (const instance of runtime.allInstances) {
        for (const [n, file] of instance.inFlightHistories().entries())
            items.push({ value: file, source: `${label}#${instance.instanceId}@${n + 1}` });
    }
    return items;
}

;// CONCATENATED MODULE: ./harness/testing/check.ts
/**
 * `check`: version N+1 against version N with no production access. Scenarios run on the old
 * code (the local runtime) and every history they write at each point an instance waited is
 * replayed against the new code; recorded histories add each point they passed through. The
 * report, advice and exit codes are replay's.
 */







const NO_SCENARIO = 'check needs scenarios (--scenarios) or recorded histories (--histories) to run the old code with. Write a first scenario as a JSON file, ' +
    'e.g. scenarios/order.json: { "orchestrator": "ProcessOrder", "input": { "orderId": "o-1" }, "appActivities": true } ' +
    '(activities run from the app\'s own code; give results instead with "activities": { "ChargePayment": { "result": { "charged": 10 } } }); see docs/testing.md, "Scenarios".';
async function runCheckStreamed(job) {
    if (job.scenarios.length === 0 && job.histories.length === 0)
        throw new errors/* UsageError */.eb(NO_SCENARIO);
    const scenarios = job.scenarios.length > 0 ? await readScenarios(job.scenarios, job.cwd) : [];
    const items = [...(await recordedPrefixes(job.histories, job.cwd))];
    if (scenarios.length > 0) {
        const base = await (0,host/* loadApp */.AT)(job.base, {
            userOutput: job.userOutput ?? 'stderr',
            ...(job.allowStaleBuild ? { allowStaleBuild: true } : {}),
            ...(job.historyTimeoutMs ? { historyTimeoutMs: job.historyTimeoutMs } : {}),
            ...(job.memoryLimitMb ? { memoryLimitMb: job.memoryLimitMb } : {}),
            ...(job.signal ? { signal: job.signal } : {}),
        });
        try {
            for (const loaded of scenarios) {
                let written;
                try {
                    written = await runScenario(base, loaded);
                }
                catch (error) {
                    if (job.signal?.aborted)
                        throw new errors/* UsageError */.eb(`stopped (${(0,host/* stopReason */.PJ)(job.signal)}) while ${loaded.label} ran on the old code; nothing was checked.`);
                    // A scenario the old code cannot run is the scenario's problem, said with its name.
                    throw new errors/* UsageError */.eb(`scenario ${loaded.label} did not run on the old code (${(0,paths/* displayPath */.Gt)(job.base, job.cwd)}): ${(0,errors/* errorMessage */.gJ)(error)}`);
                }
                job.onScenario?.(loaded.scenario.name ? `${loaded.label} (${loaded.scenario.name})` : loaded.label, written.length);
                items.push(...written);
            }
        }
        finally {
            await base.close();
        }
    }
    if (items.length === 0)
        throw new errors/* UsageError */.eb('the scenarios and histories gave no point at which an instance waits (every run finished within its first episode): there is nothing a deployment could break. Add a scenario with an activity, a timer or an event.');
    const report = await runReplayStreamed({ ...job, histories: [], items });
    return Object.assign(report, { generated: items.length });
}
/**
 * A recorded history at each episode that ended with the instance waiting: the points production
 * passed through. They are what the old code wrote with these inputs, results and events, as a
 * run of the old code on them would write again.
 */
async function recordedPrefixes(args, cwd) {
    if (args.length === 0)
        return [];
    const { files, unmatched } = await (0,paths/* expandHistoryPaths */.xS)(args, cwd);
    if (unmatched.length > 0)
        throw new errors/* UsageError */.eb(`--histories ${unmatched.join(', ')}: no such file or folder, or no *.json in it.`);
    const items = [];
    for (const path of files) {
        const history = await (0,load/* readHistoryFile */.tG)(path);
        const shown = (0,paths/* displayPath */.Gt)(path, cwd);
        let n = 0;
        for (const [i, event] of history.events.entries()) {
            if (event.EventType === history_events/* EventType */.Bx.ExecutionCompleted || event.EventType === history_events/* EventType */.Bx.ContinueAsNew)
                break;
            if (event.EventType !== history_events/* EventType */.Bx.OrchestratorCompleted)
                continue;
            const file = {
                schema: history_events/* HISTORY_SCHEMA */.NF,
                instanceId: history.instanceId,
                ...(history.executionId ? { executionId: history.executionId } : {}),
                name: history.orchestrator,
                version: history.version,
                runtimeStatus: 'Running',
                history: history.events.slice(0, i + 1),
            };
            items.push({ value: file, source: `${shown}@${++n}` });
        }
    }
    return items;
}

;// CONCATENATED MODULE: ./src/commands/check.ts
/**
 * `check`'s settings: replay's, with the old code (`base`) and the scenarios to run on it; the
 * histories are optional. The job is harness/testing/check.ts; the report is replay's.
 */




const CHECK_OPTIONS = {
    base: 'text',
    scenarios: 'list',
    ...REPLAY_OPTIONS,
};
function readCheckSettings(given) {
    const input = (0,commands_input/* declaredInput */.B)('check', CHECK_OPTIONS, given);
    const base = input.text('base');
    if (!base)
        throw new errors/* UsageError */.eb(`missing ${input.label('base')}: the function app folder with the old code, built (in a pull request: the base branch checked out beside the head and built).`);
    return { ...readReplaySettings(given, { historiesRequired: false, command: 'check' }), base, scenarios: input.list('scenarios') };
}
/** Runs check with these settings, as runReplaySettings runs replay. */
function runCheckSettings(settings, services, events = {}) {
    return withReplayJob(settings, services, events, (job) => runCheckStreamed({ ...job, base: settings.base, scenarios: settings.scenarios }));
}

// EXTERNAL MODULE: ./harness/version.ts
var version = __nccwpck_require__(8785);
// EXTERNAL MODULE: ./src/option-names.ts
var option_names = __nccwpck_require__(1635);
// EXTERNAL MODULE: ./src/cli/args.ts
var cli_args = __nccwpck_require__(7593);
// EXTERNAL MODULE: ./src/cli/usage.ts
var usage = __nccwpck_require__(7485);
;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * `durable-gate`: the command line. Parses argv, calls the libraries, returns the exit code
 * (0 all good, 1 the check found a problem, 2 the tool could not do its job).
 */












const defaultIo = () => ({ stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
async function main(argv, io = defaultIo(), signal) {
    const [command, ...rest] = argv;
    (0,option_names/* nameOptionsAs */.g)(cli_args/* cliLabel */.VU);
    try {
        switch (command) {
            case undefined:
                io.stderr.write(usage/* USAGE */.u_);
                return 2;
            case '-h':
            case '--help':
            case 'help':
                io.stdout.write(usage/* USAGE */.u_);
                return 0;
            case '--version':
            case '-v':
                io.stdout.write(`${version/* VERSION */.x}\n`);
                return 0;
            case 'replay':
                return await replayCommand('replay', rest, io, signal);
            case 'check':
                return await replayCommand('check', rest, io, signal);
            case 'lint':
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(429), __nccwpck_require__.e(572)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4572))).lintCommand(rest, io);
            // The Azure SDKs load only for the commands that use them: replay (and its worker) start faster.
            case 'record':
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(860), __nccwpck_require__.e(688), __nccwpck_require__.e(837)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6837))).recordCommand(rest, io, signal);
            case 'gate':
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(860), __nccwpck_require__.e(688), __nccwpck_require__.e(837)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6837))).gateCommand(rest, io, signal);
            case 'validate':
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(860), __nccwpck_require__.e(688), __nccwpck_require__.e(346)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2346))).validateCommand(rest, io, signal);
            case 'swap':
                return await (await Promise.all(/* import() */[__nccwpck_require__.e(860), __nccwpck_require__.e(688), __nccwpck_require__.e(346)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2346))).swapCommand(rest, io, signal);
            default:
                throw new errors/* UsageError */.eb(`unknown command '${command}'. Commands: replay, check, lint, record, gate, validate, swap. Run 'durable-gate --help'.`);
        }
    }
    catch (error) {
        return reportError(error, io);
    }
}
/**
 * The process around main(): SIGINT/SIGTERM cancel the command, which stops and says what it had
 * done; a command that has not stopped STOP_GRACE_MS later, or a second signal, ends the process
 * (exit 2). Nothing keeps the process alive after the report (a request left open, a worker).
 */
async function runProcess(argv) {
    const say = (message) => process.stderr.write(`durable-gate: ${message}\n`);
    return (0,src_deadline/* withProcessSignals */.pr)((signal) => main(argv, defaultIo(), signal), { stopping: say, ending: say }, 2);
}
function reportError(error, io) {
    if (error instanceof errors/* UsageError */.eb) {
        io.stderr.write(`durable-gate: ${error.message}\n`);
    }
    else if (error instanceof errors/* AppLoadError */._n) {
        io.stderr.write(`durable-gate: could not load the function app: ${error.message}\n`);
        if (error.userStack)
            io.stderr.write(`\nThe app's own error:\n${error.userStack}\n`);
    }
    else {
        io.stderr.write(`durable-gate: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
    }
    return 2;
}
function parseReplay(command, args, io) {
    const { values, positionals, input } = (0,cli_args/* parseCommandArgs */.Qx)(command, args, command === 'check' ? CHECK_OPTIONS : REPLAY_OPTIONS, { output: { type: 'string' }, force: { type: 'boolean' }, 'no-color': { type: 'boolean' } }, true);
    if (values.help)
        return 'help';
    // `--histories a.json b.json` lists several: positionals after the last list option belong to it.
    const takes = command === 'check' && values.scenarios && !values.histories ? 'scenarios' : 'histories';
    if (!values[takes] && positionals.length > 0) {
        throw new errors/* UsageError */.eb(`unexpected argument '${positionals[0]}'. ${command === 'check' ? 'Scenarios go after --scenarios, histories' : 'Histories'} after --histories.`);
    }
    const given = { ...input, list: (name) => (name === takes ? [...input.list(name), ...positionals] : input.list(name)) };
    const settings = (0,cli_args/* withHelpHint */.dn)(command, () => (command === 'check' ? readCheckSettings(given) : readReplaySettings(given)));
    return {
        ...settings,
        ...(typeof values.output === 'string' ? { output: values.output } : {}),
        force: values.force === true,
        color: values['no-color'] !== true && io.stdout.isTTY === true && !io.env.NO_COLOR,
    };
}
/** replay, and check (which runs scenarios on the old code first, then replays as replay does). */
async function replayCommand(command, args, io, signal) {
    const options = parseReplay(command, args, io);
    if (options === 'help') {
        io.stdout.write(command === 'check' ? usage/* CHECK_USAGE */.Z$ : usage/* REPLAY_USAGE */.k8);
        return 0;
    }
    if (options.output)
        (0,cli_args/* checkOutputFile */.CK)(options.output, options.force, io.cwd, 'report.json');
    const progress = io.stderr.isTTY === true;
    const services = { cwd: io.cwd, ...(signal ? { signal } : {}) };
    const events = {
        onAppWarning: (warning) => io.stderr.write(`durable-gate: warning: ${warning}\n`),
        onProgress: (done, total) => {
            if (progress && total >= 200)
                io.stderr.write(done < total ? `\rreplayed ${done}/${total}` : '\r\u001b[K');
        },
        onScenario: (label, histories) => io.stderr.write(`durable-gate: ran ${label} on the old code: ${histories} point(s) where an instance waits, to check\n`),
    };
    const { report, stopped } = 'base' in options ? await runCheckSettings(options, services, events) : await runReplaySettings(options, services, events);
    try {
        // Written as it is rendered: the report of a large run is never one string.
        const render = { cwd: io.cwd, version: version/* VERSION */.x, quiet: options.quiet };
        for (const piece of (0,write/* inPiecesOf */._W)(reportChunks(report, options.format, { ...render, color: options.color })))
            io.stdout.write(piece);
        if (options.output) {
            await (0,write/* writeWhole */.f8)((0,external_node_path_.resolve)(io.cwd, options.output), reportChunks(report, formatForFile(options.output), render), { overwrite: options.force });
        }
    }
    finally {
        report.results.dispose();
    }
    if (stopped)
        io.stderr.write(`durable-gate: stopped: ${stopped}. The histories not replayed are listed as not checked; replay them again.\n`);
    return (0,replay_result/* exitCodeFor */.Rr)(report.summary);
}


/***/ }),

/***/ 7485:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MO: () => (/* binding */ SWAP_USAGE),
/* harmony export */   Z$: () => (/* binding */ CHECK_USAGE),
/* harmony export */   cZ: () => (/* binding */ RECORD_USAGE),
/* harmony export */   gX: () => (/* binding */ LINT_USAGE),
/* harmony export */   k8: () => (/* binding */ REPLAY_USAGE),
/* harmony export */   u_: () => (/* binding */ USAGE),
/* harmony export */   xt: () => (/* binding */ VALIDATE_USAGE),
/* harmony export */   y3: () => (/* binding */ GATE_USAGE)
/* harmony export */ });
/** The help of each command: what it does, its options with their defaults, its exit codes. */
const USAGE = `Usage: durable-gate <command> [options]

Commands:
  replay    Replay recorded orchestration histories against new orchestrator code
  check     Run scenarios on the old code and replay what they wrote against the new code
  lint      Find what replay cannot see in orchestrator code: the clock, randomness, I/O
  record    Export the histories of in-flight instances from a task hub
  gate      Wait until nothing is in flight in a task hub (or the one bound to a slot)
  validate  Check that a function app's slots are set up for a drain-and-swap
  swap      Swap a slot into production, check its health, swap back if unhealthy

Options:
  -h, --help     Show this help.
  -v, --version  Show the version.

Run 'durable-gate <command> --help' for the options of a command.
Exit codes: 0 all good, 1 the check found a problem, 2 the tool could not do its job.
`;
const REPLAY_USAGE = `Usage: durable-gate replay --app <dir> --histories <path>... [options]

Replays each history through the new code with the app's own durable-functions SDK and judges
it by the rules the Durable Task runtime applies. Verdicts: ok, nondeterministic, failed, error.

Options:
  --app <dir>            The function app folder with the new code (holds host.json and package.json).
                         TypeScript apps must be built first.
  --histories <path>     History files, folders (every *.json below) or globs. Repeat, or list several.
  --format <format>      Report format on stdout: text (default), json, junit (JUnit XML for CI test
                         reports) or sarif (SARIF 2.1.0, uploadable to GitHub code scanning).
  --quiet                Text format: leave out the line of each history that is ok; what broke,
                         the advice and the totals stay. For runs over thousands of histories.
  --allow-stale-build    Replay the app's built JavaScript even when its sources changed after it was
                         built. Without it such an app is refused (exit 2): the replay would judge
                         the code as it was before those changes.
  --fail-on-input-drift  A call the new code makes at its recorded step with another input than the
                         history recorded fails that history (the runtime carries on; by default
                         it is a warning on an ok result).
  --perturb              Run each history that replays ok once more with the wall clock moved,
                         other random numbers and ids, and the environment variables it read
                         changed, and compare everything the two runs schedule: code that depends
                         on them is nondeterministic, with the source and the line that read it.
                         About twice the time. See docs/lint.md, "Perturbed replay".
  --output <file>        Also write the report to this file, in the format its name says: .json,
                         .xml (JUnit), .sarif, text otherwise. Refuses to overwrite an existing file
                         unless --force.
  --force                Allow --output to overwrite an existing file.
  --require-version-bump When something breaks, also require host.json
                         extensions.durableTask.defaultVersion (or --version-file) to be a minor or
                         major version above the versions the broken instances were started with.
  --version-file <file>  Where the version is: a JSON file's "version" (package.json) or a text file.
  --timeout <duration>   Stop after this long (default 30m): histories not replayed by then are
                         reported as not checked (exit 2). Durations: 90s, 30m, 2h.
  --history-timeout <duration>
                         How long one history may run (default 30s): an orchestrator that loops
                         or waits for ever is stopped and reported as failed for that history only.
                         Loading the app may take 60 s.
  --history-memory <MB>  The heap one replay may use (default 2048): an orchestrator that allocates
                         without bound is stopped there and reported as failed for that history.
  --finished <how>       Histories of finished instances (Completed, Failed, Terminated): runtime
                         (default) judges them as the runtime does, which never replays them: ok,
                         with what the new code does on their path as a warning; judge replays them
                         as if still in flight (pull-request checks over recorded samples).
  --schema <schema>      The replay schema the host advertises: auto (default: V4 when a history
                         holds a lock request, else V3), V3 (extension bundles up to the Durable
                         extension 3.12) or V4 (3.13 and later; context.df.lock needs it).
  --no-color             Plain text even on a terminal.
  -h, --help             Show this help.

Exit codes: 0 every history replays cleanly; 1 the new code breaks at least one instance
(nondeterministic or failed); 2 nothing could be checked, bad options, some histories could not
be read, or the run was cancelled or timed out before every history was replayed (1 wins over 2).
`;
const CHECK_USAGE = `Usage: durable-gate check --base <old app dir> --app <new app dir> --scenarios <path>... [options]

Checks version N+1 against version N with no production access: runs each scenario on the old
code with the local Durable runtime (its own durable-functions SDK, activities from the scenario
or the app), keeps the history at every point an instance waits, and replays each against the new
code, reported as replay reports.

Options:
  --base <dir>           The function app folder with the old code, built (in a pull request: the
                         base branch checked out beside the head, and built).
  --app <dir>            The function app folder with the new code, built.
  --scenarios <path>     Scenario files (*.json), modules (*.js, *.mjs, *.cjs), folders or globs.
                         See docs/testing.md, "Scenarios".
  --histories <path>     Recorded histories too: each point they passed through is checked.
  Every other option of replay: --format, --output, --quiet, --fail-on-input-drift, --perturb,
  --allow-stale-build (both apps), --timeout, --history-timeout, --schema, ...

Exit codes: as replay's: 0 every point replays cleanly; 1 the new code breaks one; 2 a scenario
could not run on the old code, bad options, or nothing could be checked.
`;
const AZURE_HELP = `Azure:
  --app-name <name>       The function app (site) name.
  --resource-group <name> Its resource group.
  --subscription <id>     Its subscription (default: AZURE_SUBSCRIPTION_ID).
  --auth <kind>           azure-cli (default: the login az or azure/login left), oidc (GitHub's OIDC
                          token for --client-id in --tenant-id; the job needs id-token: write),
                          managed-identity (self-hosted runners), default (DefaultAzureCredential).
  --client-id <id>        oidc: the app registration or managed identity (default AZURE_CLIENT_ID);
                          managed-identity: a user-assigned identity.
  --tenant-id <id>        The tenant (default AZURE_TENANT_ID).
  --environment <cloud>   AzureCloud (default), AzureChinaCloud or AzureUSGovernment.
  --arm-endpoint <url>    Another Resource Manager endpoint (Azure Stack, private clouds).`;
const CONNECTION_HELP = `  --task-hub <name>      The task hub (host.json extensions.durableTask.hubName). With --app, read
                         from its host.json as func start does: %Setting% resolved from the
                         environment, then local.settings.json; no hubName: WEBSITE_SITE_NAME or
                         TestHubName.
  --connection <name>    The app setting with the storage connection (default: the one --app's
                         host.json names, else AzureWebJobsStorage, or for the Durable Task
                         Scheduler DURABLE_TASK_SCHEDULER_CONNECTION_STRING): an environment variable holding
                         a connection string (UseDevelopmentStorage=true for Azurite), or
                         identity-based settings <name>__accountName, <name>__tableServiceUri,
                         <name>__credential=managedidentity, <name>__clientId.
  --app <dir>            The function app folder: its host.json names the hub and the connection
                         setting, its local.settings.json Values are read (the environment wins).
                         When host.json sets storageProvider.type azureManaged, the Durable Task
                         Scheduler is read (its connection string's Authentication signs in).
  --table-prefix <name>  The tables' prefix when the tracking store is shared (default: the task hub).`;
const RECORD_USAGE = `Usage: durable-gate record --task-hub <name> --out <dir> [options]
       durable-gate record --app <dir> --out <dir> [options]

Exports the histories of in-flight instances, one durable-gate history file per instance.

Options:
${CONNECTION_HELP}
  --out <dir>            Where the files go (created if missing). Another instance's file is never
                         replaced; the same instance's file is updated.
  --status <list>        Statuses to record (default Pending,Running,Suspended,ContinuedAsNew).
  --orchestrator <name>  Only instances of this orchestrator (repeatable, or A,B; any letter case).
  --instance <id>        Only this instance (repeatable).
  --created-after <time> Only instances created at or after this time (ISO 8601).
  --limit <n>            At most n instances.
  --redact <path>        Replace a payload value before writing (repeatable): $.customer.email,
                         input:$.card, result:$.token, $..email, $.items[*].sku. Redacting a value the
                         orchestrator branches on can change what replay finds: redact personal
                         data, not the values the code decides on.
  --keep-per-orchestrator <n>
                         After recording, keep only the n most recently recorded files per
                         orchestrator in --out (a folder kept for pull-request checks).
  --max-age <duration>   After recording, remove files in --out recorded longer ago than this (7d).
  --timeout <duration>   Stop after this long (default 30m): instances not recorded by then are
                         listed. Files are written whole or not at all.
  -h, --help             Show this help.

Exit codes: 0 recorded; 1 some instances could not be recorded whole (they are listed); 2 could not
read the task hub, bad options, or stopped by --timeout or a cancel (what was not recorded is listed).
`;
const GATE_USAGE = `Usage: durable-gate gate --task-hub <name> [options]
       durable-gate gate --app <dir> [options]
       durable-gate gate --slot <slot> --app <dir> --app-name <name> --resource-group <name> [options]

Waits until nothing is in flight in the task hub (Azure Storage, or the Durable Task Scheduler when
--app's host.json names it), or the timeout passes. With --slot, the task hub and its storage or
scheduler are discovered from the slot's app settings (through Azure Resource Manager) and the
app's host.json: no storage secret is needed; the scheduler is read as --auth signs in.

Options:
${CONNECTION_HELP}
  --timeout <duration>   How long to wait (default 30m). Durations: 90s, 30m, 2h, 1h30m.
  --interval <duration>  Time between polls (default 15s).
  --status <list>        Statuses that block (default Pending,Running,Suspended,ContinuedAsNew:
                         suspended instances resume on the new code).
  --http-endpoint <url>  Instead of the task hub, ask the app's Durable Functions HTTP API (for
                         backends durable-gate does not read: MSSQL, Netherite). The
                         durabletask_extension system key is read from
                         the environment variable named by --http-key-env (default
                         DURABLE_GATE_SYSTEM_KEY).
  --http-key-env <name>  The environment variable holding that system key.
  --wait-for <what>      all (default): wait for every instance in flight. breaking: replay the
                         in-flight histories against the new code (--app, built) at each poll and
                         wait only for the instances it breaks or cannot check; the others go on
                         running on the new code. One more poll confirms before the gate passes.
  --stale-after <dur>    Mark instances not updated for this long as possibly stuck.
  --ignore-stale         Let possibly stuck instances pass (needs --stale-after; the report says so).
  --format text|json     Report format on stdout (default text).
  --slot <name>          Discover the hub bound to this slot (e.g. staging); --app gives host.json.
${AZURE_HELP}
  -h, --help             Show this help.

Exit codes: 0 drained; 1 timed out (what blocks is listed); 2 could not query the task hub,
cancelled (SIGINT/SIGTERM), or bad options. The gate fails closed.
`;
const VALIDATE_USAGE = `Usage: durable-gate validate --slot <slot> --app-name <name> --resource-group <name> [options]

Checks that the slot set-up is fit for a drain-and-swap: the durable storage setting exists on
both slots and is not sticky, the slots do not share a task hub, host.json names the hub
explicitly, and the plan has slots; on the Durable Task Scheduler, also that each slot's task hub
exists and that durable-gate's sign-in may read it. Changes nothing.

Options:
  --slot <name>           The slot to be swapped (e.g. staging).
  --target <name>         The slot it swaps into (default production).
  --app <dir>             The function app folder being deployed (its host.json is read).
  --format text|json      Report format on stdout (default text).
  --timeout <duration>    Stop after this long (default 5m).
${AZURE_HELP}
  -h, --help              Show this help.

Exit codes: 0 no errors (warnings may be listed); 1 errors found (each says how to fix it);
2 could not check (Azure unreachable, not allowed, app or slot not found, bad options, stopped by
--timeout or a cancel).
`;
const SWAP_USAGE = `Usage: durable-gate swap --slot <slot> --app-name <name> --resource-group <name> [options]

Validates the set-up, swaps the slot into the target through Azure Resource Manager, follows the
operation to its end, checks the target's health and swaps back when it is unhealthy.

Options:
  --slot <name>           The slot holding the new version (e.g. staging).
  --target <name>         The slot to swap into (default production).
  --action <action>       swap (default); preview (apply the target's slot settings to the slot:
                          phase one of a swap with preview); complete (finish a previewed swap);
                          reset (cancel a preview).
  --health-url <url>      After the swap, GET this URL on the target until it answers healthily.
  --health-status <code>  The healthy status (default 200).
  --health-expect <text>  The healthy body must contain this text (e.g. the commit deployed).
  --health-attempts <n>   Attempts before the target counts as unhealthy (default 10).
  --health-interval <dur> Time between attempts (default 10s).
  --rollback <when>       on-failure (default: swap back when the health check fails) or never.
  --timeout <duration>    How long to wait for busy sites and for each operation (default 15m).
  --app <dir>             The function app folder being deployed (its host.json is validated).
  --skip-validation       Swap without validating the slot set-up.
  --format text|json      Report format on stdout (default text).
${AZURE_HELP}
  -h, --help              Show this help.

Exit codes: 0 the target serves the new version (healthily, when --health-url is given);
1 the swap or the health check failed (the report says whether it was swapped back);
2 could not act: validation errors, Azure unreachable, not allowed, cancelled, bad options.
`;
const LINT_USAGE = `Usage: durable-gate lint --app <dir> [options]

Checks the orchestrators of a function app (TypeScript or JavaScript, programming model v4 or
function.json) and every function they call, across files, for code that replay cannot judge:
the wall clock, randomness and ids, waits without a durable timer, await and Promises, I/O, the
environment, module state, unguarded logging, endless loops without continueAsNew, and calls by
names the app does not register. Rules and examples: docs/lint.md.

Options:
  --app <dir>         The function app folder (holds host.json). Its sources are read (for
                      TypeScript, not the build), node_modules and tsconfig's outDir left out.
  --format <format>   text (default), json, sarif (SARIF 2.1.0 for GitHub code scanning) or
                      github (workflow commands: annotations on the pull request's lines).
  --rules <rule>      Only these rules (repeat, or separate with commas). Default: all.
  --fail-on <level>   The lowest severity that fails the run: error (default), warning or note.
  --output <file>     Also write the report to this file: .json, .sarif, text otherwise. Refuses to
                      overwrite an existing file unless --force.
  --force             Allow --output to overwrite an existing file.
  --no-color          No colours in the text format.

A comment disables a rule on a line, with the reason after --:
  // durable-gate-disable-next-line no-wall-clock -- only logged, never decides anything
(ESLint's own eslint-disable comments naming durable-gate/<rule> count too.)

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 the lint could not do
its job (no such folder, no orchestrator found, a source file that does not parse).
`;


/***/ }),

/***/ 3180:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration)
/* harmony export */ });
/* harmony import */ var _harness_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4117);
/* harmony import */ var _harness_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9410);
/** Durations as options take them: 90s, 30m, 2h, 1h30m. */


/** "90s", "30m", "2h", "1d", "1h30m" -> milliseconds, at most 24 days. */
function parseDuration(option, text) {
    const total = (0,_harness_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .durationMs */ .p)(text);
    if (total === undefined || total <= 0)
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`Invalid ${option} '${text}'. Expected a duration like 90s, 30m, 2h or 1h30m.`);
    if (total > 24 * 86_400_000)
        throw new _harness_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`Invalid ${option} '${text}'. Durations up to 24d are supported.`);
    return total;
}


/***/ }),

/***/ 4378:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ declaredInput)
/* harmony export */ });
/**
 * The application layer's contract with the two front ends. Each command declares its options once
 * (`OptionSpec`: the CLI's flags without the dashes, the Action's inputs, by the same names), reads
 * its settings from a `SettingsInput` with the same checks and messages for both, and runs with
 * `CommandServices`, telling the front end what happens through its events.
 */
/**
 * The input restricted to the command's declared options: reading another name is a bug in the
 * command, caught by the tests of both front ends, so that what action.yml declares (checked
 * against every spec) is what the commands read.
 */
function declaredInput(command, spec, input) {
    const check = (name, kind) => {
        if (spec[name] !== kind)
            throw new Error(`${command} reads the ${kind} option '${name}', which its option spec does not declare as such.`);
        return name;
    };
    return {
        text: (name) => input.text(check(name, 'text')),
        flag: (name) => input.flag(check(name, 'flag')),
        list: (name) => input.list(check(name, 'list')),
        label: (name) => input.label(name),
        passed: (name, value) => input.passed(name, value),
    };
}


/***/ }),

/***/ 6683:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   NE: () => (/* binding */ withDeadline),
/* harmony export */   a6: () => (/* binding */ flushed),
/* harmony export */   pr: () => (/* binding */ withProcessSignals)
/* harmony export */ });
/* unused harmony export STOP_GRACE_MS */
/**
 * Command deadlines (one signal that ends a command's work on a cancel or when its time is up),
 * and the process rules the CLI and the Action share.
 */
/** How long a command may take to stop after SIGINT/SIGTERM before the process ends anyway. */
const STOP_GRACE_MS = 2000;
/** Resolves when what was written to the stream has been handed to the system. */
function flushed(stream) {
    return new Promise((resolvePromise) => {
        if (!stream.write('', () => resolvePromise()))
            stream.once('drain', () => resolvePromise());
    });
}
/**
 * Runs a front end's work under the process rules: the process stays up while it awaits (work
 * held only by unreferenced handles would otherwise let it end mid-await, with no report);
 * SIGINT/SIGTERM abort the signal it is given, so that it stops and says what it had done; a
 * second signal, or work not stopped STOP_GRACE_MS later, ends the process with `failedCode`.
 */
async function withProcessSignals(work, say, failedCode) {
    const controller = new AbortController();
    const keepAlive = setInterval(() => undefined, 1 << 30);
    const onSignal = (name) => {
        if (controller.signal.aborted) {
            say.ending(`${name} again: ending now. What was not finished is not done.`);
            process.exit(failedCode);
        }
        say.stopping(`${name} received: stopping.`);
        controller.abort(`the run was cancelled (${name})`);
        setTimeout(() => {
            say.ending(`not stopped ${STOP_GRACE_MS / 1000} s after ${name}: ending now. What was not finished is not done.`);
            process.exit(failedCode);
        }, STOP_GRACE_MS).unref();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
        return await work(controller.signal);
    }
    finally {
        clearInterval(keepAlive);
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}
/**
 * A signal aborted by the caller's signal (its reason passed on), or `ms` from now with `reason`
 * (e.g. "--timeout 5m passed"). Requests, workers and loops given this signal stop with it.
 */
function withDeadline(parent, ms, reason) {
    const controller = new AbortController();
    const onParent = () => controller.abort(parent?.reason);
    if (parent?.aborted)
        onParent();
    else
        parent?.addEventListener('abort', onParent, { once: true });
    const timer = ms === undefined ? undefined : setTimeout(() => controller.abort(reason), Math.min(ms, 2_000_000_000));
    return {
        signal: controller.signal,
        abort(why) {
            controller.abort(why);
        },
        clear() {
            clearTimeout(timer);
            parent?.removeEventListener('abort', onParent);
        },
    };
}


/***/ }),

/***/ 1635:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ nameOptionsAs),
/* harmony export */   u: () => (/* binding */ option)
/* harmony export */ });
/**
 * How the libraries below the application layer name an option in a message: neutrally ('app-name')
 * unless the front end in this process says how its users write them (`--app-name` on the command
 * line, `input app-name` in the Action). Set once at start, like the secret sink (secrets.ts).
 */
let label = (name) => `'${name}'`;
function nameOptionsAs(naming) {
    label = naming;
}
/** The option as the user of this process writes it. */
function option(name) {
    return label(name);
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 8056:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 4547:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 3106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(7318);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
