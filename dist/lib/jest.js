var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
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
    var WINDOWS_CHARS = {
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
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
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
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
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
      let token = { value: "", depth: 0, isGlob: false };
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
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
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
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
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
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
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
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
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
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
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
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
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
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
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
        if (ch === "\\") {
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
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
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
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
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
    var repeatedExtglobRecursion = (pattern) => {
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
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
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
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
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
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
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
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
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
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open2 = tokens[token.tokensIndex];
          open2.type = "text";
          open2.value = literal;
          open2.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open2.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
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
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
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
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open2 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open2);
          push(open2);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
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
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
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
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
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
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/posix.js
var require_posix = __commonJS({
  "node_modules/picomatch/posix.js"(exports, module) {
    "use strict";
    module.exports = require_picomatch();
  }
});

// harness/jest.ts
import { readdirSync as readdirSync3, statSync as statSync2 } from "node:fs";
import { join as join6, relative as relative2 } from "node:path";

// harness/app/host.ts
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { closeSync as closeSync3, openSync as openSync4, readFileSync as readFileSync4, readSync as readSync2, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath as fileURLToPath2 } from "node:url";
import { join as join4, resolve as resolve4 } from "node:path";

// harness/errors.ts
var BRAND = /* @__PURE__ */ Symbol.for("durable-gate.error");
function branded(name, base) {
  Object.defineProperty(base, Symbol.hasInstance, {
    value(instance) {
      if (this !== base) return Function.prototype[Symbol.hasInstance].call(this, instance);
      if (typeof instance !== "object" || instance === null) return false;
      const brands = instance[BRAND];
      return Array.isArray(brands) && brands.includes(name);
    }
  });
  Object.defineProperty(base.prototype, "name", { value: name, writable: true, configurable: true });
  return base;
}
function brand(error, name) {
  const holder = error;
  const existing = holder[BRAND] ?? [];
  Object.defineProperty(error, BRAND, { value: [...existing, name], enumerable: false, configurable: true });
}
var DurableGateError = branded(
  "DurableGateError",
  class DurableGateError2 extends Error {
    constructor(message, options) {
      super(message, options);
      brand(this, "DurableGateError");
    }
  }
);
var IncompatibleCodeError = branded(
  "IncompatibleCodeError",
  class IncompatibleCodeError2 extends DurableGateError {
    result;
    constructor(message, result) {
      super(message);
      brand(this, "IncompatibleCodeError");
      this.result = result;
    }
  }
);
var NondeterminismError = branded(
  "NondeterminismError",
  class NondeterminismError2 extends IncompatibleCodeError {
    constructor(message, result) {
      super(message, result);
      brand(this, "NondeterminismError");
    }
  }
);
var ReplayFailure = branded(
  "ReplayFailure",
  class ReplayFailure2 extends IncompatibleCodeError {
    constructor(message, result) {
      super(message, result);
      brand(this, "ReplayFailure");
    }
  }
);
var HistoryError = branded(
  "HistoryError",
  class HistoryError2 extends DurableGateError {
    source;
    eventIndex;
    /** The problem without the file name in front. */
    detail;
    constructor(source, detail, eventIndex) {
      super(`${source}${eventIndex === void 0 ? "" : ` (event ${eventIndex})`}: ${detail}`);
      brand(this, "HistoryError");
      this.source = source;
      this.eventIndex = eventIndex;
      this.detail = eventIndex === void 0 ? detail : `event ${eventIndex}: ${detail}`;
    }
  }
);
var AppLoadError = branded(
  "AppLoadError",
  class AppLoadError2 extends DurableGateError {
    appDir;
    userStack;
    constructor(appDir, message, userStack) {
      super(message);
      brand(this, "AppLoadError");
      this.appDir = appDir;
      this.userStack = userStack;
    }
  }
);
var UsageError = branded(
  "UsageError",
  class UsageError2 extends DurableGateError {
    constructor(message) {
      super(message);
      brand(this, "UsageError");
    }
  }
);
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// harness/history/load.ts
import { isUtf8 } from "node:buffer";
import { closeSync, fstatSync, openSync, readFileSync } from "node:fs";
import { lstat, open, readlink } from "node:fs/promises";

// harness/history/events.ts
var EventType = /* @__PURE__ */ ((EventType2) => {
  EventType2[EventType2["ExecutionStarted"] = 0] = "ExecutionStarted";
  EventType2[EventType2["ExecutionCompleted"] = 1] = "ExecutionCompleted";
  EventType2[EventType2["ExecutionFailed"] = 2] = "ExecutionFailed";
  EventType2[EventType2["ExecutionTerminated"] = 3] = "ExecutionTerminated";
  EventType2[EventType2["TaskScheduled"] = 4] = "TaskScheduled";
  EventType2[EventType2["TaskCompleted"] = 5] = "TaskCompleted";
  EventType2[EventType2["TaskFailed"] = 6] = "TaskFailed";
  EventType2[EventType2["SubOrchestrationInstanceCreated"] = 7] = "SubOrchestrationInstanceCreated";
  EventType2[EventType2["SubOrchestrationInstanceCompleted"] = 8] = "SubOrchestrationInstanceCompleted";
  EventType2[EventType2["SubOrchestrationInstanceFailed"] = 9] = "SubOrchestrationInstanceFailed";
  EventType2[EventType2["TimerCreated"] = 10] = "TimerCreated";
  EventType2[EventType2["TimerFired"] = 11] = "TimerFired";
  EventType2[EventType2["OrchestratorStarted"] = 12] = "OrchestratorStarted";
  EventType2[EventType2["OrchestratorCompleted"] = 13] = "OrchestratorCompleted";
  EventType2[EventType2["EventSent"] = 14] = "EventSent";
  EventType2[EventType2["EventRaised"] = 15] = "EventRaised";
  EventType2[EventType2["ContinueAsNew"] = 16] = "ContinueAsNew";
  EventType2[EventType2["GenericEvent"] = 17] = "GenericEvent";
  EventType2[EventType2["HistoryState"] = 18] = "HistoryState";
  EventType2[EventType2["ExecutionSuspended"] = 19] = "ExecutionSuspended";
  EventType2[EventType2["ExecutionResumed"] = 20] = "ExecutionResumed";
  EventType2[EventType2["ExecutionRewound"] = 21] = "ExecutionRewound";
  return EventType2;
})(EventType || {});
var NAMES = new Map(
  Object.entries(EventType).filter((entry) => typeof entry[1] === "number").map(([name, value]) => [name.toLowerCase(), value])
);
function eventTypeFromName(name) {
  return NAMES.get(name.toLowerCase());
}
function eventTypeName(type) {
  return EventType[type] ?? `EventType ${type}`;
}
function isKnownEventType(type) {
  return typeof type === "number" && Number.isInteger(type) && EventType[type] !== void 0;
}
var OrchestrationStatus = /* @__PURE__ */ ((OrchestrationStatus2) => {
  OrchestrationStatus2[OrchestrationStatus2["Running"] = 0] = "Running";
  OrchestrationStatus2[OrchestrationStatus2["Completed"] = 1] = "Completed";
  OrchestrationStatus2[OrchestrationStatus2["ContinuedAsNew"] = 2] = "ContinuedAsNew";
  OrchestrationStatus2[OrchestrationStatus2["Failed"] = 3] = "Failed";
  OrchestrationStatus2[OrchestrationStatus2["Canceled"] = 4] = "Canceled";
  OrchestrationStatus2[OrchestrationStatus2["Terminated"] = 5] = "Terminated";
  OrchestrationStatus2[OrchestrationStatus2["Pending"] = 6] = "Pending";
  OrchestrationStatus2[OrchestrationStatus2["Suspended"] = 7] = "Suspended";
  return OrchestrationStatus2;
})(OrchestrationStatus || {});
function orchestrationStatusName(value) {
  if (typeof value === "number") return OrchestrationStatus[value];
  if (typeof value !== "string") return void 0;
  const name = Object.keys(OrchestrationStatus).find((key) => key.toLowerCase() === value.toLowerCase() && Number.isNaN(Number(key)));
  return name;
}
var HISTORY_SCHEMA = "durable-gate.history/v1";

// harness/history/load.ts
var PAYLOAD_FIELDS = {
  [0 /* ExecutionStarted */]: [{ field: "Input", read: true }],
  [1 /* ExecutionCompleted */]: [{ field: "Result", read: false }],
  [3 /* ExecutionTerminated */]: [{ field: "Input", read: false }],
  [4 /* TaskScheduled */]: [{ field: "Input", read: false }],
  [5 /* TaskCompleted */]: [{ field: "Result", read: true }],
  [6 /* TaskFailed */]: [
    { field: "Reason", read: true },
    { field: "Details", read: true }
  ],
  [7 /* SubOrchestrationInstanceCreated */]: [{ field: "Input", read: false }],
  [8 /* SubOrchestrationInstanceCompleted */]: [{ field: "Result", read: true }],
  [9 /* SubOrchestrationInstanceFailed */]: [
    { field: "Reason", read: true },
    { field: "Details", read: true }
  ],
  [14 /* EventSent */]: [
    { field: "Input", read: false },
    { field: "Input", member: "input", read: false }
  ],
  [15 /* EventRaised */]: [
    { field: "Input", read: true },
    { field: "Input", member: "result", read: true }
  ],
  [17 /* GenericEvent */]: [{ field: "Data", read: false }],
  [16 /* ContinueAsNew */]: [{ field: "Result", read: false }],
  [19 /* ExecutionSuspended */]: [{ field: "Reason", read: false }],
  [20 /* ExecutionResumed */]: [{ field: "Reason", read: false }]
};
function isPayloadReference(value) {
  return typeof value === "string" && value.startsWith("blob:v") && /^blob:v[12]:/.test(value);
}
function referenceAdvice(reference, count = 1) {
  const where2 = reference.startsWith("blob:v1:") ? `the blob ${reference.slice("blob:v1:".length).replace(":", "/")} in the storage account the app keeps its payloads in` : `the blob at ${reference.slice("blob:v2:".length)}`;
  return `To check it, download ${count > 1 ? `each of the ${count} referenced blobs (the first: ${where2})` : where2}, gunzip it if it is compressed, put its text in the field in place of the reference, and replay again. Until then the instance counts as not checked: a gate waits for it to finish.`;
}
function externalPayloadsOf(events) {
  const found = [];
  for (let i = 0; i < events.length; i++) {
    const fields = PAYLOAD_FIELDS[events[i].EventType];
    if (!fields) continue;
    const event2 = events[i];
    for (const { field, member, read: read2 } of fields) {
      let value = event2[field];
      if (member !== void 0) {
        if (typeof value !== "string" || !value.includes('"blob:v')) continue;
        value = memberOf(value, member);
      }
      if (isPayloadReference(value)) found.push({ eventIndex: i, field: member === void 0 ? field : `${field}.${member}`, reference: value, read: read2 });
    }
  }
  return found;
}
function memberOf(json, member) {
  try {
    const value = JSON.parse(json);
    return value && typeof value === "object" ? value[member] : void 0;
  } catch {
    return void 0;
  }
}
var SHOW_HISTORY_ADVICE = `This looks like the HTTP management API's "showHistory" output. That form drops EventIds, TaskScheduledIds and OrchestratorStarted events and folds each TaskScheduled into its completion, so it cannot drive an exact replay. Export the instance's rows of the task hub's History table as JSON instead, e.g. az storage entity query --table-name <TaskHub>History --filter "PartitionKey eq '<instance id>'" > <instance id>.json; durable-gate reads those rows as they are.`;
var TABLE_COLUMNS = /* @__PURE__ */ new Set(["PartitionKey", "RowKey", "Timestamp", "ExecutionId", "etag", "odata.etag", "_Timestamp"]);
var STRING_FIELDS = /* @__PURE__ */ new Set(["Input", "Result", "Reason", "Details", "Name", "Version", "InstanceId", "Data", "State", "Output"]);
var INTEGER_FIELDS = ["EventId", "TaskScheduledId", "TimerId", "Generation"];
var MAX_HISTORY_BYTES = 256 * 1024 * 1024;
var MAX_HISTORY_DEPTH = 1e3;
var EXPECTED = "Expected a durable-gate history file, an array of history events or of History table rows, as UTF-8 JSON.";
async function readHistoryFile(path) {
  return parseHistoryText(decodeHistoryBytes(await readHistoryBytes(path), path), path);
}
function readHistoryTextSync(path) {
  let fd;
  try {
    fd = openSync(path, "r");
    const info = fstatSync(fd);
    if (!info.isFile() || info.size > MAX_HISTORY_BYTES) return void 0;
    const text2 = readFileSync(fd, "utf8");
    if (text2.includes("\uFFFD")) return void 0;
    return text2.charCodeAt(0) === 65279 ? text2.slice(1) : text2;
  } catch {
    return void 0;
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
async function readHistoryBytes(path) {
  let handle;
  try {
    handle = await open(path, "r");
    const info = await handle.stat();
    if (info.isDirectory())
      throw new HistoryError(path, "is a folder, not a history file. Pass folders to --histories (or replayHistories), which read every *.json below them.");
    if (info.size > MAX_HISTORY_BYTES) throw tooBig(path, info.size);
    if (info.isFile()) return await handle.readFile();
    const chunks = [];
    let total = 0;
    for (; ; ) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(1 << 20), 0, 1 << 20, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      total += bytesRead;
      if (total > MAX_HISTORY_BYTES) throw tooBig(path, void 0);
      chunks.push(buffer.subarray(0, bytesRead));
    }
  } catch (error) {
    if (error instanceof HistoryError) throw error;
    throw new HistoryError(path, await describeReadError(path, error));
  } finally {
    await handle?.close();
  }
}
function tooBig(path, size) {
  return new HistoryError(
    path,
    `${size === void 0 ? "holds more than" : `is ${megabytes(size)}, more than`} the ${megabytes(MAX_HISTORY_BYTES)} durable-gate reads from one history file. One instance's history is rarely more than a few MB: if this is an export of a whole History table, write one file per instance (the rows of one PartitionKey) and replay those.`
  );
}
function megabytes(bytes) {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
async function describeReadError(path, error) {
  const link = await lstat(path).then(
    (info) => info.isSymbolicLink(),
    () => false
  );
  if (link && (error.code === "ENOENT" || error.code === "ELOOP")) {
    const target = await readlink(path).catch(() => "?");
    return error.code === "ENOENT" ? `is a symbolic link to "${target}", which does not exist (a dangling link). Point the link at the history file, or remove it.` : `is a symbolic link to "${target}" that leads back to itself (a loop of links). Point the link at the history file, or remove it.`;
  }
  if (error.code === "ENOENT") return "no such file";
  if (error.code === "EACCES" || error.code === "EPERM")
    return "cannot read it: permission denied (a history file, or a folder of them that cannot be listed). Give the user running durable-gate read access to it.";
  return `cannot read the file (${error.code ?? error.message})`;
}
function decodeHistoryBytes(bytes, path) {
  const start = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  if (isUtf8(start === 0 ? bytes : bytes.subarray(start))) return bytes.toString("utf8", start);
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) {
    throw new HistoryError(
      path,
      `is UTF-16 text (byte order mark ${hex(bytes[0])} ${hex(bytes[1])}), as Windows PowerShell's ">" writes it. Save it as UTF-8 (e.g. pipe to Out-File -Encoding utf8). ${EXPECTED}`
    );
  }
  if (bytes[0] === 31 && bytes[1] === 139) {
    throw new HistoryError(path, `is gzip-compressed, not JSON text (large-message blobs are stored gzipped). Decompress it first (gunzip). ${EXPECTED}`);
  }
  const offset = firstInvalidUtf8(bytes, start);
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  throw new HistoryError(
    path,
    `is not UTF-8 text: the byte at offset ${offset} (line ${line}), ${hex(bytes[offset] ?? 0)}, does not begin a valid UTF-8 sequence. The file is in another encoding (such as Latin-1 or Windows-1252) or is not text. Convert it to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8). ${EXPECTED}`
  );
}
function hex(byte) {
  return `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}
function firstInvalidUtf8(bytes, from = 0) {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 128) {
      i++;
      continue;
    }
    let need;
    let low = 128;
    let high = 191;
    if (b >= 194 && b <= 223) need = 1;
    else if (b >= 224 && b <= 239) {
      need = 2;
      if (b === 224) low = 160;
      else if (b === 237) high = 159;
    } else if (b >= 240 && b <= 244) {
      need = 3;
      if (b === 240) low = 144;
      else if (b === 244) high = 143;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === void 0 || c < (k === 1 ? low : 128) || c > (k === 1 ? high : 191)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
function parseHistoryText(text2, source) {
  if (text2.charCodeAt(0) === 65279) text2 = text2.slice(1);
  if (text2.trim() === "") throw new HistoryError(source, `the file is empty. ${EXPECTED}`);
  let value;
  try {
    value = JSON.parse(text2);
  } catch (error) {
    const message = error.message;
    if (error instanceof RangeError) {
      throw new HistoryError(source, `could not be parsed (${message}): it is too large or too deeply nested. ${EXPECTED}`);
    }
    const reason = message.replace(/\s+/g, " ").replace(/"(.{40}).*?" is not valid JSON/, '"$1..." is not valid JSON');
    const position = /at position (\d+)/.exec(message)?.[1];
    if (/Unexpected end of JSON input|Unterminated string/.test(message) || position !== void 0 && Number(position) >= text2.trimEnd().length) {
      throw new HistoryError(
        source,
        `is truncated: the JSON stops in the middle of a value after ${text2.length} characters (${reason}). The file was cut short while it was written or copied: record or copy it again. ${EXPECTED}`
      );
    }
    const line = position === void 0 || /\(line \d+/.test(message) ? "" : `, line ${lineAt(text2, Number(position))}`;
    throw new HistoryError(
      source,
      `not valid JSON (${reason}${line}). Expected a durable-gate history file, an array of history events or of History table rows.`
    );
  }
  return parseHistory(value, source);
}
function lineAt(text2, position) {
  let line = 1;
  for (let i = text2.indexOf("\n"); i >= 0 && i < position; i = text2.indexOf("\n", i + 1)) line++;
  return line;
}
function tooDeep(value, limit) {
  const values = [value];
  const depths = [0];
  while (values.length > 0) {
    const item = values.pop();
    const depth = depths.pop();
    if (typeof item !== "object" || item === null) continue;
    if (depth >= limit) return pathTo(value, item);
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const child = item[i];
        if (typeof child !== "object" || child === null) continue;
        values.push(child);
        depths.push(depth + 1);
      }
    } else {
      for (const key in item) {
        const child = item[key];
        if (typeof child !== "object" || child === null) continue;
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return void 0;
}
function pathTo(root, target) {
  const queue2 = [{ item: root, at: "", depth: 0 }];
  for (let head = 0; head < queue2.length; head++) {
    const { item, at, depth } = queue2[head];
    if (item === target) return at || "the top";
    if (typeof item !== "object" || item === null) continue;
    const named = depth < 4;
    for (const [key, child] of Object.entries(item)) {
      if (typeof child !== "object" || child === null) continue;
      const step2 = Array.isArray(item) ? `[${key}]` : at ? `.${key}` : key;
      queue2.push({ item: child, at: named ? `${at}${step2}` : at, depth: depth + 1 });
    }
  }
  return "the top";
}
function parseHistory(value, source) {
  const deep = tooDeep(value, MAX_HISTORY_DEPTH);
  if (deep !== void 0) {
    throw new HistoryError(
      source,
      `arrays and objects are nested more than ${MAX_HISTORY_DEPTH} levels deep (under ${deep}); no history event nests that deep, and replaying it would overflow the stack. ${EXPECTED}`
    );
  }
  if (Array.isArray(value)) {
    return fromEventArray(value, source, void 0);
  }
  if (!isRecord(value)) {
    throw new HistoryError(source, `expected a JSON object or array, got ${describe(value)}.`);
  }
  if ("historyEvents" in value) {
    throw new HistoryError(source, SHOW_HISTORY_ADVICE);
  }
  if (typeof value.schema === "string" && value.schema !== HISTORY_SCHEMA) {
    throw new HistoryError(source, `schema "${value.schema}" is not supported; this version of durable-gate reads "${HISTORY_SCHEMA}".`);
  }
  for (const key of ["items", "value"]) {
    const rows = value[key];
    if (value.history === void 0 && Array.isArray(rows) && rows.some((r) => isRecord(r) && typeof r.RowKey === "string")) {
      return fromEventArray(rows, source, void 0);
    }
  }
  if (!Array.isArray(value.history)) {
    throw new HistoryError(
      source,
      'expected a "history" array (a durable-gate history file or { "history": [...] }), an array of history events, or an array of History table rows.'
    );
  }
  const meta = {
    format: value.schema === HISTORY_SCHEMA ? "history-file" : "history-object",
    instanceId: stringOr(value.instanceId),
    executionId: stringOr(value.executionId),
    runtimeStatus: stringOr(value.runtimeStatus),
    taskHub: stringOr(value.taskHub)
  };
  return fromEventArray(value.history, source, meta);
}
function fromEventArray(items, source, meta) {
  const notes = [];
  if (items.length === 0) throw new HistoryError(source, "the history is empty: it has no ExecutionStarted event.");
  const records = items.map((item, index) => {
    if (!isRecord(item)) throw new HistoryError(source, `expected an event object, got ${describe(item)}.`, index);
    return item;
  });
  const stringTypes = records.some((r) => typeof r.EventType === "string");
  let events;
  let executionId = meta?.executionId;
  let format = meta?.format ?? "event-array";
  if (stringTypes) {
    const hasRowKeys = records.some((r) => typeof r.RowKey === "string");
    const hasEventIds = records.some((r) => r.EventId !== void 0);
    if (!hasRowKeys && !hasEventIds) {
      const looksLikeShowHistory = records.every((r) => typeof r.EventType === "string" && eventTypeFromName(r.EventType) !== void 0) && records.some((r) => "FunctionName" in r || "Timestamp" in r);
      if (looksLikeShowHistory) throw new HistoryError(source, SHOW_HISTORY_ADVICE);
      const unknown = records.findIndex((r) => typeof r.EventType !== "string" || eventTypeFromName(r.EventType) === void 0);
      if (unknown >= 0)
        throw new HistoryError(
          source,
          `EventType ${JSON.stringify(records[unknown].EventType)} is not a DurableTask.Core event type; the runtime cannot load this history.`,
          unknown
        );
      throw new HistoryError(
        source,
        "events with EventType names but neither RowKey nor EventId: expected History table rows (with RowKey) or DurableTask.Core events (numeric EventType, EventId)."
      );
    }
    const rows = fromTableRows(records, source, notes);
    events = rows.events;
    executionId = executionId ?? rows.executionId;
    if (!meta) format = "table-rows";
  } else {
    events = records.map((record, index) => normaliseEvent(record, index, source, notes));
  }
  return finish(events, source, format, meta, executionId, notes);
}
function fromTableRows(rows, source, notes) {
  const sentinel = rows.find((r) => r.RowKey === "sentinel");
  const eventRows = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.RowKey !== "sentinel");
  if (eventRows.some(({ row }) => typeof row.RowKey === "string")) {
    for (const { row, index } of eventRows) {
      if (typeof row.RowKey !== "string" || !/^[0-9A-Fa-f]+$/.test(row.RowKey)) {
        throw new HistoryError(
          source,
          `RowKey ${JSON.stringify(row.RowKey)} is not a sequence number in hex (History table rows have RowKeys like "000000000000000A").`,
          index
        );
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
    if (executionId !== void 0 && rowExecution !== void 0 && rowExecution !== executionId) {
      leftovers = eventRows.length - i;
      break;
    }
    const blobColumn = Object.keys(row).find((key) => key.endsWith("BlobName") && typeof row[key] === "string" && row[key] !== "");
    if (blobColumn) {
      const prop = blobColumn.slice(0, -"BlobName".length);
      throw new HistoryError(
        source,
        `column ${blobColumn} says the event's ${prop} was moved to the large-message blob "${String(row[blobColumn])}" (container <taskhub>-largemessages), which this file does not hold. Download that blob, gunzip it, put its text in the row's ${prop} column and remove ${blobColumn}.`,
        index
      );
    }
    const event2 = {};
    for (const [key, raw] of Object.entries(row)) {
      if (TABLE_COLUMNS.has(key) || key.includes("@odata")) continue;
      event2[key] = STRING_FIELDS.has(key) ? raw : parseJsonColumn(raw);
    }
    const typeName = row.EventType;
    const type = typeof typeName === "string" ? eventTypeFromName(typeName) : typeName;
    if (type === void 0) {
      throw new HistoryError(source, `EventType "${String(typeName)}" is not a DurableTask.Core event type; the runtime cannot load this history.`, index);
    }
    event2.EventType = type;
    if (row._Timestamp !== void 0) event2.Timestamp = row._Timestamp;
    events.push(normaliseEvent(event2, index, source, notes));
  }
  if (leftovers > 0) {
    notes.push(`ignored ${leftovers} row(s) of an earlier execution left behind by continue-as-new (the runtime ignores them too)`);
  }
  return { events, ...executionId === void 0 ? {} : { executionId } };
}
function parseJsonColumn(raw) {
  if (typeof raw !== "string") return raw;
  const first = raw.trimStart()[0];
  if (first !== "{" && first !== "[") return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
function isUtcIso(value) {
  return typeof value === "string" && value.length >= 20 && value.charCodeAt(value.length - 1) === 90 && value.charCodeAt(10) === 84 && value.charCodeAt(4) === 45;
}
function normaliseEvent(event2, index, source, notes) {
  const type = event2.EventType;
  if (isKnownEventType(type) && typeof event2.EventId === "number" && isUtcIso(event2.Timestamp) && (event2.FireAt === void 0 || isUtcIso(event2.FireAt)) && (event2.TaskScheduledId === void 0 || typeof event2.TaskScheduledId === "number") && (event2.TimerId === void 0 || typeof event2.TimerId === "number") && event2.ScheduledStartTime == null) {
    return event2;
  }
  event2 = { ...event2 };
  if (!isKnownEventType(type)) {
    throw new HistoryError(
      source,
      `EventType ${JSON.stringify(type)} is not a DurableTask.Core event type (0 to 21); the runtime cannot load this history.`,
      index
    );
  }
  for (const field of INTEGER_FIELDS) {
    const raw = event2[field];
    if (typeof raw === "string" && /^-?\d+$/.test(raw)) event2[field] = Number(raw);
    else if (raw !== void 0 && raw !== null && !Number.isInteger(raw)) {
      throw new HistoryError(source, `${eventTypeName(type)}.${field} is ${JSON.stringify(raw)}; expected an integer.`, index);
    }
  }
  if (event2.EventId === void 0 || event2.EventId === null) event2.EventId = -1;
  if (event2.IsPlayed === "true" || event2.IsPlayed === "false") event2.IsPlayed = event2.IsPlayed === "true";
  event2.Timestamp = normaliseTime(event2.Timestamp, "Timestamp", index, source, notes);
  if (event2.FireAt !== void 0) event2.FireAt = normaliseTime(event2.FireAt, "FireAt", index, source, notes);
  if (event2.ScheduledStartTime !== void 0 && event2.ScheduledStartTime !== null) {
    event2.ScheduledStartTime = normaliseTime(event2.ScheduledStartTime, "ScheduledStartTime", index, source, notes);
  }
  return event2;
}
var ZONE = /(Z|[+-]\d\d:?\d\d)$/i;
var zoneNoteText = "timestamps without a time zone were read as UTC, as the runtime writes them";
function normaliseTime(raw, field, index, source, notes) {
  if (raw instanceof Date) return raw.toISOString();
  if (typeof raw !== "string" || raw === "") {
    throw new HistoryError(
      source,
      `${field} is ${raw === void 0 ? "missing" : JSON.stringify(raw)}; expected an ISO 8601 time such as 2024-05-01T10:00:00.000Z.`,
      index
    );
  }
  let text2 = raw.trim();
  if (/^\d{4}-\d\d-\d\dT[\d:.]+$/.test(text2)) {
    text2 += "Z";
    if (!notes.includes(zoneNoteText)) notes.push(zoneNoteText);
  }
  if (!ZONE.test(text2) || Number.isNaN(Date.parse(text2))) {
    throw new HistoryError(source, `${field} "${raw}" is not an ISO 8601 time; expected a time such as 2024-05-01T10:00:00.000Z.`, index);
  }
  return text2;
}
function finish(events, source, format, meta, executionId, notes) {
  let startedIndex = -1;
  let second = -1;
  let orchestratorStarted = false;
  for (let i = 0; i < events.length; i++) {
    const type = events[i].EventType;
    if (type === 0 /* ExecutionStarted */) {
      if (startedIndex < 0) startedIndex = i;
      else if (second < 0) second = i;
    } else if (type === 12 /* OrchestratorStarted */) orchestratorStarted = true;
  }
  if (startedIndex < 0) {
    throw new HistoryError(
      source,
      "the history has no ExecutionStarted event, so the orchestrator and its input are unknown. A history cut at the front cannot be replayed: export the whole instance."
    );
  }
  if (second >= 0) {
    throw new HistoryError(
      source,
      "a second ExecutionStarted event: the history mixes two executions. Keep the events of one execution (History table rows of the sentinel's ExecutionId).",
      second
    );
  }
  if (!orchestratorStarted) {
    throw new HistoryError(
      source,
      "the history has no OrchestratorStarted event; the runtime always writes one before ExecutionStarted, and the SDK cannot run without it."
    );
  }
  const started = events[startedIndex];
  if (typeof started.Name !== "string" || started.Name === "") {
    throw new HistoryError(source, "ExecutionStarted has no Name: the orchestrator is unknown.", startedIndex);
  }
  const instanceId = started.OrchestrationInstance?.InstanceId ?? meta?.instanceId;
  if (!instanceId) {
    throw new HistoryError(source, "ExecutionStarted has no OrchestrationInstance.InstanceId and the file names no instanceId.", startedIndex);
  }
  const execution = started.OrchestrationInstance?.ExecutionId ?? executionId;
  const externalPayloads = externalPayloadsOf(events);
  return {
    source,
    format,
    instanceId,
    ...execution ? { executionId: execution } : {},
    orchestrator: started.Name,
    version: typeof started.Version === "string" ? started.Version : "",
    ...meta?.runtimeStatus ? { runtimeStatus: meta.runtimeStatus } : {},
    ...meta?.taskHub ? { taskHub: meta.taskHub } : {},
    events,
    notes,
    ...externalPayloads.length > 0 ? { externalPayloads } : {}
  };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function stringOr(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}

// harness/history/paths.ts
var import_posix = __toESM(require_posix(), 1);
import { lstat as lstat2, readdir, realpath, stat } from "node:fs/promises";
import { extname, isAbsolute, join, relative, resolve, sep } from "node:path";
var GLOB_CHARS = /[*?[\]{}]/;
async function expandPaths(args, cwd, folderSuffix) {
  const files2 = [];
  const unmatched = [];
  const seen = /* @__PURE__ */ new Set();
  let matched = false;
  const add = ({ path, real }) => {
    matched = true;
    const key = real ?? path;
    if (!seen.has(key)) {
      seen.add(key);
      files2.push(path);
    }
  };
  for (const arg of args) {
    matched = false;
    if (GLOB_CHARS.test(arg)) {
      for (const found of await globFiles(arg, cwd)) add(found);
    } else {
      const path = resolve(cwd, arg);
      const info = await stat(path).catch(() => void 0);
      if (info?.isDirectory()) {
        for (const found of await walkFrom(path)) {
          if (found.unlisted || found.path.toLowerCase().endsWith(folderSuffix) || found.real === void 0 && mayBeFolder(found.path)) add(found);
        }
      } else if (info?.isFile()) {
        add({ path, real: await realpath(path).catch(() => path) });
      } else if (!info && (await lstat2(path).catch(() => void 0))?.isSymbolicLink()) {
        add({ path, real: void 0 });
      }
    }
    if (!matched) unmatched.push(arg);
  }
  return { files: files2, unmatched };
}
function mayBeFolder(path) {
  return extname(path) === "";
}
async function walkFrom(dir) {
  const real = await realpath(dir).catch(() => void 0);
  return real === void 0 ? [] : walk(dir, real, /* @__PURE__ */ new Set([real]));
}
async function walk(dir, realDir, walked) {
  const out = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [{ path: dir, real: void 0, unlisted: true }];
  }
  entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const entry of entries) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    let real = join(realDir, entry.name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => void 0);
      if (!target) {
        out.push({ path, real: void 0 });
        continue;
      }
      real = await realpath(path).catch(() => path);
      isDirectory = target.isDirectory();
      if (!isDirectory && !target.isFile()) continue;
      if (!isDirectory) {
        out.push({ path, real });
        continue;
      }
    }
    if (isDirectory) {
      if (walked.has(real)) continue;
      walked.add(real);
      out.push(...await walk(path, real, walked));
    } else if (entry.isFile()) out.push({ path, real });
  }
  return out;
}
async function globFiles(pattern, cwd) {
  const segments = globPattern(pattern).split("/");
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const baseSegments = segments.slice(0, firstGlob);
  const base = baseSegments.length === 0 ? cwd : resolve(cwd, baseSegments.join("/") || "/");
  const rest = segments.slice(firstGlob).join("/");
  const matches = globMatcher(rest);
  const restSegments = import_posix.default.scan(rest, { parts: true }).parts ?? [rest];
  const all = await walkFrom(base);
  return all.filter((found) => {
    const rel = relative(base, found.path).split(sep).join("/");
    return matches(rel) || found.real === void 0 && (found.unlisted || mayBeFolder(found.path)) && mayHoldMatches(restSegments, rel.split("/"));
  });
}
function globPattern(pattern, separator = sep) {
  return separator === "/" ? pattern : pattern.split(separator).join("/");
}
function globMatcher(glob) {
  const plain = glob.replace(/\\.|[()"]/g, (m) => m.length === 2 ? m : `\\${m}`);
  return (0, import_posix.default)(plain, { dot: true, nonegate: true, noextglob: true, posix: true });
}
function mayHoldMatches(pattern, path) {
  if (path.length === 0) return pattern.length > 0;
  const [head, ...tail] = pattern;
  if (head === void 0) return false;
  if (head === "**") return mayHoldMatches(tail, path) || mayHoldMatches(pattern, path.slice(1));
  if (head.includes("/")) return true;
  return globMatcher(head)(path[0]) && mayHoldMatches(tail, path.slice(1));
}
function displayPath(path, cwd = process.cwd()) {
  if (!isAbsolute(path)) return path.split(sep).join("/");
  const rel = relative(cwd, path);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? path : rel.split(sep).join("/");
}

// harness/app/worker.ts
import { openSync as openSync3, writeSync } from "node:fs";
import { Worker } from "node:worker_threads";

// harness/replay/actions.ts
var ActionType = /* @__PURE__ */ ((ActionType2) => {
  ActionType2[ActionType2["CallActivity"] = 0] = "CallActivity";
  ActionType2[ActionType2["CallActivityWithRetry"] = 1] = "CallActivityWithRetry";
  ActionType2[ActionType2["CallSubOrchestrator"] = 2] = "CallSubOrchestrator";
  ActionType2[ActionType2["CallSubOrchestratorWithRetry"] = 3] = "CallSubOrchestratorWithRetry";
  ActionType2[ActionType2["ContinueAsNew"] = 4] = "ContinueAsNew";
  ActionType2[ActionType2["CreateTimer"] = 5] = "CreateTimer";
  ActionType2[ActionType2["WaitForExternalEvent"] = 6] = "WaitForExternalEvent";
  ActionType2[ActionType2["CallEntity"] = 7] = "CallEntity";
  ActionType2[ActionType2["CallHttp"] = 8] = "CallHttp";
  ActionType2[ActionType2["SignalEntity"] = 9] = "SignalEntity";
  ActionType2[ActionType2["ScheduledSignalEntity"] = 10] = "ScheduledSignalEntity";
  ActionType2[ActionType2["WhenAny"] = 11] = "WhenAny";
  ActionType2[ActionType2["WhenAll"] = 12] = "WhenAll";
  ActionType2[ActionType2["LockEntities"] = 13] = "LockEntities";
  ActionType2[ActionType2["ReleaseEntities"] = 14] = "ReleaseEntities";
  return ActionType2;
})(ActionType || {});
var HTTP_ACTIVITY = "BuiltIn::HttpActivity";
function actionTypeName(type) {
  return ActionType[type] ?? `action type ${type}`;
}
function schedulerIdOf(entity) {
  return `@${entity.name.toLowerCase()}@${entity.key}`;
}
function entityOf(schedulerId) {
  const end = schedulerId.startsWith("@") ? schedulerId.indexOf("@", 1) : -1;
  return end < 0 ? void 0 : { name: schedulerId.slice(1, end), key: schedulerId.slice(end + 1) };
}
function entityNameOf(schedulerId) {
  if (!schedulerId || !schedulerId.startsWith("@")) return void 0;
  const end = schedulerId.indexOf("@", 1);
  return end < 0 ? schedulerId.slice(1) : schedulerId.slice(1, end);
}
function callPhrase(action) {
  const { action: kind, name } = describeAction(action);
  return name ? `${kind} '${name}'` : kind;
}
function describeAction(action) {
  const type = actionTypeName(action.actionType);
  switch (action.actionType) {
    case 0 /* CallActivity */:
    case 1 /* CallActivityWithRetry */:
    case 2 /* CallSubOrchestrator */:
    case 3 /* CallSubOrchestratorWithRetry */:
      return { action: type, ...action.functionName ? { name: action.functionName } : {} };
    case 8 /* CallHttp */:
      return { action: type, name: HTTP_ACTIVITY };
    case 7 /* CallEntity */:
    case 9 /* SignalEntity */:
    case 10 /* ScheduledSignalEntity */:
      return { action: type, name: `${action.instanceId ?? "?"} ${action.operation ?? ""}`.trim() };
    case 6 /* WaitForExternalEvent */:
      return { action: type, ...action.externalEventName ? { name: action.externalEventName } : {} };
    case 4 /* ContinueAsNew */:
    case 5 /* CreateTimer */:
    case 11 /* WhenAny */:
    case 12 /* WhenAll */:
    case 13 /* LockEntities */:
    case 14 /* ReleaseEntities */:
      return { action: type };
    default:
      return { action: type };
  }
}

// harness/replay/locate.ts
import { closeSync as closeSync2, fstatSync as fstatSync2, openSync as openSync2, readFileSync as readFileSync2, readSync, readdirSync } from "node:fs";

// harness/app/native-require.ts
import * as nodeModule from "node:module";
var nativeCreateRequire = Reflect.get(nodeModule, "createRequire");

// harness/replay/locate.ts
import { dirname, join as join2, resolve as resolve2, sep as sep2 } from "node:path";
import { fileURLToPath } from "node:url";
var ActionTracer = class {
  constructor(durableFunctionsDir) {
    this.durableFunctionsDir = durableFunctionsDir;
  }
  durableFunctionsDir;
  holders = /* @__PURE__ */ new WeakMap();
  recording = false;
  installed = false;
  /** Actions created during the current recording, in order: the last is where the code stopped. */
  created = [];
  install() {
    if (this.installed) return;
    this.installed = true;
    const requireSdk = nativeCreateRequire(join2(this.durableFunctionsDir, "package.json"));
    const actionsDir = join2(this.durableFunctionsDir, "lib", "src", "actions");
    const tracer = this;
    for (const file of safeReaddir(actionsDir)) {
      if (!file.endsWith(".js")) continue;
      const module = requireSdk(join2(actionsDir, file));
      for (const [key, value] of Object.entries(module)) {
        if (typeof value !== "function" || !/Action$/.test(key)) continue;
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
        Object.defineProperty(Traced, "name", { value: Original.name });
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
    } finally {
      this.recording = false;
      Error.stackTraceLimit = limit;
    }
  }
  stackOf(action) {
    return action ? this.holders.get(action)?.stack : void 0;
  }
};
var tracers = /* @__PURE__ */ new Map();
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
    return readdirSync(dir);
  } catch {
    return [];
  }
}
var FRAME = /\(?((?:file:\/\/)?\/[^():]+|[A-Za-z]:\\[^():]+):(\d+):(\d+)\)?\s*$/;
function userLocation(stack, appDir) {
  if (!stack) return void 0;
  const root = resolve2(appDir) + sep2;
  for (const line of stack.split("\n").slice(1)) {
    const match = FRAME.exec(line.trim());
    if (!match) continue;
    let file = match[1];
    if (file.startsWith("file://")) file = fileURLToPath(file);
    if (!file.startsWith(root) || file.slice(root.length).split(sep2).includes("node_modules")) continue;
    return mapThroughSourceMap(file, Number(match[2]), Number(match[3]));
  }
  return void 0;
}
var maps = /* @__PURE__ */ new Map();
function mapThroughSourceMap(file, line, column) {
  const loaded = loadMap(file);
  if (loaded) {
    const { map, dir } = loaded;
    const entry = map.findEntry(line - 1, column - 1);
    if (entry.originalSource !== void 0 && entry.originalLine !== void 0) {
      let source = entry.originalSource;
      if (source.startsWith("file://")) source = fileURLToPath(source);
      else source = resolve2(dir, map.payload.sourceRoot ?? "", source);
      return { file: source, line: entry.originalLine + 1, column: (entry.originalColumn ?? 0) + 1 };
    }
  }
  return { file, line, column };
}
function readSourceMap(file) {
  try {
    const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(sourceMapComment(file))?.[1];
    if (!url) return void 0;
    if (url.startsWith("data:")) {
      return { dir: dirname(file), payload: JSON.parse(Buffer.from(url.slice(url.indexOf(",") + 1), "base64").toString("utf8")) };
    }
    const path = resolve2(dirname(file), url);
    return { dir: dirname(path), payload: JSON.parse(readFileSync2(path, "utf8")) };
  } catch {
    return void 0;
  }
}
function sourceMapComment(file) {
  const fd = openSync2(file, "r");
  try {
    const size = fstatSync2(fd).size;
    const tail = Buffer.alloc(Math.min(size, 4096));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const text2 = tail.toString("utf8");
    if (tail.length === size || text2.trimEnd().includes("\n")) return text2;
    return readFileSync2(file, "utf8");
  } finally {
    closeSync2(fd);
  }
}
function loadMap(file) {
  if (maps.has(file)) return maps.get(file);
  const found = readSourceMap(file);
  let loaded = null;
  if (found) {
    const { SourceMap } = nativeCreateRequire(import.meta.url)("node:module");
    loaded = { map: new SourceMap(found.payload), dir: found.dir };
  }
  maps.set(file, loaded);
  return loaded;
}

// harness/replay/messages.ts
var NONDETERMINISM_PREFIX = "Non-Deterministic workflow detected: ";
var TAIL = "Was a change made to the orchestrator code after this instance had already started running?";
function taskScheduledMessage(event2, mismatch) {
  const id = event2.EventId;
  const name = event2.Name ?? "";
  switch (mismatch.kind) {
    case "missing":
      return `A previous execution of this orchestration scheduled an activity task with sequence ID ${id} and name '${name}' (version '${event2.Version ?? ""}'), but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
    case "type":
      return `A previous execution of this orchestration scheduled an activity task with sequence number ${id} named '${name}', but the current orchestration replay instead produced a ${mismatch.actual} action with this sequence number. ${TAIL}`;
    case "name":
      return `A previous execution of this orchestration scheduled an activity task with sequence number ${id} named '${name}', but the current orchestration replay instead scheduled an activity task named '${mismatch.actualName}' with this sequence number.  ${TAIL}`;
  }
}
function timerCreatedMessage(event2, mismatch) {
  const id = event2.EventId;
  switch (mismatch.kind) {
    case "missing":
      return `A previous execution of this orchestration scheduled a timer task with sequence number ${id} but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
    case "type":
    case "name":
      return `A previous execution of this orchestration scheduled a timer task with sequence number ${id} named but the current orchestration replay instead produced a ${mismatch.kind === "type" ? mismatch.actual : "CreateTimerOrchestratorAction"} action with this sequence number. ${TAIL}`;
  }
}
function subOrchestrationCreatedMessage(event2, mismatch) {
  const head = `A previous execution of this orchestration scheduled a sub-orchestration task with sequence ID ${event2.EventId} and name '${event2.Name ?? ""}' (version '${event2.Version ?? ""}', instance ID '${event2.InstanceId ?? ""}'), but the current`;
  switch (mismatch.kind) {
    case "missing":
      return `${head} replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
    case "type":
      return `${head} orchestration replay instead produced a ${mismatch.actual} action at this sequence number. ${TAIL}`;
    case "name":
      return `${head} orchestration replay instead scheduled a sub-orchestration task with name ${mismatch.actualName} at this sequence number. ${TAIL}`;
  }
}
function eventSentMessage(event2, mismatch) {
  const id = event2.EventId;
  const name = event2.Name ?? "";
  const target = event2.InstanceId ?? "";
  switch (mismatch.kind) {
    case "missing":
      return `A previous execution of this orchestration scheduled a send event task with sequence ID ${id}, type 'EventSent' name '${name}', instance ID '${target}', but the current replay execution hasn't (yet?) scheduled this task. ${TAIL}`;
    case "type":
      return `A previous execution of this orchestration scheduled a send event task with sequence ID ${id}, type 'EventSent', name '${name}', instance ID '${target}', but the current orchestration replay instead scheduled a ${mismatch.actual} task at this sequence number. ${TAIL}`;
    case "name":
      return `A previous execution of this orchestration scheduled a send event task with sequence ID ${id}, type 'EventSent', name '${name}', instance ID '${target}'), but the current orchestration replay instead scheduled a send event task with name ${mismatch.actualName}at this sequence number. ${TAIL}`;
  }
}
function orchestratorFailedMessage(orchestrator, error) {
  return `Orchestrator function '${orchestrator}' failed: ${error}`;
}
function missingFunctionMessage(name, type, known) {
  const info = known.length > 0 || type === "entity" ? `The following are the known ${type} functions: '${known.join("', '")}'.` : `No ${type} functions are currently registered!`;
  return `The function '${name}' doesn't exist, is disabled, or is not an ${type === "orchestrator" ? "orchestrator" : type} function. Additional info: ${info}`;
}
function duplicateEventWarning(source, id, event2) {
  const ts = event2.Timestamp instanceof Date ? event2.Timestamp.toISOString() : event2.Timestamp;
  return `Duplicate ${source} Event: ${id}, type: ${source}, ts: ${ts}`;
}

// harness/replay/payload.ts
var REPLAY_SCHEMAS = { V3: 2, V4: 3 };
function buildPayload(history, options = {}) {
  const events = history.events;
  let startedIndex = -1;
  let isReplaying = false;
  for (let i = 0; i < events.length; i++) {
    const type = events[i].EventType;
    if (type === 0 /* ExecutionStarted */ && startedIndex < 0) startedIndex = i;
    else if (type === 12 /* OrchestratorStarted */ && startedIndex >= 0) isReplaying = true;
  }
  const started = events[startedIndex];
  const parent = started?.ParentInstance?.OrchestrationInstance?.InstanceId;
  let input = null;
  if (isPayloadReference(started?.Input)) {
    throw new HistoryError(
      history.source,
      `ExecutionStarted.Input is a Blob Storage reference the SDK wrote in place of a large input (${started.Input}), not the input: the code cannot run without it. ${referenceAdvice(started.Input)}`,
      startedIndex
    );
  }
  if (typeof started?.Input === "string" && started.Input !== "") {
    try {
      input = JSON.parse(started.Input);
    } catch {
      throw new HistoryError(
        history.source,
        "ExecutionStarted.Input is not valid JSON text; the runtime stores the orchestration input as JSON.",
        startedIndex
      );
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
    longRunningTimerIntervalDuration: options.longRunningTimerIntervalDuration ?? "3.00:00:00",
    maximumShortTimerDuration: options.maximumShortTimerDuration ?? "6.00:00:00",
    defaultHttpAsyncRequestSleepTimeMillseconds: 3e4
  };
}
function buildPayloadText(history, options = {}) {
  return JSON.stringify(buildPayload(history, options));
}
function replaySchemaFor(history, options = {}) {
  return options.schema ?? (provesSchemaV4(history) ? "V4" : "V3");
}
function provesSchemaV4(history) {
  return history.events.some((event2) => {
    if (event2.EventType !== 14 /* EventSent */) return false;
    if (event2.Name === "release") return true;
    return event2.Name === "op" && typeof event2.Input === "string" && /"lockset"\s*:\s*\[/i.test(event2.Input);
  });
}

// harness/report/advice.ts
function parseVersion(text2) {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text2.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : void 0;
}
var DF_VERSION_SINCE = "3.2.0";
function atLeast(version, floor) {
  const x = parseVersion(version);
  const y = parseVersion(floor);
  if (!x) return true;
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return true;
}

// harness/replay/inputs.ts
var REDACTED = "[redacted]";
var ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
function same(recorded, now) {
  if (recorded === REDACTED) return true;
  if (recorded === now) return true;
  if (typeof recorded === "string" && typeof now === "string") {
    return ISO_TIME.test(recorded) && ISO_TIME.test(now) && Date.parse(recorded) === Date.parse(now) && !Number.isNaN(Date.parse(now));
  }
  if (Array.isArray(recorded) || Array.isArray(now)) {
    return Array.isArray(recorded) && Array.isArray(now) && recorded.length === now.length && recorded.every((item, i) => same(item, now[i]));
  }
  if (recorded && now && typeof recorded === "object" && typeof now === "object") {
    const r = recorded;
    const n = now;
    const keys = Object.keys(r);
    return keys.length === Object.keys(n).length && keys.every((key) => key in n && same(r[key], n[key]));
  }
  return false;
}
function redactLike(now, recorded) {
  if (recorded === REDACTED) return REDACTED;
  if (Array.isArray(now) && Array.isArray(recorded)) return now.map((item, i) => redactLike(item, recorded[i]));
  if (now && recorded && typeof now === "object" && typeof recorded === "object" && !Array.isArray(now) && !Array.isArray(recorded)) {
    const r = recorded;
    return Object.fromEntries(Object.entries(now).map(([key, value]) => [key, redactLike(value, r[key])]));
  }
  return now;
}
function short(value) {
  const text2 = JSON.stringify(value) ?? "null";
  return text2.length > 160 ? `${text2.slice(0, 157)}...` : text2;
}
function decodedString(text2) {
  if (!text2.startsWith('"')) return void 0;
  try {
    const value = JSON.parse(text2);
    return typeof value === "string" ? value : void 0;
  } catch {
    return void 0;
  }
}
function readable(value) {
  return typeof value === "string" ? decodedString(value) ?? value : value;
}
function inputDrifts(matched) {
  const drifts = [];
  for (const { sequenceId, event: event2, action } of matched) {
    if (action.actionType === 8 /* CallHttp */ || typeof event2.Input !== "string") continue;
    let recorded;
    try {
      recorded = event2.Input === REDACTED ? REDACTED : JSON.parse(event2.Input);
    } catch {
      continue;
    }
    const unwrapped = Array.isArray(recorded) && recorded.length === 1 ? recorded[0] : void 0;
    const candidates = unwrapped !== void 0 ? [recorded, unwrapped] : [recorded];
    const matches = (value) => {
      const decoded = typeof value === "string" ? decodedString(value) : void 0;
      return candidates.some((r) => same(r, value) || decoded !== void 0 && same(r, decoded));
    };
    if (matches(action.input ?? null)) continue;
    const now = action.input === void 0 ? null : JSON.parse(JSON.stringify(action.input) ?? "null");
    if (matches(now)) continue;
    const shown2 = readable(unwrapped !== void 0 ? unwrapped : recorded);
    drifts.push({ sequenceId, action, recorded: short(shown2), now: short(redactLike(readable(now), shown2)) });
  }
  return drifts;
}

// harness/replay/perturb.ts
import { syncBuiltinESMExports } from "node:module";
import { basename } from "node:path";
var PERTURB_SOURCES = ["clock", "random", "env"];
var CLOCK_SHIFT_MS = (400 * 24 * 3600 + 13 * 3600 + 17 * 60 + 29) * 1e3 + 371;
function newRecording() {
  return { values: { date: [], perf: [], random: [], crypto: [] }, envKeys: /* @__PURE__ */ new Map(), reads: {}, used: /* @__PURE__ */ new Set() };
}
var nodeRequire = nativeCreateRequire(import.meta.url);
var active;
var installedForGood = false;
var MAX_READS = 5;
function read(source, what, from) {
  const run = active;
  run.recording.used.add(source);
  const reads = run.recording.reads[source] ??= [];
  if (reads.length >= MAX_READS) return;
  const holder = {};
  Error.captureStackTrace(holder, from);
  const location = userLocation(holder.stack, run.appDir);
  if (!location) return;
  if (reads.some((r) => r.what === what && r.location.file === location.file && r.location.line === location.line)) return;
  const first = holder.stack?.split("\n")[1] ?? "";
  reads.push({ what, location, .../node_modules/.test(first) ? { throughPackage: true } : {} });
}
function answer(kind, real, moved2, perturbed) {
  const run = active;
  const i = run.recording.values[kind].length;
  const before = run.baseline?.values[kind][i];
  const value = before === void 0 ? real() : perturbed ? moved2(before) : before;
  run.recording.values[kind].push(value);
  return value;
}
function install() {
  const restore = [];
  const replace = (target, key, value) => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor && !descriptor.configurable) return;
    Object.defineProperty(target, key, { value, configurable: true, writable: true, enumerable: descriptor?.enumerable ?? false });
    restore.push(() => descriptor ? Object.defineProperty(target, key, descriptor) : delete target[key]);
  };
  const RealDate = Date;
  const shift = () => active?.perturb.has("clock") ? CLOCK_SHIFT_MS : 0;
  const clock = () => answer(
    "date",
    () => RealDate.now() + shift(),
    (before) => before + CLOCK_SHIFT_MS,
    shift() !== 0
  );
  function PerturbedDate(...args) {
    if (!new.target) {
      if (!active) return RealDate();
      read("clock", "Date()", PerturbedDate);
      return new RealDate(clock()).toString();
    }
    if (args.length === 0 && active) {
      read("clock", "new Date()", PerturbedDate);
      return Reflect.construct(RealDate, [clock()], new.target);
    }
    return Reflect.construct(RealDate, args, new.target);
  }
  Object.setPrototypeOf(PerturbedDate, RealDate);
  PerturbedDate.prototype = RealDate.prototype;
  Object.defineProperty(PerturbedDate, "name", { value: "Date", configurable: true });
  Object.defineProperty(PerturbedDate, "length", { value: RealDate.length, configurable: true });
  for (const key of ["UTC", "parse"])
    Object.defineProperty(PerturbedDate, key, { value: Reflect.get(RealDate, key), configurable: true, writable: true });
  replace(RealDate.prototype, "constructor", PerturbedDate);
  const now = () => {
    if (!active) return RealDate.now();
    read("clock", "Date.now()", now);
    return clock();
  };
  Object.defineProperty(PerturbedDate, "now", { value: now, configurable: true, writable: true });
  replace(globalThis, "Date", PerturbedDate);
  const realPerformanceNow = performance.now.bind(performance);
  const performanceNow = () => {
    if (!active) return realPerformanceNow();
    read("clock", "performance.now()", performanceNow);
    return answer(
      "perf",
      () => realPerformanceNow() + shift(),
      (before) => before + CLOCK_SHIFT_MS,
      shift() !== 0
    );
  };
  replace(performance, "now", performanceNow);
  const realHrtime = process.hrtime;
  const shiftNs = () => BigInt(shift()) * 1000000n;
  const hrtime = Object.assign(
    (previous) => {
      if (!active) return realHrtime(previous);
      read("clock", "process.hrtime()", hrtime);
      const ns = answer(
        "perf",
        () => Number(realHrtime.bigint() + shiftNs()),
        (before) => before + CLOCK_SHIFT_MS * 1e6,
        shift() !== 0
      );
      const now2 = [Math.floor(ns / 1e9), ns % 1e9];
      if (!previous) return now2;
      const diff = (now2[0] - previous[0]) * 1e9 + (now2[1] - previous[1]);
      return [Math.floor(diff / 1e9), diff % 1e9];
    },
    {
      bigint: () => {
        if (!active) return realHrtime.bigint();
        read("clock", "process.hrtime.bigint()", hrtime.bigint);
        return BigInt(
          answer(
            "perf",
            () => Number(realHrtime.bigint() + shiftNs()),
            (before) => before + CLOCK_SHIFT_MS * 1e6,
            shift() !== 0
          )
        );
      }
    }
  );
  replace(process, "hrtime", hrtime);
  const realRandom = Math.random;
  const random = () => {
    if (!active) return realRandom();
    read("random", "Math.random()", random);
    return answer("random", realRandom, (before) => (before + 0.5) % 1, active.perturb.has("random"));
  };
  replace(Math, "random", random);
  const wrapCrypto = (target, name) => {
    const real = target[name];
    if (typeof real !== "function") return;
    const fills = name === "randomFillSync" || name === "getRandomValues";
    const wrapped = (...args) => {
      if (!active) return real.apply(target, args);
      read("random", `crypto.${name}()`, wrapped);
      const fresh = () => {
        const value2 = real.apply(target, args);
        if (Buffer.isBuffer(value2)) return Buffer.from(value2);
        return fills ? Uint8Array.from(new Uint8Array(args[0].buffer, args[0].byteOffset, args[0].byteLength)) : value2;
      };
      const value = answer("crypto", fresh, fresh, active.perturb.has("random"));
      if (!fills) return Buffer.isBuffer(value) ? Buffer.from(value) : value;
      const filled = args[0];
      const bytes = new Uint8Array(filled.buffer, filled.byteOffset, filled.byteLength);
      if (value instanceof Uint8Array && value.length === bytes.length) bytes.set(value);
      return filled;
    };
    replace(target, name, wrapped);
  };
  const crypto = nodeRequire("node:crypto");
  for (const name of ["randomUUID", "randomBytes", "randomInt", "randomFillSync", "getRandomValues"]) wrapCrypto(crypto, name);
  const web = globalThis.crypto;
  if (web) for (const name of ["randomUUID", "getRandomValues"]) wrapCrypto(web, name);
  syncBuiltinESMExports();
  const isVariable = (target, key) => typeof key === "string" && (Object.hasOwn(target, key) || !(key in Object.prototype));
  const envGet = (target, key, receiver) => {
    const value = Reflect.get(target, key, receiver);
    const run = active;
    if (!run || !isVariable(target, key)) return value;
    if (!run.recording.envKeys.has(key)) run.recording.envKeys.set(key, value);
    read("env", `process.env.${key}`, envGet);
    if (!run.perturb.has("env") || !run.baseline?.envKeys.has(key)) return value;
    return run.baseline.envKeys.get(key) === void 0 ? "durable-gate-perturbed" : void 0;
  };
  const envHas = (target, key) => {
    const has = Reflect.has(target, key);
    const run = active;
    if (!run || !isVariable(target, key)) return has;
    if (!run.recording.envKeys.has(key)) run.recording.envKeys.set(key, target[key]);
    read("env", `'${key}' in process.env`, envHas);
    if (!run.perturb.has("env") || !run.baseline?.envKeys.has(key)) return has;
    return run.baseline.envKeys.get(key) === void 0;
  };
  replace(process, "env", new Proxy(process.env, { get: envGet, has: envHas }));
  return () => {
    for (const undo of restore.reverse()) undo();
    syncBuiltinESMExports();
  };
}
function installSourcesForGood() {
  if (installedForGood) return;
  install();
  installedForGood = true;
}
async function withSources(appDir, perturb, baseline, run) {
  const previous = queue;
  let done;
  queue = new Promise((resolvePromise) => done = resolvePromise);
  await previous;
  const undo = installedForGood ? void 0 : install();
  const recording = newRecording();
  active = { appDir, perturb, ...baseline ? { baseline } : {}, recording };
  try {
    const value = await run();
    return { value, recording };
  } finally {
    active = void 0;
    undo?.();
    done();
  }
}
var queue = Promise.resolve();
function sourceName(source) {
  return source === "clock" ? "the wall clock" : source === "random" ? "randomness" : "the environment";
}
function sourceAdvice(source) {
  switch (source) {
    case "clock":
      return "use context.df.currentUtcDateTime (the time recorded for this point of the orchestration) instead of the wall clock";
    case "random":
      return "use context.df.newGuid(context.df.instanceId) for ids, and take random values as input or from an activity (its result is recorded)";
    case "env":
      return "pass settings in as the orchestration input, or read them in an activity";
  }
}
function scheduledBy(outcome) {
  const state = outcome.state;
  const actions = state && Array.isArray(state.actions) ? flattenActions(state.actions) : [];
  const end = outcome.kind === "threw" ? `throws ${outcome.message}` : JSON.stringify({ done: outcome.state.isDone, output: outcome.state.output ?? null, customStatus: outcome.state.customStatus ?? null });
  return { actions, keys: actions.map((a) => JSON.stringify(a.compoundActions ? { ...a, compoundActions: a.compoundActions.length } : a)), end };
}
function flattenActions(actions) {
  const out = [];
  const visit = (action) => {
    out.push(action);
    for (const child of action.compoundActions ?? []) visit(child);
  };
  for (const set of actions) for (const action of set ?? []) visit(action);
  return out;
}
function firstDifference(a, b) {
  const n = Math.max(a.keys.length, b.keys.length);
  for (let i = 0; i < n; i++) {
    if (a.keys[i] === b.keys[i]) continue;
    const first = a.actions[i];
    const second = b.actions[i];
    let what2;
    if (!first || !second) what2 = first ? "schedules nothing there" : "schedules a call the first run did not";
    else if (first.actionType !== second.actionType || (describeAction(first).name ?? "") !== (describeAction(second).name ?? ""))
      what2 = "schedules another call";
    else if (JSON.stringify(first.fireAt) !== JSON.stringify(second.fireAt)) what2 = "schedules the timer for another time";
    else if (JSON.stringify(first.input) !== JSON.stringify(second.input)) what2 = "passes another input";
    else what2 = "schedules it differently (options, ids)";
    if (!second && b.end.startsWith("throws ")) what2 = `throws before it (${b.end.slice(7).split("\n")[0]})`;
    return { index: i, ...first ? { first } : {}, ...second ? { second } : {}, what: what2 };
  }
  if (a.end === b.end) return void 0;
  const what = b.end.startsWith("throws ") ? `throws (${b.end.slice(7).split("\n")[0]}) where the first run did not` : a.end.startsWith("throws ") ? "does not throw where the first run did" : "ends with another output or custom status";
  return { index: n, what, atEnd: true };
}
function shown(action) {
  return action ? callPhrase(action) : "nothing";
}
function readPlaces(reads) {
  return reads.map((r) => `${r.what}${r.throughPackage ? " (through a package)" : ""}${r.location ? ` at ${basename(r.location.file)}:${r.location.line}` : ""}`).join(", ");
}
async function perturbedDivergence(appDir, invoke, first, baseline) {
  const expected = scheduledBy(first);
  const runWith = async (sources) => {
    const run = await withSources(appDir, new Set(sources), baseline, invoke);
    return { ...run, diff: firstDifference(expected, scheduledBy(run.value)) };
  };
  const all = await runWith([...PERTURB_SOURCES]);
  if (!all.diff) return void 0;
  const read2 = PERTURB_SOURCES.filter((s) => baseline.used.has(s) || all.recording.used.has(s));
  const control = await runWith([]);
  const diff = all.diff;
  const base = {
    sequenceId: diff.index,
    recorded: { event: shown(diff.first), eventIndex: -1 },
    ...diff.second ? { replayed: describeAction(diff.second) } : {}
  };
  if (control.diff) {
    const randomRead = baseline.reads.random ?? [];
    const maybe = randomRead.length > 0 ? ` Randomness was read (${readPlaces(randomRead.map((r) => ({ ...r, source: "random" })))}): a package that draws random bytes ahead (nanoid, uuid with options) answers from its own pool, which no run can hold still.` : "";
    return {
      ...base,
      message: productionSays(control.diff),
      explanation: `Perturbed replay: two runs of the same history with nothing changed already schedule differently (at action ${control.diff.index}, ${control.diff.what}). The orchestrator depends on something that changes from run to run and that the history does not hold: a module-level variable or cache, I/O, or randomness the replay cannot see.${maybe}`,
      ...randomRead[0]?.location ? { location: randomRead[0].location } : {},
      advice: "Keep orchestrator state in local variables (or an entity), do I/O in activities, and take ids from context.df.newGuid; `durable-gate lint` points at module state, I/O and randomness in orchestrator code.",
      perturbed: { sources: [], first: shown(diff.first), second: shown(control.diff.second), what: control.diff.what }
    };
  }
  const candidates = read2.length > 0 ? read2 : [...PERTURB_SOURCES];
  const causes = [];
  if (candidates.length === 1) causes.push(candidates[0]);
  else for (const source of candidates) if ((await runWith([source])).diff) causes.push(source);
  const blamed = causes.length > 0 ? causes : candidates;
  const reads = blamed.flatMap((s) => (all.recording.reads[s] ?? baseline.reads[s] ?? []).map((r) => ({ ...r, source: s })));
  const located2 = reads.find((r) => r.location);
  const named = blamed.map((s) => {
    const places = reads.filter((r) => r.source === s);
    return places.length > 0 ? `${sourceName(s)} (${readPlaces(places)})` : `${sourceName(s)}, read where the replay could not see it`;
  }).join(" and ");
  const where2 = diff.atEnd ? "At the end of the run" : `At action ${diff.index}`;
  return {
    ...base,
    message: productionSays(diff),
    explanation: `Perturbed replay: the recorded steps match, but what the code does depends on ${named}. ${where2} the first run ${diff.atEnd ? "ends one way" : `schedules ${shown(diff.first)}`}; a second run with ${blamed.map(moved).join(" and ")} ${diff.what}. A replay at another time, on another machine or with other settings decides otherwise than the run that wrote the history.`,
    ...located2?.location ? { location: located2.location } : {},
    advice: `${capitalised(blamed.map(sourceAdvice).join("; "))}. This is a bug in the code itself, whatever is deployed: fix it, and keep the recorded path for instances in flight if the fix changes what they schedule.`,
    perturbed: {
      sources: blamed,
      first: diff.atEnd ? "the end of the run" : shown(diff.first),
      second: diff.atEnd ? "the end of the run" : shown(diff.second),
      what: diff.what,
      ...located2 ? { read: `${located2.what}${located2.throughPackage ? " (through a package)" : ""}` } : {}
    }
  };
}
async function unsteadyRuns(appDir, invoke, first, baseline) {
  const again = await withSources(appDir, new Set(PERTURB_SOURCES), baseline, invoke);
  if (!firstDifference(scheduledBy(first), scheduledBy(again.value))) return void 0;
  const reads = PERTURB_SOURCES.flatMap((s) => (baseline.reads[s] ?? []).map((r) => ({ ...r, source: s })));
  return `Note: on the same history this orchestrator also schedules differently when the clock, randomness or the environment answer otherwise${reads.length > 0 ? ` (it reads ${readPlaces(reads)})` : ""}, so the run that recorded the history may simply have decided otherwise: that is a bug in the code itself (durable-gate lint shows where), not necessarily a change.`;
}
function productionSays(diff) {
  if (diff.what.startsWith("schedules the timer for another time"))
    return "Nothing at first: the recorded timer fires at the recorded time. But the code computes another time at every replay: what it decides from that time differs between replays, and a timer beyond maximumShortTimerDuration (6 days), which the SDK continues in shorter timers toward that time, never reaches it, so the instance never finishes.";
  if (diff.what === "passes another input")
    return "Nothing: the runtime does not compare inputs, and the instance goes on with other data than the history recorded.";
  if (diff.atEnd && diff.what.startsWith("ends with"))
    return "Nothing: the runtime does not compare outputs or custom statuses; what the instance reports differs from one replay to the next.";
  if (diff.what.includes("throws"))
    return "The instance fails with the orchestrator's error on a replay that takes the throwing path, and completes on one that does not.";
  return `${NONDETERMINISM_PREFIX}... once a replay schedules something else at a step the history recorded (DurableTask.Core names the step and both calls).`;
}
function capitalised(text2) {
  return text2.charAt(0).toUpperCase() + text2.slice(1);
}
function moved(source) {
  return source === "clock" ? "the clock moved by about 400 days" : source === "random" ? "other random numbers and ids" : "the environment variables it read changed";
}

// harness/history/request-ids.ts
import { createHash } from "node:crypto";
var NAMESPACE = Buffer.from("9e9529595e334daf827f2fa12937b875", "hex");
function extensionGuid(name) {
  return uuidV5(NAMESPACE, name);
}
function uuidV5(namespace, name) {
  const hash = createHash("sha1").update(namespace).update(name, "utf8").digest();
  hash[6] = hash[6] & 15 | 80;
  hash[8] = hash[8] & 63 | 128;
  const hex2 = hash.subarray(0, 16).toString("hex");
  return `${hex2.slice(0, 8)}-${hex2.slice(8, 12)}-${hex2.slice(12, 16)}-${hex2.slice(16, 20)}-${hex2.slice(20)}`;
}
function roundTripTime(value, zone = "Z") {
  const ms = value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) return void 0;
  let fraction;
  if (typeof value === "string") {
    const digits = /T\d\d:\d\d:\d\d\.(\d+)/.exec(value)?.[1] ?? "";
    fraction = digits.slice(0, 7).padEnd(7, "0");
  } else {
    fraction = String((ms % 1e3 + 1e3) % 1e3).padStart(3, "0") + "0000";
  }
  const seconds = new Date(Math.floor(ms / 1e3) * 1e3).toISOString().slice(0, 19);
  return `${seconds}.${fraction}${zone}`;
}
function extensionRequestId(instanceId, time, counter) {
  return extensionGuid(`${instanceId}_${time}_${counter}`);
}

// harness/replay/runtime.ts
var SimTask = class _SimTask {
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
    if (this.done) return;
    this.done = true;
    this.faulted = faulted;
    if (result) this.result = result;
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
  then(callback) {
    if (this.done) callback();
    else this.waiters.push(callback);
  }
  static completed(faulted = false) {
    const task = new _SimTask();
    task.complete(faulted);
    return task;
  }
};
var DAY = 24 * 60 * 60 * 1e3;
var DEFAULT_MAX_RETRY_INTERVAL_MS = 6 * DAY;
var DEFAULT_RUNTIME_OPTIONS = {
  maximumShortTimerMs: 6 * DAY,
  longTimerIntervalMs: 3 * DAY,
  httpPollingIntervalMs: 3e4
};
function simulate(events, actions, schemaVersion, options) {
  return new RuntimeModel(events, options).run(actions, schemaVersion);
}
var RuntimeModel = class {
  constructor(events, options) {
    this.events = events;
    this.options = options;
  }
  events;
  options;
  idCounter = 0;
  registered = /* @__PURE__ */ new Map();
  openTasks = /* @__PURE__ */ new Map();
  eventWaiters = /* @__PURE__ */ new Map();
  /** Events raised before any wait, in order, by name in any letter case (the extension's queue). */
  bufferedEvents = /* @__PURE__ */ new Map();
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
  cancelledTimers = /* @__PURE__ */ new Set();
  /** What the shim awaits when it stops: the task whose completion would let it go on. */
  blockedOn;
  run(actions, schemaVersion) {
    let mismatch;
    for (let index = 0; index < this.events.length && !mismatch; index++) {
      mismatch = this.apply(this.events[index], index, actions, schemaVersion);
    }
    const suspended = this.suspended;
    if (suspended && !mismatch && !this.options.holdWhileSuspended) mismatch = this.resume(actions, schemaVersion);
    const newWork = [...this.registered.values()].sort((a, b) => a.id - b.id).map(({ id, cls, name, source, detail }) => ({ id, cls, name, source, ...detail ? { detail } : {} }));
    const stranded = mismatch || this.shimFinished || !this.blockedOn ? void 0 : strandedCause(this.blockedOn);
    return {
      ...mismatch ? { mismatch } : {},
      warnings: this.warnings,
      shimFinished: this.shimFinished,
      newWork,
      uses: this.uses,
      refusals: this.refusals,
      notes: this.notes,
      ...stranded ? { stranded } : {},
      suspended,
      openTasks: this.openTasks.size,
      matched: this.matched
    };
  }
  /**
   * TaskOrchestrationExecutor.ExecuteCore and ProcessEvent: OrchestratorStarted always sets the
   * current time; while suspended every other event but ExecutionResumed and ExecutionTerminated
   * is held, and ExecutionResumed applies the held ones in order, at the resume episode's time
   * (docs/runtime-rules.md §16).
   */
  apply(event2, index, actions, schemaVersion) {
    if (event2.EventType === 12 /* OrchestratorStarted */) {
      this.now = timeOf(event2.Timestamp);
      this.nowText = this.options.recordedTimestamps?.[index] ?? event2.Timestamp;
      return void 0;
    }
    if (this.suspended && event2.EventType !== 20 /* ExecutionResumed */ && event2.EventType !== 3 /* ExecutionTerminated */) {
      if (event2.EventType !== 19 /* ExecutionSuspended */) this.heldWhileSuspended.push({ event: event2, index });
      return void 0;
    }
    if (event2.EventType === 19 /* ExecutionSuspended */) {
      this.suspended = true;
      return void 0;
    }
    if (event2.EventType === 20 /* ExecutionResumed */) return this.resume(actions, schemaVersion);
    return this.process(event2, index, actions, schemaVersion);
  }
  /** TaskOrchestrationContext.HandleExecutionResumedEvent: the held events, in order, now. */
  resume(actions, schemaVersion) {
    this.suspended = false;
    for (const { event: event2, index } of this.heldWhileSuspended.splice(0)) {
      const mismatch = this.apply(event2, index, actions, schemaVersion);
      if (mismatch) return mismatch;
    }
    return void 0;
  }
  // ------------------------------------------------------------------ history side (DTFx)
  process(event2, index, actions, schemaVersion) {
    switch (event2.EventType) {
      case 0 /* ExecutionStarted */:
        this.startShim(actions, schemaVersion);
        return void 0;
      case 4 /* TaskScheduled */:
        return this.match(event2, index, "ScheduleTaskOrchestratorAction", event2.Name ?? "", taskScheduledMessage);
      case 10 /* TimerCreated */:
        if (event2.EventId === -100) return void 0;
        return this.match(event2, index, "CreateTimerOrchestratorAction", void 0, timerCreatedMessage);
      case 7 /* SubOrchestrationInstanceCreated */:
        return this.match(event2, index, "CreateSubOrchestrationAction", event2.Name ?? "", subOrchestrationCreatedMessage);
      case 14 /* EventSent */:
        return this.match(event2, index, "SendEventOrchestratorAction", event2.Name ?? "", eventSentMessage);
      case 5 /* TaskCompleted */:
        return this.completeTask(event2, event2.TaskScheduledId, false, "TaskCompleted");
      case 6 /* TaskFailed */:
        return this.completeTask(event2, event2.TaskScheduledId, true, "TaskFailed");
      case 8 /* SubOrchestrationInstanceCompleted */:
        return this.completeTask(event2, event2.TaskScheduledId, false, "SubOrchestrationInstanceCompleted");
      case 9 /* SubOrchestrationInstanceFailed */:
        return this.completeTask(event2, event2.TaskScheduledId, true, "SubOrchestrationInstanceFailed");
      case 11 /* TimerFired */:
        if (typeof event2.TimerId === "number" && this.cancelledTimers.has(event2.TimerId)) return void 0;
        return this.completeTask(event2, event2.TimerId, false, "TimerFired");
      case 15 /* EventRaised */:
        this.raise(event2.Name ?? "");
        return void 0;
      case 12 /* OrchestratorStarted */:
      case 1 /* ExecutionCompleted */:
      case 2 /* ExecutionFailed */:
      case 3 /* ExecutionTerminated */:
      case 13 /* OrchestratorCompleted */:
      case 16 /* ContinueAsNew */:
      case 17 /* GenericEvent */:
      case 18 /* HistoryState */:
      case 19 /* ExecutionSuspended */:
      case 20 /* ExecutionResumed */:
      case 21 /* ExecutionRewound */:
        return void 0;
    }
  }
  match(event2, index, expected, name, message) {
    const id = event2.EventId;
    const action = this.registered.get(id);
    let mismatch;
    if (!action) mismatch = { kind: "missing" };
    else if (action.cls !== expected) mismatch = { kind: "type", actual: action.cls };
    else if (name !== void 0 && name.toLowerCase() !== action.name.toLowerCase()) mismatch = { kind: "name", actualName: action.name };
    if (mismatch) {
      return {
        sequenceId: id,
        eventIndex: index,
        event: event2,
        mismatch,
        ...action ? { action: action.source } : {},
        message: NONDETERMINISM_PREFIX + message(event2, mismatch)
      };
    }
    this.registered.delete(id);
    if (expected === "ScheduleTaskOrchestratorAction" || expected === "CreateSubOrchestrationAction")
      this.matched.push({ sequenceId: id, event: event2, action: action.source });
    action.onSent?.(event2, index);
    return void 0;
  }
  completeTask(event2, id, faulted, source) {
    const task = typeof id === "number" ? this.openTasks.get(id) : void 0;
    if (!task || id === void 0) {
      this.warnings.push(duplicateEventWarning(source, id ?? -1, event2));
      return void 0;
    }
    this.openTasks.delete(id);
    task.complete(faulted, event2);
    return void 0;
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
      if (waiters.length === 0) this.eventWaiters.delete(key);
      this.checkEventName(name, waiter.name);
      waiter.task.complete(false);
    } else {
      this.bufferedEvents.set(key, [...this.bufferedEvents.get(key) ?? [], name]);
    }
  }
  waitForEvent(name) {
    const key = name.toLowerCase();
    const buffered = this.bufferedEvents.get(key);
    if (buffered?.length) {
      const raised = buffered.shift();
      if (buffered.length === 0) this.bufferedEvents.delete(key);
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
      this.notes.push(
        `the event '${raised}' reaches the wait for '${waited}' in the extension, which matches names in any letter case, but the SDK matches them exactly: the code never sees it and waits until an event named exactly '${waited}' is raised`
      );
  }
  // ------------------------------------------------------------------ DTFx context APIs
  register(cls, name, source, onSent, detail) {
    const id = this.idCounter++;
    const action = { id, cls, name, source };
    if (onSent) action.onSent = onSent;
    if (detail) action.detail = detail;
    this.registered.set(id, action);
    const task = new SimTask();
    this.openTasks.set(id, task);
    return { id, task };
  }
  scheduleTask(name, source) {
    return this.register("ScheduleTaskOrchestratorAction", name, source).task;
  }
  createTimer(source, fireAt) {
    return this.register("CreateTimerOrchestratorAction", "", source, void 0, { fireAt }).task;
  }
  /**
   * A timer of the code's: when the code cancelled it (isCanceled), the shim cancels its token
   * right after creating it, and DurableTask.Core drops its open task (CreateTimer's cancellation
   * callback): the orchestration may complete before it fires, and its TimerFired is no duplicate.
   */
  codeTimer(source, fireAt) {
    const { id, task } = this.register("CreateTimerOrchestratorAction", "", source, void 0, { fireAt });
    if (!source.isCanceled) return task;
    this.openTasks.delete(id);
    this.cancelledTimers.add(id);
    return void 0;
  }
  sendEvent(name, source, onSent, detail) {
    const { id } = this.register("SendEventOrchestratorAction", name, source, onSent, detail);
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
      const call = this.register(
        "ScheduleTaskOrchestratorAction",
        HTTP_ACTIVITY,
        action,
        void 0,
        location === void 0 ? void 0 : { pollLocation: location }
      ).task;
      call.then(() => {
        const response = call.faulted ? void 0 : httpResponseOf(call.result);
        if (!response || !polling || response.statusCode !== 202) return result.complete(call.faulted);
        const retryAfter = headerOf(response.headers, "retry-after");
        if (retryAfter !== void 0 && !/^\s*\d+\s*$/.test(retryAfter)) return result.complete(true);
        const next = headerOf(response.headers, "location");
        const waitMs = retryAfter === void 0 ? this.options.httpPollingIntervalMs : Number(retryAfter) * 1e3;
        this.createTimer(action, this.now + waitMs).then(() => next === void 0 ? result.complete(true) : poll(next));
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
    if (!(maxAttempts >= 1)) return SimTask.completed();
    const result = new SimTask();
    const firstAttempt = this.now;
    const run = (retryCount) => {
      const call = attempt();
      call.then(() => {
        if (!call.faulted) return result.complete(false);
        if (retryCount + 1 >= maxAttempts) return this.createTimer(source, this.now).then(() => result.complete(true));
        const delay = this.nextRetryDelay(options, retryCount, firstAttempt);
        if (delay <= 0) return result.complete(true);
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
    if (!options) return 0;
    const timeout = options.retryTimeoutInMilliseconds;
    if (typeof timeout === "number" && !(this.now < firstAttempt + timeout)) return 0;
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
    if (!long && !this.longTimerRunning) return this.codeTimer(action, fireAt) ?? SimTask.completed(true);
    if (long) this.longTimerRunning = true;
    const result = new SimTask();
    const done = () => {
      this.longTimerRunning = false;
      result.complete(false);
    };
    const next = () => {
      if (!(this.now < fireAt)) return done();
      const piece = this.codeTimer(action, Math.min(fireAt, this.now + this.options.longTimerIntervalMs));
      if (!piece) return result.complete(true);
      piece.then(() => fireAt - this.now <= 0 ? done() : next());
    };
    next();
    return result;
  }
  // ------------------------------------------------------------------ the extension's shim
  /** OutOfProcOrchestrationShim.InvokeAPIFromAction. */
  invoke(action) {
    switch (action.actionType) {
      case 0 /* CallActivity */:
        return this.callFunction(action, "activity", () => this.scheduleTask(action.functionName ?? "", action));
      case 1 /* CallActivityWithRetry */:
        return this.callFunction(
          action,
          "activity",
          () => this.withRetry(action.retryOptions, () => this.scheduleTask(action.functionName ?? "", action), action)
        );
      case 2 /* CallSubOrchestrator */:
        return this.callFunction(action, "orchestrator", () => this.register("CreateSubOrchestrationAction", action.functionName ?? "", action).task);
      case 3 /* CallSubOrchestratorWithRetry */:
        return this.callFunction(
          action,
          "orchestrator",
          () => this.withRetry(action.retryOptions, () => this.register("CreateSubOrchestrationAction", action.functionName ?? "", action).task, action)
        );
      case 8 /* CallHttp */:
        return this.callHttp(action);
      case 5 /* CreateTimer */:
        return this.timer(action);
      case 6 /* WaitForExternalEvent */:
        return this.waitForEvent(action.externalEventName ?? "");
      case 7 /* CallEntity */:
        return this.callFunction(action, "entity", () => this.entityRequest(action, "op", true));
      case 9 /* SignalEntity */:
      case 10 /* ScheduledSignalEntity */: {
        if (!this.use(action, "entity")) return new SimTask();
        const name = action.actionType === 10 /* ScheduledSignalEntity */ ? `op@${new Date(String(action.fireAt)).toISOString()}` : "op";
        return this.entityRequest(action, name, false);
      }
      case 13 /* LockEntities */: {
        const lockSet = action.lockSet ?? [];
        for (const entity of lockSet) {
          if (!this.use({ ...action, instanceId: schedulerIdOf(entity) }, "entity")) return SimTask.completed(true);
        }
        this.lockedEntities = lockSet.map(schedulerIdOf).sort();
        return this.entityRequest(action, "op", true, this.lockedEntities);
      }
      case 14 /* ReleaseEntities */: {
        const held = this.lockedEntities;
        for (let i = 0; i < Math.max(1, held.length); i++)
          this.sendEvent("release", action, void 0, held[i] === void 0 ? void 0 : { target: held[i] });
        this.lockedEntities = [];
        return SimTask.completed();
      }
      case 4 /* ContinueAsNew */:
        return SimTask.completed();
      case 12 /* WhenAll */:
      case 11 /* WhenAny */: {
        const children = (action.compoundActions ?? []).map((child) => this.invoke(child));
        const result = new SimTask();
        const any = action.actionType === 11 /* WhenAny */;
        if (children.length === 0) return SimTask.completed();
        result.compound = { any, children };
        let remaining = children.length;
        for (const child of children) {
          child.then(() => {
            remaining -= 1;
            if (any || remaining === 0) result.complete(false);
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
    const detail = { requestId: () => this.requestIdAt(madeAt, counter), ...lockSet ? { lockSet } : {} };
    this.sendEvent(
      name,
      action,
      (sent, eventIndex) => {
        if (!awaitsResponse) return;
        const recorded = requestOf(sent);
        if (recorded === void 0) return;
        const strand = (requestId) => {
          response.stranded = { sequenceId, eventIndex, event: sent, action, recordedId: recorded.id, requestId, recordedSignal: recorded.signal };
        };
        if (recorded.signal) return strand(this.requestIdAt(madeAt, counter) ?? recorded.id);
        if (!sameInstant(madeAt, this.nowText)) {
          const requestId = this.requestIdAt(madeAt, counter);
          if (requestId !== void 0 && requestId !== recorded.id.toLowerCase()) return strand(requestId);
        }
        this.waitForEvent(recorded.id).then(() => response.complete(false));
      },
      detail
    );
    return response;
  }
  /** DurableOrchestrationContext.NewGuid for a request made at `time` as the `counter`th, when the history shows the form of its ids. */
  requestIdAt(time, counter) {
    if (this.options.instanceId === void 0) return void 0;
    if (this.requestIdZone === null)
      this.requestIdZone = requestIdZoneOf(this.events, this.options.instanceId, this.options.recordedTimestamps) ?? this.options.requestIdZone;
    if (this.requestIdZone === void 0) return void 0;
    const text2 = roundTripTime(time, this.requestIdZone);
    return text2 === void 0 ? void 0 : extensionRequestId(this.options.instanceId, text2, counter);
  }
  use(action, kind) {
    const name = kind === "entity" ? entityNameOf(action.instanceId) ?? "" : action.functionName ?? "";
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
    if (!this.use(action, kind)) return SimTask.completed(true);
    return schedule();
  }
  /**
   * What CallDurableTaskFunctionAsync throws before it takes an id (docs/runtime-rules.md §13):
   * a retry interval longer than the provider's longest timer, a sub-orchestration id that is
   * the instance's own, its parent's, or an entity's ('@').
   */
  refusal(action) {
    const retry = action.actionType === 1 /* CallActivityWithRetry */ || action.actionType === 3 /* CallSubOrchestratorWithRetry */ ? action.retryOptions : void 0;
    for (const field of ["maxRetryIntervalInMilliseconds", "firstRetryIntervalInMilliseconds"]) {
      const value = retry?.[field];
      if (typeof value === "number" && value > this.options.maximumShortTimerMs)
        return `its retry option ${field} (${value} ms) is longer than the provider's longest timer: "The Azure Storage provider supports a maximum of 6 days for time-based delays"`;
    }
    if (action.actionType !== 2 /* CallSubOrchestrator */ && action.actionType !== 3 /* CallSubOrchestratorWithRetry */) return void 0;
    const id = action.instanceId;
    if (!id) return void 0;
    if (id.startsWith("@")) return `its instance id '${id}' starts with '@', which only entities' ids may`;
    if (id.toLowerCase() === this.options.instanceId?.toLowerCase()) return `its instance id '${id}' is the orchestration's own`;
    if (id.toLowerCase() === this.options.parentInstanceId?.toLowerCase()) return `its instance id '${id}' is the parent orchestration's`;
    return void 0;
  }
  /** ReplayOOProcOrchestration: V2+ feeds actions one by one; V1 per yield, awaiting any. */
  startShim(actions, schemaVersion) {
    if (schemaVersion >= 1) {
      const list = actions[0] ?? [];
      let next = 0;
      const step2 = () => {
        while (next < list.length) {
          const task = this.invoke(list[next++]);
          if (!task.done) {
            this.blockedOn = task;
            return task.then(step2);
          }
        }
        this.blockedOn = void 0;
        this.shimFinished = true;
      };
      step2();
      return;
    }
    let set = 0;
    const stepSet = () => {
      while (set < actions.length) {
        const tasks = (actions[set++] ?? []).map((a) => this.invoke(a));
        if (tasks.length > 0 && !tasks.some((t) => t.done)) {
          let resumed = false;
          this.blockedOn = Object.assign(new SimTask(), { compound: { any: true, children: tasks } });
          for (const task of tasks) task.then(() => resumed ? void 0 : (resumed = true, stepSet()));
          return;
        }
      }
      this.blockedOn = void 0;
      this.shimFinished = true;
    };
    stepSet();
  }
};
var RETRY_INT_FIELDS = ["firstRetryIntervalInMilliseconds", "maxNumberOfAttempts", "maxRetryIntervalInMilliseconds", "retryTimeoutInMilliseconds"];
var MAX_CUSTOM_STATUS_KB = 16;
function stateRejection(state) {
  const visit = (action) => {
    const retry = action.retryOptions;
    for (const field of RETRY_INT_FIELDS) {
      const value = retry?.[field];
      if (typeof value === "number" && !(Math.round(value) >= -2147483648 && Math.round(value) <= 2147483647)) {
        return {
          message: "Value was either too large or too small for an Int32.",
          reason: `the retry option ${field} (${value}) does not fit the 32-bit integer the extension reads it as (at most 2147483647 ms, about 24.8 days)`,
          action
        };
      }
    }
    for (const child of action.compoundActions ?? []) {
      const found = visit(child);
      if (found) return found;
    }
    return void 0;
  };
  for (const set of state.actions) {
    for (const action of set ?? []) {
      const found = action && typeof action === "object" ? visit(action) : void 0;
      if (found) return found;
    }
  }
  if (state.customStatus === void 0 || state.customStatus === null) return void 0;
  const text2 = JSON.stringify(state.customStatus);
  const kb = Math.floor(text2.length * 2 / 1024);
  if (kb <= MAX_CUSTOM_STATUS_KB) return void 0;
  return {
    message: `The UTF-16 size of the JSON-serialized payload must not exceed ${MAX_CUSTOM_STATUS_KB} KB. The current payload size is ${kb.toLocaleString("en-US")} KB.`,
    reason: `the custom status is ${kb} KB as the extension measures it (JSON in UTF-16), over its limit of ${MAX_CUSTOM_STATUS_KB} KB`
  };
}
function requestOf(sent) {
  try {
    const input = typeof sent.Input === "string" ? JSON.parse(sent.Input) : void 0;
    const { id, signal } = input && typeof input === "object" ? input : {};
    return typeof id === "string" && id !== "" ? { id, signal: signal === true } : void 0;
  } catch {
    return void 0;
  }
}
function requestIdZoneOf(events, instanceId, timestamps) {
  let episode;
  let counter = 0;
  let zone;
  for (const [index, event2] of events.entries()) {
    if (event2.EventType === 12 /* OrchestratorStarted */) episode = timestamps?.[index] ?? event2.Timestamp;
    if (event2.EventType !== 14 /* EventSent */ || !(event2.Name === "op" || event2.Name?.startsWith("op@"))) continue;
    const recorded = requestOf(event2)?.id.toLowerCase();
    const candidates = zone === void 0 ? ["Z", ""] : [zone];
    zone = candidates.find((z) => {
      const time = roundTripTime(episode, z);
      return time !== void 0 && extensionRequestId(instanceId, time, counter) === recorded;
    });
    if (zone === void 0) return void 0;
    counter += 1;
  }
  return zone;
}
function sameInstant(a, b) {
  return a === b || roundTripTime(a) === roundTripTime(b);
}
function strandedCause(task) {
  if (task.done) return void 0;
  if (task.stranded) return task.stranded;
  if (!task.compound) return void 0;
  let first;
  for (const child of task.compound.children) {
    if (child.done) continue;
    const cause = strandedCause(child);
    if (task.compound.any && !cause) return void 0;
    if (!task.compound.any && cause) return cause;
    first ??= cause;
  }
  return task.compound.any ? first : void 0;
}
function timeOf(value) {
  return value instanceof Date ? value.getTime() : Date.parse(String(value));
}
function httpResponseOf(event2) {
  if (typeof event2?.Result !== "string") return void 0;
  try {
    const value = JSON.parse(event2.Result);
    return value && typeof value === "object" ? value : void 0;
  } catch {
    return void 0;
  }
}
function headerOf(headers, name) {
  if (!headers || typeof headers !== "object") return void 0;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === "string" || typeof first === "number" ? String(first) : void 0;
  }
  return void 0;
}

// harness/replay/engine.ts
var KIND_OF_USE = {
  activity: "activity",
  orchestrator: "orchestration",
  entity: "entity"
};
async function replayLoadedHistory(app, history, options = {}) {
  const finished = finishedStatus(history.events);
  if (finished && options.finished !== "judge") {
    let result2;
    try {
      result2 = await judgeHistory(app, history, options);
    } catch (error) {
      if (!(error instanceof HistoryError) || !history.externalPayloads) throw error;
      return { ...resultBase(history), finished, warnings: [`not replayed: ${error.detail} The runtime never replays a finished instance.`] };
    }
    return asTheRuntimeSeesIt({ ...result2, finished });
  }
  const result = await judgeHistory(app, history, options);
  const judged = history.externalPayloads ? await withExternalPayloads(app, history, history.externalPayloads, result, options) : result;
  return finished ? { ...judged, finished } : judged;
}
async function withExternalPayloads(app, history, payloads, result, options) {
  const read2 = payloads.find((p) => p.read);
  const first = read2 ?? payloads[0];
  const what = `${payloads.length} payload(s) in this history are Blob Storage references the SDK wrote in place of large values (${first.field} of event ${first.eventIndex}: ${first.reference})`;
  const warned = (judged, why) => ({ ...judged, warnings: [...judged.warnings ?? [], `${what}: ${why}.`] });
  if (!read2) return warned(result, "none is in a field the code reads (input drift and output checks leave them out)");
  if (result.failure?.missingFunction?.kind === "orchestration" && !result.failure.stack)
    return warned(result, "the orchestrator is gone from the new app, so the code's replay has no part in the verdict");
  const decidedBefore = (judged) => judged.verdict === "nondeterministic" && !judged.divergence?.perturbed && judged.divergence.recorded.eventIndex < read2.eventIndex || judged.verdict === "failed" && decidedByCalls(judged.failure);
  if (decidedBefore(result)) return warned(result, "the verdict comes from what the code did before it reads one");
  const started = history.events.findIndex((e) => e.EventType === 0 /* ExecutionStarted */);
  if (started < read2.eventIndex) {
    const before = { ...history, events: history.events.slice(0, read2.eventIndex) };
    delete before.externalPayloads;
    const early = await judgeHistory(app, before, options);
    if (decidedBefore(early))
      return warned({ ...early, events: history.events.length }, "the verdict comes from what the code did before it reads one (replayed up to that event)");
  }
  const unchecked = { ...result, verdict: "error" };
  delete unchecked.divergence;
  delete unchecked.failure;
  delete unchecked.warnings;
  return {
    ...unchecked,
    error: {
      message: `cannot check: ${what}. The replay handed the code the reference, not the value, and nothing the code did before it reads it decides the verdict. ${referenceAdvice(read2.reference, payloads.filter((p) => p.read).length)}`,
      eventIndex: read2.eventIndex
    }
  };
}
function decidedByCalls(failure) {
  return failure.message.startsWith(CALLS_MISSING) || failure.message.startsWith(EXTENSION_REFUSES);
}
var CALLS_MISSING = "The new code calls the ";
var EXTENSION_REFUSES = "The extension refuses ";
function resultBase(history) {
  return {
    source: history.source,
    instanceId: history.instanceId,
    orchestrator: history.orchestrator,
    ...history.version ? { version: history.version } : {},
    ...history.runtimeStatus ? { runtimeStatus: history.runtimeStatus } : {},
    verdict: "ok",
    events: history.events.length
  };
}
function finishedStatus(events) {
  const last = events.findLast((e) => e.EventType === 1 /* ExecutionCompleted */);
  const status = last ? orchestrationStatusName(last.OrchestrationStatus) : void 0;
  return status === "Completed" || status === "Failed" || status === "Terminated" ? status : void 0;
}
function asTheRuntimeSeesIt(result) {
  if (result.verdict !== "nondeterministic" && result.verdict !== "failed") return result;
  const { divergence, failure, verdict, ...rest } = result;
  const what = divergence?.explanation ?? failure?.message ?? verdict;
  const warning = `this instance is ${result.finished}, and the runtime never replays a finished instance, so this deployment cannot break it. On its path the new code is ${verdict}: ${what} Instances in flight that still take this path would break; replay with the finished option set to judge to count it.`;
  return {
    ...rest,
    verdict: "ok",
    finishedPath: { verdict, ...divergence ? { divergence } : {}, ...failure ? { failure } : {} },
    warnings: [...result.warnings ?? [], warning]
  };
}
async function judgeHistory(app, history, options) {
  const payloadOptions = { ...options, schema: replaySchemaFor(history, options) };
  const base = { ...resultBase(history), replaySchema: payloadOptions.schema };
  const warnings = [...history.notes];
  const withWarnings = (result) => warnings.length > 0 ? { ...result, warnings } : result;
  const registered = app.find(history.orchestrator);
  if (!registered || registered.kind !== "orchestration") {
    const known = app.info.functions.filter((f) => f.kind === "orchestration").map((f) => f.name);
    const runtime = orchestratorFailedMessage(history.orchestrator, missingFunctionMessage(history.orchestrator, "orchestrator", known));
    return withWarnings({
      ...base,
      verdict: "failed",
      failure: {
        message: registered ? `'${history.orchestrator}' is a ${registered.kind} function in the new app, not an orchestrator.` : `The new app has no orchestrator named '${history.orchestrator}'.`,
        runtimeMessage: runtime,
        missingFunction: { name: history.orchestrator, kind: "orchestration" },
        advice: `Keep an orchestrator named '${history.orchestrator}' in the app until its in-flight instances finish (drain the task hub before deploying), or terminate them deliberately.`
      }
    });
  }
  const recordedTimestamps = history.events.map((event2) => event2.Timestamp);
  const invoke = () => app.invokeOrchestrator(registered.name, buildPayload(history, payloadOptions));
  const first = options.perturb ? await withSources(app.info.dir, /* @__PURE__ */ new Set(), void 0, invoke) : void 0;
  const outcome = first ? first.value : await invoke();
  const state = outcome.kind === "state" ? outcome.state : outcome.state;
  if (!state || !Array.isArray(state.actions)) {
    const message = outcome.kind === "threw" ? outcome.message : "the orchestrator returned no state";
    return withWarnings({
      ...base,
      verdict: "failed",
      failure: {
        message: `The orchestrator threw before the SDK could record its state: ${message}`,
        runtimeMessage: orchestratorFailedMessage(history.orchestrator, message),
        ...outcome.kind === "threw" && outcome.stack ? { stack: outcome.stack } : {},
        ...locationOf(outcome.kind === "threw" ? outcome.stack : void 0, app),
        advice: "Fix the error in the orchestrator; it happens before any durable call is replayed."
      }
    });
  }
  const exists = registeredIn(app);
  const parentInstanceId = history.events.find((e) => e.EventType === 0 /* ExecutionStarted */)?.ParentInstance?.OrchestrationInstance?.InstanceId;
  const rejection = stateRejection(state);
  const sim = simulate(history.events, rejection ? [[]] : state.actions, state.schemaVersion ?? 1, {
    ...DEFAULT_RUNTIME_OPTIONS,
    exists,
    instanceId: history.instanceId,
    ...parentInstanceId ? { parentInstanceId } : {},
    recordedTimestamps
  });
  for (const { action, reason } of sim.refusals)
    warnings.push(
      `the extension refuses ${callPhrase(action)} before it takes a sequence id, because ${reason}: it drops the call, and the code waits for it for ever`
    );
  warnings.push(...sim.warnings.map((w) => `the runtime would log: ${w} (a completion for a task this replay never scheduled)`));
  warnings.push(...sim.notes);
  if (sim.suspended)
    warnings.push(
      "this instance is suspended: the runtime holds the events that came since until it is resumed, and then applies them at the resume episode; this verdict is what the new code does on a resume"
    );
  const trace = options.locate === false ? void 0 : (depth) => traceRun(app, registered.name, buildPayloadText(history, payloadOptions), depth);
  if (rejection) {
    const runtimeMessage = outcome.kind === "threw" ? rejection.message : orchestratorFailedMessage(history.orchestrator, rejection.message);
    const location = rejection.action && trace ? await locateAction(trace, state, rejection.action, app, registered.name) : {};
    const advice = rejection.action ? "Keep retry intervals, timeouts and attempt counts within 2147483647 (for times, milliseconds: about 24.8 days); for a longer retry window, retry in the orchestrator with durable timers." : "Keep the custom status under 16 KB of JSON (counted in UTF-16, two bytes a character): store large state elsewhere and put a reference in the status.";
    if (sim.mismatch) {
      const divergence = await divergenceOf(sim.mismatch, history, trace, state, app);
      return withWarnings({
        ...base,
        verdict: "nondeterministic",
        divergence: {
          ...divergence,
          ...location,
          explanation: `The extension rejects the new code's answer before it replays any call, because ${rejection.reason} ("${rejection.message}"); DurableTask.Core then finds no call for the first step the history recorded and fails the instance with its nondeterminism error.`,
          advice
        }
      });
    }
    return withWarnings({
      ...base,
      verdict: "failed",
      failure: { message: `The extension rejects the new code's answer before it replays any call: ${rejection.reason}.`, runtimeMessage, ...location, advice }
    });
  }
  const missing = sim.uses.find((use) => !exists(use.name, use.kind)) ?? (sim.mismatch ? void 0 : pendingMissing(history.events, app));
  if (missing) {
    const known = app.info.functions.filter((f) => f.kind === KIND_OF_USE[missing.kind]).map((f) => f.name);
    const refusal = missingFunctionMessage(missing.name, missing.kind, known);
    const signal = missing.action?.actionType === 9 /* SignalEntity */;
    const runtimeMessage = sim.mismatch?.message ?? (signal ? orchestratorFailedMessage(history.orchestrator, refusal) : void 0);
    return withWarnings({
      ...base,
      verdict: "failed",
      failure: {
        message: missing.action ? `${CALLS_MISSING}${missing.kind} '${missing.name}', which the new app does not register.` : `The history has a call to the ${missing.kind} '${missing.name}' still pending, and the new app does not register it.`,
        runtimeMessage: runtimeMessage ?? `${refusal} (The extension drops the call: the instance stays Running and never continues.)`,
        missingFunction: { name: missing.name, kind: KIND_OF_USE[missing.kind] },
        ...missing.action && trace ? await locateAction(trace, state, missing.action, app, registered.name) : {},
        advice: missing.action ? `Register the ${missing.kind} '${missing.name}' in the new app, or fix the name in the call: the extension silently drops calls to functions it does not know.` : `Keep the ${missing.kind} '${missing.name}' registered until the instances that wait for it finish, or let them finish before deploying.`
      }
    });
  }
  const diverged = sim.mismatch && sim.mismatch.mismatch.kind !== "missing";
  if (outcome.kind === "threw" && sim.mismatch && !diverged) {
    const divergence = await divergenceOf(sim.mismatch, history, trace, state, app);
    const thrownAt = locationOf(outcome.stack, app).location;
    return withWarnings({
      ...base,
      verdict: "nondeterministic",
      divergence: {
        ...divergence,
        ...thrownAt ? { location: thrownAt } : {},
        explanation: [
          `The new code throws (${firstLine(outcome.message)}) before it schedules the step the history recorded next, so production fails the instance with the nondeterminism error, not with this error.`,
          divergence.explanation,
          schemaHint(outcome.message, base)
        ].filter(Boolean).join(" ")
      }
    });
  }
  if (outcome.kind === "threw" && !sim.mismatch) {
    const runtimeMessage = orchestratorFailedMessage(history.orchestrator, outcome.message);
    return withWarnings({
      ...base,
      verdict: "failed",
      failure: {
        message: `The orchestrator throws during replay: ${outcome.message}`,
        runtimeMessage,
        ...outcome.stack ? { stack: outcome.stack } : {},
        ...locationOf(outcome.stack, app),
        advice: schemaHint(outcome.message, base) ?? "A recorded result probably no longer has the shape the new code expects, or a failure it used to handle now escapes. Handle the old shape, or let these instances finish before deploying."
      }
    });
  }
  const refused = sim.mismatch ? void 0 : sim.refusals[0];
  if (refused) {
    return withWarnings({
      ...base,
      verdict: "failed",
      failure: {
        message: `${EXTENSION_REFUSES}${callPhrase(refused.action)}: ${refused.reason}.`,
        runtimeMessage: "The extension drops the call before it takes a sequence id: the instance stays Running and never continues.",
        ...trace ? await locateAction(trace, state, refused.action, app, registered.name) : {},
        advice: "Change the call so that the extension takes it: retry intervals of at most 6 days on Azure Storage; a sub-orchestration id that is not the instance's own, its parent's, nor starting with '@'."
      }
    });
  }
  if (sim.stranded) {
    return withWarnings({ ...base, verdict: "nondeterministic", divergence: await strandedDivergence(sim.stranded, history, trace, state, app) });
  }
  if (sim.mismatch) {
    const divergence = await divergenceOf(sim.mismatch, history, trace, state, app);
    const unsteady = first ? await unsteadyRuns(app.info.dir, invoke, outcome, first.recording) : void 0;
    if (unsteady) divergence.explanation = `${divergence.explanation} ${unsteady}`;
    if (outcome.kind === "threw")
      warnings.push(
        `the new code also throws with this history (${firstLine(outcome.message)}), a consequence of the divergence: recorded results reach the wrong calls`
      );
    return withWarnings({ ...base, verdict: "nondeterministic", divergence });
  }
  warnings.push(...completionWarnings(history, state, sim));
  const drifts = inputDrifts(sim.matched);
  for (const drift2 of drifts)
    warnings.push(
      `step ${drift2.sequenceId}: ${callPhrase(drift2.action)} is the call the history recorded there, with another input (recorded ${drift2.recorded}, now ${drift2.now}). The runtime does not compare inputs, so this replays ok, but the instance goes on with other data than it started with.`
    );
  const drift = drifts[0];
  if (drift && options.inputDrift === "fail") {
    return withWarnings({
      ...base,
      verdict: "failed",
      failure: {
        message: `Input drift (failed on request: the runtime would carry on): at step ${drift.sequenceId}, ${callPhrase(drift.action)} has another input than the history recorded: recorded ${drift.recorded}, now ${drift.now}.`,
        ...trace ? await locateAction(trace, state, drift.action, app, registered.name) : {},
        advice: `Keep the recorded input for instances in flight (${versionBranch(app)}), or let them finish before deploying; if the new input is meant for them too, replay without failing on input drift.`
      }
    });
  }
  if (first) {
    const divergence = await perturbedDivergence(app.info.dir, invoke, outcome, first.recording);
    if (divergence) return withWarnings({ ...base, verdict: "nondeterministic", divergence });
  }
  return withWarnings(base);
}
async function divergenceOf(mismatch, history, trace, state, app) {
  const event2 = mismatch.event;
  const recordedName = recordedNameOf(event2);
  const replayed = mismatch.action ? describeAction(mismatch.action) : void 0;
  const what = `${eventTypeName(event2.EventType)}${recordedName ? ` '${recordedName}'` : ""}`;
  let explanation;
  switch (mismatch.mismatch.kind) {
    case "missing":
      explanation = `The history recorded ${what} as step ${mismatch.sequenceId}, but by that point of the replay the new code has not scheduled a step ${mismatch.sequenceId}: it now makes fewer durable calls before this one, waits on something else first, or awaits in sequence what ran in parallel.`;
      break;
    case "type":
      explanation = `The history recorded ${what} as step ${mismatch.sequenceId}, but the new code's step ${mismatch.sequenceId} is a ${replayed?.action ?? mismatch.mismatch.actual}${replayed?.name ? ` '${replayed.name}'` : ""}: a call was inserted, removed or replaced before or at this point.`;
      break;
    case "name":
      explanation = `The history recorded ${what} as step ${mismatch.sequenceId}, but the new code calls '${mismatch.mismatch.actualName}' at that step: a call was inserted, removed or renamed before or at this point.`;
      break;
  }
  let location;
  if (trace) {
    const found = mismatch.action ? await locateAction(trace, state, mismatch.action, app, history.orchestrator) : await locateStop(trace, state, app, history.orchestrator);
    location = found.location;
  }
  return {
    sequenceId: mismatch.sequenceId,
    recorded: { event: eventTypeName(event2.EventType), ...recordedName ? { name: recordedName } : {}, eventIndex: mismatch.eventIndex },
    ...replayed ? { replayed } : {},
    message: mismatch.message,
    explanation,
    ...location ? { location } : {},
    advice: `Instances of '${history.orchestrator}' started before this change would fail. Keep the old sequence of calls for them (${versionBranch(app)}, or ship the change under a new orchestrator name), or let them finish before deploying this code over their task hub.`
  };
}
async function strandedDivergence(stranded, history, trace, state, app) {
  const replayed = describeAction(stranded.action);
  const target = stranded.event.InstanceId ? ` to ${stranded.event.InstanceId}` : "";
  const location = trace ? (await locateAction(trace, state, stranded.action, app, history.orchestrator)).location : void 0;
  return {
    sequenceId: stranded.sequenceId,
    recorded: {
      event: eventTypeName(stranded.event.EventType),
      ...stranded.event.Name ? { name: stranded.event.Name } : {},
      eventIndex: stranded.eventIndex
    },
    replayed,
    message: stranded.recordedSignal ? `(no error: the instance stays Running and never continues; the extension waits for the response '${stranded.requestId}' to a request that was sent as a signal, which gets none)` : `(no error: the instance stays Running and never continues; the extension waits for the response '${stranded.requestId}', and the entity answers request '${stranded.recordedId}')`,
    explanation: stranded.recordedSignal ? `The history recorded a signal${target} at step ${stranded.sequenceId}; the new code makes an entity call at that step. The step is not sent again, and a signal gets no answer: the code waits for ever.` : `The history recorded the entity request${target} at step ${stranded.sequenceId} with request id '${stranded.recordedId}'. The extension makes that id from the instance id, the time of the episode that sends the request and how many requests came before it; the new code sends this request in another episode or after another number of requests (a call moved into or out of a Task.all, or an entity call or signal added or removed before it), so the id becomes '${stranded.requestId}'. The response to the recorded request never reaches the code, which waits for ever.`,
    ...location ? { location } : {},
    advice: `Instances of '${history.orchestrator}' started before this change would hang. Keep the old order and grouping of entity calls and signals for them (${versionBranch(app)}, or ship the change under a new orchestrator name), or let them finish before deploying this code over their task hub.`
  };
}
function schemaHint(message, base) {
  if (!/OOProc schema V4/.test(message)) return void 0;
  return `This replay took the host to advertise schema ${base.replaySchema ?? "V3"}, as the generally available extension bundles do (Microsoft.Azure.WebJobs.Extensions.DurableTask before 3.13): there, a lock fails the instance. If the app runs the extension 3.13 or later, replay with the schema option set to V4.`;
}
function firstLine(text2) {
  const line = text2.split("\n")[0].trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
var registeredByApp = /* @__PURE__ */ new WeakMap();
function registeredIn(app) {
  let known = registeredByApp.get(app);
  if (!known) registeredByApp.set(app, known = { activity: /* @__PURE__ */ new Map(), orchestrator: /* @__PURE__ */ new Map(), entity: /* @__PURE__ */ new Map() });
  const byKind = known;
  return (name, kind) => {
    const names = byKind[kind];
    let found = names.get(name);
    if (found === void 0) {
      const fn = app.find(name);
      found = fn !== void 0 && fn.kind === KIND_OF_USE[kind];
      names.set(name, found);
    }
    return found;
  };
}
function recordedNameOf(event2) {
  if (event2.EventType === 14 /* EventSent */) return event2.InstanceId ? `${event2.Name ?? ""} -> ${event2.InstanceId}` : event2.Name;
  return event2.EventType === 4 /* TaskScheduled */ || event2.EventType === 7 /* SubOrchestrationInstanceCreated */ ? event2.Name : void 0;
}
var CLOSES_A_CALL = /* @__PURE__ */ new Set([
  5 /* TaskCompleted */,
  6 /* TaskFailed */,
  8 /* SubOrchestrationInstanceCompleted */,
  9 /* SubOrchestrationInstanceFailed */
]);
function pendingMissing(events, app) {
  const names = /* @__PURE__ */ new Map();
  for (const event2 of events) {
    if (event2.EventType === 4 /* TaskScheduled */) names.set(event2.Name ?? "", "activity");
    else if (event2.EventType === 7 /* SubOrchestrationInstanceCreated */) names.set(event2.Name ?? "", "orchestration");
  }
  let unknown;
  for (const [name, expected] of names) {
    const fn = app.find(name);
    if ((!fn || fn.kind !== expected) && !name.startsWith("BuiltIn::")) (unknown ??= /* @__PURE__ */ new Set()).add(name.toLowerCase());
  }
  if (!unknown) return void 0;
  const open2 = /* @__PURE__ */ new Map();
  for (const event2 of events) {
    if (event2.EventType === 4 /* TaskScheduled */ || event2.EventType === 7 /* SubOrchestrationInstanceCreated */) open2.set(event2.EventId, event2);
    else if (CLOSES_A_CALL.has(event2.EventType) && typeof event2.TaskScheduledId === "number") open2.delete(event2.TaskScheduledId);
  }
  for (const event2 of open2.values()) {
    const name = event2.Name ?? "";
    if (unknown.has(name.toLowerCase())) return { name, kind: event2.EventType === 4 /* TaskScheduled */ ? "activity" : "orchestrator" };
  }
  return void 0;
}
function completionWarnings(history, state, sim) {
  const completed = history.events.findLast((e) => e.EventType === 1 /* ExecutionCompleted */ || e.EventType === 16 /* ContinueAsNew */);
  if (!completed) return [];
  const status = orchestrationStatusName(completed.OrchestrationStatus);
  const succeeded = status === "Completed";
  const continued = status === "ContinuedAsNew";
  const actions = state.actions[0] ?? [];
  const continuesAsNew = actions.some((a) => a?.actionType === 4 /* ContinueAsNew */);
  if (continued) {
    return continuesAsNew ? [] : ["this execution ended with continue-as-new, but the new code no longer calls continueAsNew with this history"];
  }
  if (!succeeded) return [];
  if (!state.isDone || !sim.shimFinished) {
    return ["this instance completed, but with this history the new code no longer completes: it now waits for work the instance never did"];
  }
  if (sim.openTasks > 0) {
    return [
      `this instance completed, but with this history the new code leaves ${sim.openTasks} durable task(s) open (a Task.any loser, such as a timeout timer, no longer cancelled): the runtime completes an instance only when none is open, so it would finish only after they do`
    ];
  }
  if (isPayloadReference(completed.Result)) return [];
  const recorded = parseJson(completed.Result);
  if (!sameJson(recorded, state.output)) {
    return ["this instance completed, but the new code returns a different output with the same history: the code changed what it returns"];
  }
  return [];
}
function parseJson(text2) {
  if (typeof text2 !== "string" || text2 === "") return void 0;
  try {
    return JSON.parse(text2);
  } catch {
    return text2;
  }
}
function sameJson(a, b) {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}
function normalise(value) {
  if (value === null || value === void 0) return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([k, v]) => [k, normalise(v)])
    );
  }
  return value;
}
async function traceRun(app, name, payload, depth) {
  const tracer = tracerFor(app.durableFunctionsDir);
  const outcome = await tracer.record(() => app.invokeOrchestrator(name, payload), depth);
  return { tracer, ...outcome.state ? { state: outcome.state } : {} };
}
async function locateWith(trace, app, pick) {
  const shallow = locationOf(pick(await trace()), app);
  return shallow.location ? shallow : locationOf(pick(await trace(64)), app);
}
var located = /* @__PURE__ */ new WeakMap();
function signature(actions, end) {
  let key = "";
  for (let i = 0; i < end && i < actions.length; i++) key += `${actions[i].actionType}:${actions[i].functionName ?? actions[i].externalEventName ?? ""};`;
  return key;
}
async function cached(app, key, find) {
  let cache = located.get(app);
  if (!cache) located.set(app, cache = /* @__PURE__ */ new Map());
  const hit = cache.get(key);
  if (hit) return hit;
  const found = await find();
  if (cache.size < 1e4) cache.set(key, found);
  return found;
}
function locateAction(trace, state, action, app, orchestrator) {
  const actions = flattenActions(state.actions);
  const index = actions.indexOf(action);
  return cached(
    app,
    `${orchestrator}@${index}|${signature(actions, index + 1)}`,
    () => locateWith(trace, app, (run) => run.tracer.stackOf(run.state ? flattenActions(run.state.actions)[index] : void 0))
  );
}
function locateStop(trace, state, app, orchestrator) {
  const actions = flattenActions(state.actions);
  return cached(
    app,
    `${orchestrator}@stop|${signature(actions, actions.length)}`,
    () => locateWith(trace, app, (run) => run.tracer.stackOf(run.tracer.created.at(-1)))
  );
}
function locationOf(stack, app) {
  const location = userLocation(stack, app.info.dir);
  return location ? { location } : {};
}
function versionBranch(app) {
  const version = app.info.durableFunctionsVersion;
  return atLeast(version, DF_VERSION_SINCE) ? "branch on context.df.version with host.json defaultVersion" : `upgrade durable-functions to ${DF_VERSION_SINCE} or later (this app has ${version}, without context.df.version) and branch on context.df.version with host.json defaultVersion`;
}

// harness/app/load.ts
import { existsSync, readFileSync as readFileSync3, readdirSync as readdirSync2, statSync } from "node:fs";
import { dirname as dirname2, join as join3, resolve as resolve3 } from "node:path";
import { pathToFileURL } from "node:url";
import util from "node:util";

// harness/app/outcome.ts
function returnedOutcome(value) {
  try {
    const json = value === void 0 ? void 0 : JSON.stringify(value);
    return { kind: "returned", ...json === void 0 ? {} : { json } };
  } catch (error) {
    return threwOutcomeOf(new Error(`its return value cannot be sent as JSON: ${error instanceof Error ? error.message : String(error)}`));
  }
}
function threwOutcomeOf(error) {
  if (!(error instanceof Error)) return { kind: "threw", message: String(error), errorName: "Error" };
  return { kind: "threw", message: error.message, errorName: error.name, ...error.stack ? { stack: error.stack } : {} };
}

// harness/app/load.ts
function triggerOf(bindings) {
  const found = Object.entries(bindings).find(([, b]) => b.direction === "in" && /trigger$/i.test(b.type ?? ""));
  return found ? [found[0], found[1].type ?? "unknown"] : void 0;
}
var OUT_OF_PROC_LABEL = "\n\n$OutOfProcData$:";
function restoreRemovedUtilChecks() {
  const checks = {
    isArray: (value) => Array.isArray(value),
    isBoolean: (value) => typeof value === "boolean",
    isBuffer: (value) => Buffer.isBuffer(value),
    isDate: (value) => value instanceof Date,
    isError: (value) => value instanceof Error,
    isFunction: (value) => typeof value === "function",
    isNull: (value) => value === null,
    isNullOrUndefined: (value) => value === null || value === void 0,
    isNumber: (value) => typeof value === "number",
    isObject: (value) => value !== null && typeof value === "object",
    isPrimitive: (value) => value === null || typeof value !== "object" && typeof value !== "function",
    isRegExp: (value) => value instanceof RegExp,
    isString: (value) => typeof value === "string",
    isSymbol: (value) => typeof value === "symbol",
    isUndefined: (value) => value === void 0
  };
  const target = util;
  for (const [name, check] of Object.entries(checks)) if (typeof target[name] !== "function") target[name] = check;
}
async function loadAppInThisThread(appDir) {
  restoreRemovedUtilChecks();
  const dir = resolve3(appDir);
  const shown2 = displayPath(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new AppLoadError(dir, `${shown2}: no such folder. Expected the folder of a function app (the one holding host.json).`);
  }
  if (!existsSync(join3(dir, "host.json"))) {
    throw new AppLoadError(
      dir,
      `${shown2} is not a function app: it has no host.json. The app folder (--app in the CLI, app in the Action and the library) is the one that holds host.json and package.json.`
    );
  }
  const appRequire = nativeCreateRequire(join3(dir, "package.json"));
  let dfPackageJson;
  try {
    dfPackageJson = appRequire.resolve("durable-functions/package.json");
  } catch {
    const declared = readPackageJson(dir)?.dependencies?.["durable-functions"];
    throw new AppLoadError(
      dir,
      declared ? `${shown2} declares durable-functions ${declared} but it is not installed. Run \`npm install\` in ${shown2} first.` : `${shown2} has no durable-functions package: it is not a Durable Functions app (add durable-functions to its dependencies and run \`npm install\`).`
    );
  }
  const dfVersion = String(JSON.parse(readFileSync3(dfPackageJson, "utf8")).version ?? "0.0.0");
  const major = Number.parseInt(dfVersion, 10);
  if (major >= 3) return loadV4(dir, shown2, dirname2(dfPackageJson), dfVersion);
  return loadFunctionJson(dir, shown2, dirname2(dfPackageJson), dfVersion);
}
function readPackageJson(dir) {
  try {
    return JSON.parse(readFileSync3(join3(dir, "package.json"), "utf8"));
  } catch {
    return void 0;
  }
}
function staleSources(dir) {
  const stale = [];
  let mapped = 0;
  let budget = 5e3;
  const visit = (folder, depth) => {
    let entries;
    try {
      entries = readdirSync2(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === "node_modules" || entry.name.startsWith(".") || budget <= 0) continue;
      const path = join3(folder, entry.name);
      if (entry.isDirectory() && depth < 12) visit(path, depth + 1);
      else if (entry.isFile() && /\.[cm]?js$/.test(entry.name)) {
        budget -= 1;
        const map = readSourceMap(path);
        if (!map) continue;
        mapped += 1;
        const built = statSync(path).mtimeMs;
        for (const source of map.payload.sources ?? []) {
          const sourcePath = resolve3(map.dir, map.payload.sourceRoot ?? "", source);
          const changed = existsSync(sourcePath) ? statSync(sourcePath).mtimeMs : 0;
          if (changed > built + 1e3) stale.push({ source: sourcePath, built: path, changed });
        }
      }
    }
  };
  visit(dir, 0);
  const warnings = mapped === 0 && existsSync(join3(dir, "tsconfig.json")) ? [
    `${displayPath(dir)} has a tsconfig.json, but no compiled file names a source map: durable-gate cannot tell whether the build is older than your TypeScript, and reports point at the compiled JavaScript. Set "sourceMap": true in tsconfig.json and rebuild.`
  ] : [];
  return { staleBuild: stale.sort((x, y) => y.changed - x.changed).map(({ source, built }) => ({ source, built })), warnings };
}
function finder(functions) {
  const byName = new Map(functions.map((f) => [f.name.toLowerCase(), f]));
  return (name) => byName.get(name.toLowerCase());
}
function kindOf(trigger) {
  switch (trigger.toLowerCase()) {
    case "orchestrationtrigger":
      return "orchestration";
    case "activitytrigger":
      return "activity";
    case "entitytrigger":
      return "entity";
    default:
      return "other";
  }
}
var FunctionsCore = class {
  registrations = [];
  programmingModel;
  registerFunction(metadata, callback) {
    this.registrations.push({ metadata, callback });
    return { dispose: () => void 0 };
  }
  setProgrammingModel(model) {
    this.programmingModel = model;
  }
  getProgrammingModel() {
    return this.programmingModel;
  }
  registerHook() {
    return { dispose: () => void 0 };
  }
  log() {
  }
};
var installedCore;
function installFunctionsCore() {
  if (installedCore) return installedCore;
  const core = new FunctionsCore();
  const Module = nativeCreateRequire(import.meta.url)("node:module");
  const originalLoad = Module._load;
  Module._load = function load(request, ...rest) {
    if (request === "@azure/functions-core") return core;
    return originalLoad.call(this, request, ...rest);
  };
  installedCore = core;
  return core;
}
async function loadV4(dir, shown2, dfDir, dfVersion) {
  const pkg = readPackageJson(dir);
  if (!pkg) throw new AppLoadError(dir, `${shown2}/package.json is missing or not valid JSON; a v4 function app names its entry files in package.json "main".`);
  if (!pkg.main) {
    throw new AppLoadError(
      dir,
      `${shown2}/package.json has no "main". A Node programming model v4 app names its entry file or glob there, e.g. "main": "dist/src/functions/*.js".`
    );
  }
  const { files: files2 } = await expandPaths([pkg.main], dir, ".js");
  const entryFiles = files2.filter((f) => /\.(c|m)?js$/.test(f));
  if (entryFiles.length === 0) {
    throw new AppLoadError(
      dir,
      `${shown2}/package.json "main" is "${pkg.main}", which matches no JavaScript file. If the app is TypeScript, build it first (npm run build).`
    );
  }
  let azureFunctionsVersion;
  try {
    const path = nativeCreateRequire(join3(dfDir, "package.json")).resolve("@azure/functions/package.json");
    azureFunctionsVersion = JSON.parse(readFileSync3(path, "utf8")).version;
  } catch {
  }
  const core = installFunctionsCore();
  for (const file of entryFiles) {
    try {
      await import(
        /* webpackIgnore: true */
        pathToFileURL(file).href
      );
    } catch (error) {
      throw new AppLoadError(dir, `importing ${displayPath(file)} failed: ${errorMessage(error)}`, error instanceof Error ? error.stack : void 0);
    }
  }
  keepUserStacks(dfDir);
  const byName = /* @__PURE__ */ new Map();
  const functions = [];
  for (const registration of core.registrations) {
    const [triggerName, triggerType] = triggerOf(registration.metadata.bindings) ?? ["context", "unknown"];
    byName.set(registration.metadata.name.toLowerCase(), { ...registration, triggerName });
    functions.push({ name: registration.metadata.name, kind: kindOf(triggerType), trigger: triggerType });
  }
  const model = core.programmingModel;
  const info = {
    dir,
    ...staleSources(dir),
    model: "v4",
    durableFunctionsVersion: dfVersion,
    ...azureFunctionsVersion ? { azureFunctionsVersion } : {},
    entryFiles,
    functions
  };
  let invocations = 0;
  const invocationOf = async (name, triggerText) => {
    const registration = byName.get(name.toLowerCase());
    if (!registration) throw new Error(`no function named ${name}`);
    if (!model) throw new AppLoadError(dir, `${shown2}: @azure/functions never set its programming model; is the app's @azure/functions older than 4.0?`);
    const invocation = model.getInvocationModel(coreContext(registration, String(++invocations), triggerText));
    return { registration, invocation, ...await invocation.getArguments() };
  };
  return {
    info,
    durableFunctionsDir: dfDir,
    find: finder(functions),
    bareHandler(name) {
      const registration = byName.get(name.toLowerCase());
      if (!registration || !model) return void 0;
      return async (payload) => {
        const ctx = model.getInvocationModel(coreContext(registration, String(++invocations), "{}"));
        const { context } = await ctx.getArguments();
        return registration.callback(payload, context);
      };
    },
    async invokeOrchestrator(name, payload) {
      const text2 = typeof payload === "string" ? payload : "null";
      const { registration, invocation, context, inputs } = await invocationOf(name, text2);
      if (typeof payload !== "string") inputs[0] = payload;
      let result;
      try {
        result = await invocation.invokeFunction(context, inputs, registration.callback);
      } catch (error) {
        return threwOutcome(error);
      }
      await invocation.getResponse(context, result);
      return { kind: "state", state: result };
    },
    async invokeFunction(name, trigger) {
      const { registration, invocation, context, inputs } = await invocationOf(name, "null");
      inputs[0] = trigger;
      try {
        return returnedOutcome(await invocation.invokeFunction(context, inputs, registration.callback));
      } catch (error) {
        return threwOutcomeOf(error);
      }
    }
  };
}
function keepUserStacks(dfDir) {
  try {
    const module = nativeCreateRequire(join3(dfDir, "package.json"))(join3(dfDir, "lib", "src", "orchestrations", "TaskOrchestrationExecutor.js"));
    const proto = module.TaskOrchestrationExecutor?.prototype;
    if (!proto || proto[USER_STACK]) return;
    const execute = proto.execute;
    proto.execute = async function(...args) {
      try {
        return await execute.apply(this, args);
      } catch (error) {
        const stack = this.exception instanceof Error ? this.exception.stack : void 0;
        if (error instanceof Error && stack) Object.defineProperty(error, USER_STACK, { value: stack });
        if (error instanceof Error && Array.isArray(this.actions)) Object.defineProperty(error, USER_ACTIONS, { value: this.actions });
        throw error;
      }
    };
    proto[USER_STACK] = true;
  } catch {
  }
}
var USER_STACK = /* @__PURE__ */ Symbol.for("durable-gate.user-stack");
var USER_ACTIONS = /* @__PURE__ */ Symbol.for("durable-gate.user-actions");
function coreContext(registration, invocationId, payloadText) {
  const { triggerName } = registration;
  return {
    invocationId,
    request: {
      invocationId,
      functionId: registration.metadata.name,
      inputData: [{ name: triggerName, data: { json: payloadText } }],
      triggerMetadata: {}
    },
    metadata: registration.metadata,
    state: void 0,
    log: () => void 0
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
      if (typeof state.error === "string") message = state.error;
      const actions = error[USER_ACTIONS];
      if (Array.isArray(actions) && (state.schemaVersion ?? 0) >= 1) state = { ...state, actions: [actions] };
    } catch {
      state = void 0;
    }
  }
  const userStack = error instanceof Error ? error[USER_STACK] : void 0;
  const stack = typeof userStack === "string" ? userStack : error instanceof Error && typeof error.stack === "string" && at < 0 ? error.stack : void 0;
  return { kind: "threw", message, ...stack ? { stack } : {}, ...state ? { state } : {} };
}
async function loadFunctionJson(dir, shown2, dfDir, dfVersion) {
  const functions = [];
  const orchestrators = /* @__PURE__ */ new Map();
  const others = /* @__PURE__ */ new Map();
  const entryFiles = [];
  const folders = readdirSync2(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join3(dir, e.name, "function.json")));
  if (folders.length === 0) {
    throw new AppLoadError(
      dir,
      `${shown2} uses durable-functions ${dfVersion} (function.json model) but no folder of it holds a function.json. The app folder (--app in the CLI, app in the Action and the library) is the function app's root folder.`
    );
  }
  for (const folder of folders) {
    const jsonPath = join3(dir, folder.name, "function.json");
    let spec;
    try {
      spec = JSON.parse(readFileSync3(jsonPath, "utf8"));
    } catch (error) {
      throw new AppLoadError(dir, `${displayPath(jsonPath)} is not valid JSON: ${errorMessage(error)}`);
    }
    if (spec.disabled === true) continue;
    const [triggerName, triggerType] = triggerOf(Object.fromEntries((spec.bindings ?? []).map((b, i) => [b.name ?? `binding${i}`, b]))) ?? [
      "context",
      "unknown"
    ];
    const kind = kindOf(triggerType);
    functions.push({ name: folder.name, kind, trigger: triggerType });
    const script = join3(dir, folder.name, spec.scriptFile ?? "index.js");
    if (kind !== "orchestration") {
      others.set(folder.name.toLowerCase(), { triggerName, script, ...spec.entryPoint ? { entryPoint: spec.entryPoint } : {} });
      continue;
    }
    entryFiles.push(script);
    const exported = await importScript(dir, script, spec.entryPoint);
    if (typeof exported !== "function") {
      throw new AppLoadError(
        dir,
        `${displayPath(script)} does not export a function; an orchestrator's script exports df.orchestrator(function* (context) { ... }).`
      );
    }
    orchestrators.set(folder.name.toLowerCase(), { triggerName, handler: exported });
  }
  let invocations = 0;
  const invoke = (name, payload) => {
    const orchestrator = orchestrators.get(name.toLowerCase());
    if (!orchestrator) throw new Error(`no orchestrator named ${name}`);
    return callScript(name, orchestrator.triggerName, orchestrator.handler, payload, false);
  };
  const callScript = (name, triggerName, handler, payload, byPromise) => new Promise((resolvePromise, reject) => {
    const log = Object.assign(() => void 0, { error: () => void 0, warn: () => void 0, info: () => void 0, verbose: () => void 0 });
    const invocationId = String(++invocations);
    const context = {
      invocationId,
      executionContext: { invocationId, functionName: name, functionDirectory: join3(dir, name) },
      bindings: { [triggerName]: payload },
      bindingData: {},
      log,
      df: void 0,
      done: (error, result) => resolvePromise({ error, result })
    };
    try {
      const returned = handler(context, payload);
      if (returned && typeof returned.then === "function")
        returned.then((result) => byPromise ? resolvePromise({ error: void 0, result }) : void 0, reject);
      else if (byPromise && returned !== void 0) resolvePromise({ error: void 0, result: returned });
    } catch (error) {
      reject(error);
    }
  });
  return {
    info: { dir, model: "function.json", durableFunctionsVersion: dfVersion, entryFiles, functions, ...staleSources(dir) },
    durableFunctionsDir: dfDir,
    find: finder(functions),
    bareHandler: (name) => orchestrators.has(name.toLowerCase()) ? (payload) => invoke(name, payload) : void 0,
    async invokeOrchestrator(name, payload) {
      let outcome;
      try {
        outcome = await invoke(name, typeof payload === "string" ? JSON.parse(payload) : payload);
      } catch (error) {
        return threwOutcome(error);
      }
      if (outcome.error) return threwOutcome(outcome.error);
      return { kind: "state", state: outcome.result };
    },
    async invokeFunction(name, trigger) {
      const spec = others.get(name.toLowerCase());
      if (!spec) throw new Error(`no activity or entity named ${name}`);
      try {
        const handler = await importScript(dir, spec.script, spec.entryPoint);
        if (typeof handler !== "function") throw new Error(`${displayPath(spec.script)} does not export a function`);
        const outcome = await callScript(name, spec.triggerName, handler, trigger, true);
        if (outcome.error) return threwOutcomeOf(outcome.error);
        return returnedOutcome(outcome.result);
      } catch (error) {
        return threwOutcomeOf(error);
      }
    }
  };
}
async function importScript(dir, script, entryPoint) {
  try {
    const module = await import(
      /* webpackIgnore: true */
      pathToFileURL(script).href
    );
    return entryPoint ? module[entryPoint] ?? module.default?.[entryPoint] : module.default ?? module;
  } catch (error) {
    throw new AppLoadError(dir, `importing ${displayPath(script)} failed: ${errorMessage(error)}`, error instanceof Error ? error.stack : void 0);
  }
}

// harness/app/worker.ts
var WORKER_ENV = "DURABLE_GATE_REPLAY_WORKER";
var progress = new Int32Array(new SharedArrayBuffer(4));
function countFinished() {
  Atomics.add(progress, 0, 1);
}
async function loadItem(item) {
  if ("file" in item) {
    const text2 = readHistoryTextSync(item.file);
    return text2 === void 0 ? readHistoryFile(item.file) : parseHistoryText(text2, item.file);
  }
  return "text" in item ? parseHistoryText(item.text, item.source) : parseHistory(item.value, item.source);
}
function errorResult(source, error) {
  const eventIndex = error instanceof HistoryError ? error.eventIndex : void 0;
  return {
    source,
    instanceId: "",
    orchestrator: "",
    verdict: "error",
    error: {
      message: error instanceof HistoryError ? error.detail : `internal error while replaying: ${errorMessage(error)}`,
      ...eventIndex === void 0 ? {} : { eventIndex }
    }
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
  const source = "file" in item ? item.file : item.source;
  let history;
  try {
    history = await loadItem(item);
  } catch (error) {
    return errorResult(source, error);
  }
  try {
    return await replayLoadedHistory(app, history, options);
  } catch (error) {
    return { ...errorResult(source, error), instanceId: history.instanceId, orchestrator: history.orchestrator };
  }
}
function send(message) {
  process.send(message);
}
var WATCHER = `
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
function watchCaller(progressFile) {
  const watcher = new Worker(WATCHER, { eval: true, workerData: { parent: process.ppid, progress, progressFile }, stdout: false, stderr: false });
  watcher.unref();
  process.once("disconnect", () => process.exit(0));
}
async function runWorker(init2) {
  const progressFile = openSync3(init2.progressFile, "r+");
  watchCaller(progressFile);
  process.on("exit", () => {
    const bytes = Buffer.alloc(4);
    bytes.writeInt32LE(Atomics.load(progress, 0), 0);
    writeSync(progressFile, bytes, 0, 4, 0);
  });
  let app;
  if (init2.perturb) installSourcesForGood();
  try {
    app = await loadAppInThisThread(init2.appDir);
  } catch (error) {
    send({
      type: "load-error",
      message: errorMessage(error),
      ...error instanceof AppLoadError && error.userStack ? { userStack: error.userStack } : {}
    });
    return;
  }
  process.on("message", (message) => {
    const reply = async () => {
      if (message.type === "call") {
        try {
          const { call } = message;
          const outcome = call.kind === "orchestrator" ? await app.invokeOrchestrator(call.name, call.payload) : await app.invokeFunction(call.name, call.trigger);
          countFinished();
          return { type: "called", id: message.id, outcome, finished: Atomics.load(progress, 0) };
        } catch (error) {
          return { type: "crash", id: message.id, message: errorMessage(error) };
        }
      }
      try {
        const results = await replayItems(app, message.items, message.options);
        return { type: "results", id: message.id, results, finished: Atomics.load(progress, 0) };
      } catch (error) {
        return { type: "crash", id: message.id, message: errorMessage(error) };
      }
    };
    void reply().then(send);
  });
  send({ type: "ready", info: app.info });
}
var replayWorker = false;
var init = process.env[WORKER_ENV];
if (init !== void 0 && typeof process.send === "function") {
  delete process.env[WORKER_ENV];
  replayWorker = true;
  void runWorker(JSON.parse(init));
}

// harness/app/host.ts
var WORKER_SCRIPT = /* @__PURE__ */ Symbol.for("durable-gate.worker-script");
function workerScript(file = "./worker.js") {
  const override = globalThis[WORKER_SCRIPT];
  return new URL(typeof override === "string" || override instanceof URL ? override : file, import.meta.url);
}
var DEFAULT_HISTORY_TIMEOUT_MS = 3e4;
var DEFAULT_LOAD_TIMEOUT_MS = 6e4;
var DEFAULT_MEMORY_LIMIT_MB = 2048;
var WorkerHandle = class _WorkerHandle {
  constructor(child, progressFd, progressPath, info, stderrTail, memoryLimitMb) {
    this.child = child;
    this.progressFd = progressFd;
    this.progressPath = progressPath;
    this.info = info;
    this.stderrTail = stderrTail;
    this.memoryLimitMb = memoryLimitMb;
    child.removeAllListeners("exit");
    child.removeAllListeners("message");
    child.on("message", (message) => {
      if ("id" in message) {
        if (message.type === "results" || message.type === "called") this.answered = message.finished;
        const waiter = this.pending.get(message.id);
        this.pending.delete(message.id);
        waiter?.resolve(message);
      }
    });
    child.on("exit", (code, signal) => this.failAll(workerExit(code, signal, this.stderrTail(), this.memoryLimitMb)));
    this.hold(false);
  }
  child;
  progressFd;
  progressPath;
  info;
  stderrTail;
  memoryLimitMb;
  nextId = 0;
  pending = /* @__PURE__ */ new Map();
  failure;
  counter = Buffer.alloc(4);
  /** Histories finished by the worker when it last answered: exact, where the file may lag by a few milliseconds. */
  answered = 0;
  /** Histories finished by the worker so far: it counts them in its progress file (a few milliseconds late). */
  get progress() {
    readSync2(this.progressFd, this.counter, 0, 4, 0);
    return this.counter.readInt32LE(0);
  }
  static async start(dir, options) {
    if (options.signal?.aborted) throw new AppLoadError(dir, stopReason(options.signal));
    const progressPath = join4(tmpdir(), `durable-gate-progress-${process.pid}-${randomUUID()}`);
    writeFileSync(progressPath, Buffer.alloc(4));
    const progressFd = openSync4(progressPath, "r");
    const init2 = { durableGateWorker: true, appDir: dir, progressFile: progressPath, ...options.perturb ? { perturb: true } : {} };
    const memoryLimitMb = options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB;
    const child = fork(fileURLToPath2(workerScript()), [], {
      env: { ...process.env, [WORKER_ENV]: JSON.stringify(init2) },
      execArgv: [`--max-old-space-size=${memoryLimitMb}`],
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "advanced"
    });
    let tail = "";
    const forward = options.userOutput !== "ignore";
    child.stdout.on("data", (chunk) => forward && process.stderr.write(chunk));
    let dying = false;
    child.stderr.on("data", (chunk) => {
      tail = (tail + chunk.toString()).slice(-4e3);
      dying ||= tail.includes("<--- Last few GCs --->");
      if (forward && !dying) process.stderr.write(chunk);
    });
    const loadTimeoutMs = options.loadTimeoutMs ?? DEFAULT_LOAD_TIMEOUT_MS;
    let timer;
    let onAbort;
    const info = await new Promise((resolvePromise, reject) => {
      child.on("message", (message) => {
        if (message.type === "ready") resolvePromise(message.info);
        else if (message.type === "load-error") reject(new AppLoadError(dir, message.message, message.userStack));
      });
      child.once("error", (error) => reject(new AppLoadError(dir, `could not start the replay worker: ${error.message}`)));
      child.once("exit", (code, signal) => {
        const ended = workerExit(code, signal, tail, memoryLimitMb);
        reject(
          new AppLoadError(
            dir,
            `the app's worker ended while loading (${ended.message.replace(/^the replay worker /, "")}); does the app call process.exit()?`
          )
        );
      });
      timer = setTimeout(
        () => reject(
          new AppLoadError(
            dir,
            `the app did not finish loading within ${Math.round(loadTimeoutMs / 1e3)} s: a module's top-level code is still running or waiting (a connection, a top-level await, an endless loop). Orchestrator modules must load without I/O; move it into an activity or behind a function call.`
          )
        ),
        loadTimeoutMs
      );
      onAbort = () => reject(
        new AppLoadError(
          dir,
          `stopped while the app was still loading (${stopReason(options.signal)}). If loading takes long, a module's top-level code may be waiting on something (a connection, a top-level await) or looping.`
        )
      );
      options.signal?.addEventListener("abort", onAbort, { once: true });
    }).catch(async (error) => {
      await kill(child);
      closeSync3(progressFd);
      rmSync(progressPath, { force: true });
      throw error;
    }).finally(() => {
      clearTimeout(timer);
      if (onAbort) options.signal?.removeEventListener("abort", onAbort);
    });
    try {
      rmSync(progressPath, { force: true });
    } catch {
    }
    return new _WorkerHandle(child, progressFd, progressPath, info, () => tail, memoryLimitMb);
  }
  /** An idle worker does not keep the caller's process alive (a library user who forgets close()). */
  hold(busy) {
    const handles = [this.child, this.child.channel, this.child.stdout, this.child.stderr];
    for (const handle of handles) (busy ? handle?.ref : handle?.unref)?.call(handle);
  }
  failAll(error) {
    this.failure = error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
  request(message) {
    if (this.failure) return Promise.reject(this.failure);
    const id = ++this.nextId;
    return new Promise((resolvePromise, reject) => {
      this.pending.set(id, { resolve: resolvePromise, reject });
      this.hold(true);
      try {
        this.child.send({ ...message, id });
      } catch (error) {
        this.pending.delete(id);
        reject(new NotSent(errorMessage(error)));
      }
    }).finally(() => {
      if (this.pending.size === 0) this.hold(false);
    });
  }
  terminated = false;
  async terminate() {
    if (this.terminated) return;
    this.terminated = true;
    this.child.removeAllListeners("exit");
    this.hold(true);
    this.failAll(new Error("the replay worker was stopped"));
    await kill(this.child);
    closeSync3(this.progressFd);
    rmSync(this.progressPath, { force: true });
  }
};
function kill(child) {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolvePromise();
    child.once("exit", () => resolvePromise());
    child.kill("SIGKILL");
  });
}
function workerExit(code, signal, stderrTail, memoryLimitMb) {
  if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderrTail)) {
    return Object.assign(new Error(`the replay worker ran out of memory (its limit is ${memoryLimitMb} MB)`), { code: OUT_OF_MEMORY });
  }
  return new Error(`the replay worker exited (${signal ? `signal ${signal}` : `code ${code}`}); does the user's code call process.exit()?`);
}
var OUT_OF_MEMORY = "ERR_WORKER_OUT_OF_MEMORY";
var NotSent = class extends Error {
};
var HUNG = /* @__PURE__ */ Symbol("hung");
var STOPPED = /* @__PURE__ */ Symbol("stopped");
function stopReason(signal) {
  const reason = signal?.reason;
  if (typeof reason === "string") return reason;
  if (reason instanceof Error && reason.name !== "AbortError") return reason.message;
  return "the run was cancelled";
}
function staleBuildMessage(dir, stale) {
  const newest = stale[0];
  const others = new Set(stale.map((s) => s.source)).size - 1;
  let build = "npx tsc";
  try {
    const pkg = JSON.parse(readFileSync4(join4(dir, "package.json"), "utf8"));
    if (typeof pkg.scripts?.build === "string") build = "npm run build";
  } catch {
  }
  return `the app's build is older than its sources: ${displayPath(newest.source)} changed after ${displayPath(newest.built)} was built${others > 0 ? ` (and ${others} more source file${others > 1 ? "s" : ""})` : ""}. The replay runs the built JavaScript, so it would judge the code as it was before that change. Rebuild the app (${build} in ${displayPath(dir)}) and replay again, or replay the build as it is (--allow-stale-build; Action input allow-stale-build: true; allowStaleBuild in the library).`;
}
async function identify(item) {
  try {
    const history = "file" in item ? await readHistoryFile(item.file) : "text" in item ? parseHistoryText(item.text, item.source) : parseHistory(item.value, item.source);
    return { instanceId: history.instanceId, orchestrator: history.orchestrator };
  } catch {
    return { instanceId: "", orchestrator: "" };
  }
}
async function loadApp(appDir, options = {}) {
  const dir = resolve4(appDir);
  const timeoutMs = options.historyTimeoutMs ?? DEFAULT_HISTORY_TIMEOUT_MS;
  const signal = options.signal;
  let handle = await WorkerHandle.start(dir, options);
  const stale = handle.info.staleBuild ?? [];
  if (stale.length > 0) {
    if (!options.allowStaleBuild) {
      await handle.terminate();
      throw new AppLoadError(dir, staleBuildMessage(dir, stale));
    }
    handle.info.warnings.push(
      `replaying the build as it is (stale builds allowed): ${displayPath(stale[0].source)} changed after ${displayPath(stale[0].built)} was built.`
    );
  }
  const watch = (answer2) => new Promise((resolvePromise, reject) => {
    let seen = handle.progress;
    let since = Date.now();
    const stop = () => resolvePromise(STOPPED);
    signal?.addEventListener("abort", stop, { once: true });
    const timer = setInterval(
      () => {
        const now = handle.progress;
        if (now !== seen) {
          seen = now;
          since = Date.now();
        } else if (Date.now() - since >= timeoutMs) {
          resolvePromise(HUNG);
        }
      },
      Math.min(1e3, Math.max(50, timeoutMs / 10))
    );
    answer2.then(resolvePromise, reject).finally(() => {
      clearInterval(timer);
      signal?.removeEventListener("abort", stop);
    });
    if (signal?.aborted) stop();
  });
  const notReplayed = (item) => ({
    source: "file" in item ? item.file : item.source,
    instanceId: "",
    orchestrator: "",
    verdict: "error",
    error: { message: `not checked: ${stopReason(signal)} before its replay finished.` }
  });
  const replay = async (items, engineOptions) => {
    if (items.length === 0) return [];
    if (signal?.aborted) return items.map(notReplayed);
    const before = handle.answered;
    let answer2;
    try {
      answer2 = await watch(handle.request({ type: "replay", items, options: engineOptions }));
    } catch (error) {
      answer2 = error instanceof Error ? error : new Error(String(error));
    }
    if (answer2 instanceof NotSent) {
      if (items.length > 1) {
        const results = [];
        for (const item3 of items) results.push(...await replay([item3], engineOptions));
        return results;
      }
      const item2 = items[0];
      return [
        {
          source: "file" in item2 ? item2.file : item2.source,
          instanceId: "",
          orchestrator: "",
          verdict: "error",
          error: {
            message: `this history could not be handed to the replay worker (${answer2.message}): is it nested deeper than a history can be, or does it hold values that are not JSON?`
          }
        }
      ];
    }
    if (answer2 === STOPPED) {
      const at = handle.progress - before;
      await handle.terminate();
      const results = items.map(notReplayed);
      const current = items[at];
      if (current) {
        results[at] = {
          ...results[at],
          ...await identify(current),
          error: {
            message: `not checked: it was still replaying when ${stopReason(signal)}. If that took long, the orchestrator may loop or wait for ever on this history (--history-timeout bounds one history).`
          }
        };
      }
      return results;
    }
    if (answer2 !== HUNG && !(answer2 instanceof Error)) {
      if (answer2.type === "results") return answer2.results;
      throw new Error(answer2.type === "crash" ? answer2.message : `unexpected answer ${answer2.type}`);
    }
    const stuckAt = handle.progress - before;
    await handle.terminate();
    handle = await WorkerHandle.start(dir, options);
    const done = await replay(items.slice(0, stuckAt), engineOptions);
    const item = items[stuckAt];
    const outOfMemory = answer2 instanceof Error && answer2.code === OUT_OF_MEMORY;
    const failure = answer2 === HUNG ? {
      message: `The orchestrator did not return within ${Math.round(timeoutMs / 1e3)} s while replaying this history: an endless loop, or a wait on something that never comes (a promise that is not a durable task).`,
      runtimeMessage: "The invocation would run until the function timeout; the instance would make no progress.",
      advice: "Look for a loop whose exit depends on a value that no longer changes, or an await of a non-durable promise, in the code reached by this history."
    } : outOfMemory ? {
      message: `Replaying this history made the orchestrator use more memory than the replay worker's limit (${options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB} MB): it allocates without bound.`,
      runtimeMessage: "The Functions host worker would run out of memory and restart; the instance would fail or retry without progress.",
      advice: "Look for a loop that keeps growing an array, string or map in the code reached by this history."
    } : {
      message: `Replaying this history ended the app's process (${answer2.message.replace(/^the replay worker /, "")}).`,
      runtimeMessage: "The Functions host would restart the worker and the instance would fail or retry without progress.",
      advice: "Find the process.exit() or the crash in the code this history reaches; orchestrators must not end the process."
    };
    const stuck = { source: "file" in item ? item.file : item.source, ...await identify(item), verdict: "failed", failure };
    const rest = await replay(items.slice(stuckAt + 1), engineOptions);
    return [...done, stuck, ...rest];
  };
  const call = async (what) => {
    const label = `${what.kind === "orchestrator" ? "the orchestrator" : "the function"} '${what.name}'`;
    if (signal?.aborted) throw new Error(`${label} was not run: ${stopReason(signal)}`);
    let answer2;
    try {
      answer2 = await watch(handle.request({ type: "call", call: what }));
    } catch (error) {
      answer2 = error instanceof Error ? error : new Error(String(error));
    }
    if (answer2 instanceof NotSent) throw new Error(`${label} could not be given its input: ${answer2.message} (only JSON values can be passed)`);
    if (answer2 === HUNG || answer2 === STOPPED || answer2 instanceof Error) {
      await handle.terminate();
      if (answer2 !== STOPPED) handle = await WorkerHandle.start(dir, options);
      if (answer2 === HUNG)
        throw new Error(
          `${label} did not return within ${Math.round(timeoutMs / 1e3)} s: an endless loop, or a wait on something that never comes (a promise that is not a durable task).`
        );
      if (answer2 === STOPPED) throw new Error(`${label} was stopped: ${stopReason(signal)}`);
      throw new Error(`${label} ended the app's process (${answer2.message.replace(/^the replay worker /, "")}).`);
    }
    if (answer2.type === "called") return answer2.outcome;
    throw new Error(answer2.type === "crash" ? `${label}: ${answer2.message}` : `unexpected answer ${answer2.type}`);
  };
  return {
    get info() {
      return handle.info;
    },
    replay: (items, engineOptions = {}) => {
      if (engineOptions.perturb && !options.perturb)
        return Promise.reject(
          new Error(
            "perturbed replay needs the app loaded for it: loadApp(dir, { perturb: true }), so that the clock, randomness and the environment are replaced before the app loads."
          )
        );
      return replay(items, engineOptions);
    },
    call,
    close: () => handle.terminate()
  };
}

// harness/report/text.ts
function where(location, cwd) {
  if (!location) return void 0;
  return `${displayPath(location.file, cwd)}:${location.line}${location.column ? `:${location.column}` : ""}`;
}
var step = (event2, name) => `${event2}${name ? ` '${name}'` : ""}`;
function problemSummary(r, cwd, withVerdict = true) {
  const head = (rest) => withVerdict ? `${r.verdict}${rest}` : rest.replace(/^( at |: )/, "");
  if (r.divergence?.perturbed) {
    const p = r.divergence.perturbed;
    const at = where(r.divergence.location, cwd);
    const cause = p.sources.length > 0 ? `depends on ${p.sources.map(sourceName).join(" and ")}` : "differs between two runs";
    return head(
      ` (perturbed replay): ${cause}, ${p.first === "the end of the run" ? "at the end the run" : `action ${r.divergence.sequenceId}`} ${p.what}${at ? ` (${at})` : ""}`
    );
  }
  if (r.divergence) {
    const d = r.divergence;
    const at = where(d.location, cwd);
    const replayed = d.replayed ? step(d.replayed.action, d.replayed.name) : "nothing";
    return head(` at step ${d.sequenceId}: recorded ${step(d.recorded.event, d.recorded.name)}, replayed ${replayed}${at ? ` (${at})` : ""}`);
  }
  if (r.failure) {
    const at = where(r.failure.location, cwd);
    return oneLine(head(`: ${r.failure.message}${at ? ` (${at})` : ""}`));
  }
  if (r.error) return oneLine(`could not be checked: ${r.error.message}`);
  return r.verdict;
}
function oneLine(text2) {
  return text2.replace(/\s+/g, " ").trim();
}

// harness/history/builder.ts
function deterministicHexId(seed) {
  let h = 2166136261;
  let out = "";
  for (let round = 0; round < 4; round++) {
    for (const ch of `${seed}:${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out;
}

// harness/index.ts
function describeProblem(result) {
  const head = `${result.instanceId || result.source} (${result.orchestrator || "?"}) is ${result.verdict}`;
  if (result.divergence?.perturbed)
    return `${result.instanceId || result.source} (${result.orchestrator || "?"}) is ${problemSummary(result)}.
${result.divergence.explanation}`;
  if (result.divergence) {
    const d = result.divergence;
    const at = where(d.location);
    return `${head} at step ${d.sequenceId}: recorded ${d.recorded.event}${d.recorded.name ? ` '${d.recorded.name}'` : ""}, replayed ${d.replayed ? `${d.replayed.action}${d.replayed.name ? ` '${d.replayed.name}'` : ""}` : "nothing"}${at ? ` (${at})` : ""}.
${d.message}`;
  }
  if (result.failure) {
    const at = where(result.failure.location);
    return `${head}: ${result.failure.message}${at ? ` (${at})` : ""}${result.failure.runtimeMessage ? `
Production: ${result.failure.runtimeMessage}` : ""}`;
  }
  if (result.error) return `${head}: ${result.error.message}`;
  return head;
}

// harness/testing/scenario.ts
import { readFile } from "node:fs/promises";
import { pathToFileURL as pathToFileURL2 } from "node:url";
import { resolve as resolve5 } from "node:path";

// harness/duration.ts
var UNITS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function durationMs(text2) {
  const trimmed = text2.trim();
  if (trimmed === "") return void 0;
  let total = 0;
  let rest = trimmed;
  const part = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)/;
  while (rest.length > 0) {
    const match = part.exec(rest);
    if (!match) return void 0;
    total += Number(match[1]) * UNITS[match[2]];
    rest = rest.slice(match[0].length);
  }
  return total;
}

// harness/app/host-json.ts
import { readFileSync as readFileSync5 } from "node:fs";
import { join as join5 } from "node:path";
var DTS_CONNECTION_SETTING = "DURABLE_TASK_SCHEDULER_CONNECTION_STRING";
var text = (value) => typeof value === "string" && value.trim() !== "" ? value.trim() : void 0;
function readHostConfig(appDir) {
  const file = join5(appDir, "host.json");
  let raw;
  try {
    raw = readFileSync5(file, "utf8");
  } catch {
    throw new UsageError(`${file} was not found. --app must be the function app folder (it holds host.json).`);
  }
  let host;
  try {
    host = JSON.parse(stripJsonComments(raw.replace(/^\uFEFF/, "")));
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON: ${errorMessage(error)}`);
  }
  const v2 = (typeof host.version === "string" || typeof host.version === "number") && String(host.version).startsWith("2");
  const durable = (v2 ? host.extensions?.durableTask : host.durableTask) ?? {};
  const provider = durable.storageProvider ?? {};
  const type = text(provider.type);
  const connectionName = v2 ? text(provider.connectionName) ?? text(provider.connectionStringName) : text(durable.azureStorageConnectionStringName);
  const tracking = text(provider.trackingStoreConnectionName) ?? text(provider.trackingStoreConnectionStringName);
  const prefix = text(provider.trackingStoreNamePrefix);
  const hubName = text(durable.hubName);
  const defaultVersion = text(durable.defaultVersion);
  const scheduler = type !== void 0 && /^azuremanaged$/i.test(type);
  return {
    file,
    connectionName: connectionName ?? (scheduler ? DTS_CONNECTION_SETTING : "AzureWebJobsStorage"),
    ...connectionName ? { connectionNamed: true } : {},
    ...scheduler ? { durableTaskScheduler: true } : {},
    section: v2 ? "extensions.durableTask" : "durableTask",
    ...hubName ? { hubName } : {},
    ...defaultVersion ? { defaultVersion } : {},
    ...durable.storeInputsInOrchestrationHistory === true ? { storeInputs: true } : {},
    ...tracking ? { trackingStoreConnectionName: tracking } : {},
    ...prefix ? { trackingStoreNamePrefix: prefix } : {},
    ...type && !scheduler && !/^azure_?storage$/i.test(type) ? { otherProvider: type } : {}
  };
}
function stripJsonComments(input) {
  let out = "";
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '"') {
      const start = i;
      for (i++; i < input.length && input[i] !== '"'; i++) if (input[i] === "\\") i++;
      out += input.slice(start, i + 1);
    } else if (c === "/" && input[i + 1] === "/") {
      while (i < input.length && input[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && input[i + 1] === "*") {
      const end = input.indexOf("*/", i + 2);
      i = end < 0 ? input.length : end + 1;
    } else if (c !== "," || !/^\s*[}\]]/.test(input.slice(i + 1))) {
      out += c;
    }
  }
  return out;
}

// harness/testing/runtime.ts
var LocalRuntimeError = class extends Error {
  name = "LocalRuntimeError";
};
var DEFAULT_START = Date.parse("2026-01-01T00:00:00.000Z");
var LocalRuntime = class _LocalRuntime {
  constructor(app, options, ownsApp = true) {
    this.app = app;
    this.options = options;
    this.ownsApp = ownsApp;
    let stored = false;
    try {
      stored = readHostConfig(app.info.dir).storeInputs === true;
    } catch {
    }
    this.storeInputs = options.storeInputs ?? stored;
    const activities = app.info.functions.filter((f) => f.kind === "activity").map((f) => f.name);
    const unknown = Array.isArray(options.appActivities) ? options.appActivities.filter((name) => !activities.some((a) => a.toLowerCase() === name.toLowerCase())) : [];
    if (unknown.length > 0)
      throw new LocalRuntimeError(
        `appActivities names ${unknown.map((n) => `'${n}'`).join(", ")}, which the app does not register as ${unknown.length > 1 ? "activities" : "an activity"}. Its activities: ${activities.join(", ") || "none"}.`
      );
    this.clock = options.startTime === void 0 ? DEFAULT_START : new Date(options.startTime).getTime();
    if (!Number.isFinite(this.clock)) throw new LocalRuntimeError(`startTime ${String(options.startTime)} is not a time; pass a Date or an ISO 8601 text.`);
  }
  app;
  options;
  ownsApp;
  clock;
  seq = 0;
  messages = [];
  instances = /* @__PURE__ */ new Map();
  entities = /* @__PURE__ */ new Map();
  episodesRun = 0;
  storeInputs;
  /** Loads the app (in a worker process of its own) and starts the clock. Call close() when done. */
  static async create(options) {
    if (!options || typeof options.app !== "string") throw new LocalRuntimeError("LocalRuntime.create needs { app: '<folder of the built function app>' }.");
    const app = await loadApp(options.app, {
      ...options.allowStaleBuild ? { allowStaleBuild: true } : {},
      ...options.historyTimeoutMs ? { historyTimeoutMs: options.historyTimeoutMs } : {},
      ...options.memoryLimitMb ? { memoryLimitMb: options.memoryLimitMb } : {},
      ...options.userOutput ? { userOutput: options.userOutput } : {}
    });
    try {
      return new _LocalRuntime(app, options);
    } catch (error) {
      await app.close();
      throw error;
    }
  }
  /** A runtime over an app loaded already (loadApp), which it leaves open: for many short runs. */
  static over(app, options) {
    return new _LocalRuntime(app, { ...options, app: app.info.dir }, false);
  }
  async close() {
    if (this.ownsApp) await this.app.close();
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
    const state = this.entities.get(schedulerIdOf({ name, key }))?.state;
    return state === void 0 ? void 0 : JSON.parse(state);
  }
  /**
   * Starts an orchestration and runs it as far as it goes without the clock moving (settle()):
   * its first episodes, the activities they call, until it waits on a timer or an event, or ends.
   */
  async start(name, options = {}) {
    const registered = this.app.info.functions.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!registered || registered.kind !== "orchestration") {
      const known = this.app.info.functions.filter((f) => f.kind === "orchestration").map((f) => f.name);
      const is = registered ? ` ('${registered.name}' is ${registered.kind === "activity" || registered.kind === "entity" ? `an ${registered.kind}` : "not a durable function"})` : "";
      throw new LocalRuntimeError(`The app has no orchestrator named '${name}'${is}. Its orchestrators: ${known.join(", ") || "none"}.`);
    }
    const instance = this.createInstance(registered.name, options.instanceId ?? `${registered.name.toLowerCase()}-${this.instances.size + 1}`, options.input);
    await this.settle();
    return instance;
  }
  /** Delivers every message due now (completions, responses, events), episode by episode, without moving the clock. */
  async settle() {
    for (; ; ) {
      const due = this.messages.filter((m) => m.at <= this.clock);
      if (due.length === 0) return;
      const first = due.reduce((a, b) => a.seq < b.seq ? a : b);
      const batch = due.filter((m) => m.target === first.target).sort((a, b) => a.seq - b.seq);
      this.messages = this.messages.filter((m) => !batch.includes(m));
      if (first.target.startsWith("@")) await this.runEntity(first.target, batch);
      else await this.runEpisode(this.instances.get(first.target), batch);
    }
  }
  /** Moves the clock forward (milliseconds, or a duration such as '90s', '72h', '10d'), firing timers in time order. */
  async advance(by) {
    const ms = typeof by === "number" ? by : durationMs(by);
    if (ms === void 0 || !(ms >= 0))
      throw new LocalRuntimeError(`advance(${JSON.stringify(by)}): expected milliseconds (a number >= 0) or a duration such as '90s', '72h', '10d'.`);
    await this.advanceTo(this.clock + ms);
  }
  async advanceTo(time) {
    const target = typeof time === "number" ? time : time.getTime();
    await this.settle();
    for (; ; ) {
      const next = this.nextMessageTime();
      if (next === void 0 || next > target) break;
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
    const until = options.until === void 0 ? void 0 : typeof options.until === "number" ? this.clock + options.until : untilTime(options.until, this.clock);
    const limit = this.episodesRun + (this.options.maxEpisodes ?? 1e4);
    await this.settle();
    for (; ; ) {
      const next = this.nextMessageTime();
      if (next === void 0 || until !== void 0 && next > until) break;
      if (this.episodesRun > limit) {
        const running = this.allInstances.filter((i) => i.status === "Running").map((i) => `${i.instanceId} (${i.name})`);
        throw new LocalRuntimeError(
          `run() stopped after ${this.options.maxEpisodes ?? 1e4} episodes with timers still pending (${running.join(", ")}): an eternal orchestration never ends. Pass run({ until: '30d' }) to stop at a time (in a scenario file: "until": "30d"), or raise maxEpisodes.`
        );
      }
      this.clock = Math.max(this.clock, next);
      await this.settle();
    }
    if (until !== void 0) this.clock = Math.max(this.clock, until);
  }
  nextMessageTime() {
    let next;
    for (const m of this.messages) if (next === void 0 || m.at < next) next = m.at;
    return next;
  }
  /** @internal */
  send(target, event2, at = this.clock, continued = false) {
    this.messages.push({
      at,
      sent: this.clock,
      seq: this.seq++,
      target: target.startsWith("@") ? target : target.toLowerCase(),
      event: event2,
      ...continued ? { continued } : {}
    });
  }
  createInstance(name, instanceId, input, parent) {
    if (this.instances.has(instanceId.toLowerCase())) {
      const existing = this.instances.get(instanceId.toLowerCase());
      if (existing.status === "Running" || existing.status === "Pending" || existing.status === "Suspended")
        throw new LocalRuntimeError(`An instance with the id '${instanceId}' is already running (${existing.name}); pass another instanceId.`);
    }
    const instance = new TestInstance(this, name, instanceId, this.options.taskHub ?? "TestHubName", parent);
    this.instances.set(instanceId.toLowerCase(), instance);
    this.send(instanceId, startedEvent(name, instanceId, instance.executionId, input, parent, parent ? void 0 : 0));
    return instance;
  }
  // ---------------------------------------------------------------- orchestration episodes
  async runEpisode(instance, batch) {
    if (instance.ended) return;
    this.episodesRun += 1;
    const time = Math.max(this.clock, instance.lastEpisode + 1);
    instance.lastEpisode = time;
    const stamp = new Date(time).toISOString();
    const history = instance.events;
    const played = history.length;
    history.push(event(12 /* OrchestratorStarted */, -1, stamp));
    for (const message of batch)
      history.push({ EventId: -1, ...message.event, Timestamp: new Date(message.sent).toISOString(), IsPlayed: true });
    if (batch.some((m) => m.continued)) history.push(event(13 /* OrchestratorCompleted */, -1, stamp));
    if (instance.status === "Pending") instance.status = "Running";
    const terminated = batch.find((m) => m.event.EventType === 3 /* ExecutionTerminated */);
    if (terminated) {
      instance.failure = { message: typeof terminated.event.Input === "string" ? terminated.event.Input : "" };
      this.finish(instance, 5 /* Terminated */, instance.failure.message, stamp);
      return;
    }
    for (const m of batch) {
      if (m.event.EventType === 19 /* ExecutionSuspended */) instance.status = "Suspended";
      if (m.event.EventType === 20 /* ExecutionResumed */) instance.status = "Running";
    }
    const sent = {
      source: instance.instanceId,
      format: "history-file",
      instanceId: instance.instanceId,
      orchestrator: instance.name,
      version: "",
      events: history.map((e, i) => ({ ...e, IsPlayed: i < played })),
      notes: []
    };
    const payload = buildPayload(sent, this.options.schema ? { schema: this.options.schema } : {});
    const outcome = await this.app.call({ kind: "orchestrator", name: instance.name, payload });
    const state = outcome.kind === "state" ? outcome.state : outcome.state;
    const actions = state && Array.isArray(state.actions) ? state.actions : [[]];
    const sim = simulate(history, actions, state?.schemaVersion ?? 1, {
      ...DEFAULT_RUNTIME_OPTIONS,
      exists: (name, kind) => this.exists(name, kind),
      instanceId: instance.instanceId,
      ...instance.parent ? { parentInstanceId: instance.parent.instanceId } : {},
      requestIdZone: "Z",
      holdWhileSuspended: true
    });
    if (sim.mismatch) {
      throw new LocalRuntimeError(
        `${instance.name} (${instance.instanceId}) decides differently from one run to the next: replaying the history this runtime wrote for it, the code scheduled something else than when it wrote that step (${sim.mismatch.message}). Production fails such an instance the same way. The orchestrator reads something that changes between runs: the clock, randomness, the environment or module state (durable-gate lint shows where; replay --perturb confirms it). If it reads none of these, this is a bug in durable-gate: please report it with the orchestrator's code.`
      );
    }
    if (state && state.customStatus !== void 0) instance.customStatus = state.customStatus;
    const problems = new Set(instance.problems);
    for (const use of sim.uses) {
      if (!this.exists(use.name, use.kind))
        problems.add(
          `${instance.name} (${instance.instanceId}) calls the ${use.kind} '${use.name}', which the app does not register and the test does not mock: production drops the call, and the instance waits for ever.`
        );
    }
    for (const refusal of sim.refusals) problems.add(`the extension refuses a call of ${instance.name} (${instance.instanceId}): ${refusal.reason}.`);
    instance.problems.splice(0, instance.problems.length, ...problems);
    const scheduled = sim.newWork.map((work) => ({ work, event: { ...this.schedulingEvent(instance, work), Timestamp: stamp } }));
    const onlyTimer = scheduled.length === 1 && scheduled[0].work.detail?.fireAt !== void 0;
    instance.chasing = onlyTimer && scheduled[0].work.detail.fireAt - this.clock < 1e3 ? instance.chasing + 1 : 0;
    if (instance.chasing >= CHASE_LIMIT) {
      throw new LocalRuntimeError(
        `${instance.name} (${instance.instanceId}) scheduled ${CHASE_LIMIT} timers in a row, each due less than a second after the one before fired: the time it waits for moves at every replay. The timer is built from the wall clock (Date.now(), new Date()) instead of context.df.currentUtcDateTime; in production such an instance never finishes. durable-gate lint shows the line.`
      );
    }
    for (const { event: written } of scheduled) history.push(written);
    const failed = outcome.kind === "threw" ? outcome.message : state?.error;
    const continueAs = actions.flat().find((a) => a?.actionType === 4 /* ContinueAsNew */);
    if (failed !== void 0) {
      instance.failure = {
        message: orchestratorFailedMessage(instance.name, failed),
        error: failed,
        ...outcome.kind === "threw" && outcome.stack ? { stack: outcome.stack } : {}
      };
      this.finish(instance, 3 /* Failed */, instance.failure.message, stamp);
      return this.dispatchAll(instance, scheduled);
    }
    if (state?.isDone && continueAs && sim.shimFinished) {
      history.push({
        ...event(16 /* ContinueAsNew */, nextSequenceId(history), stamp),
        OrchestrationStatus: 2 /* ContinuedAsNew */,
        Result: jsonOf(continueAs.input),
        FailureDetails: null
      });
      history.push(event(13 /* OrchestratorCompleted */, -1, stamp));
      instance.nextGeneration();
      this.send(
        instance.instanceId,
        startedEvent(instance.name, instance.instanceId, instance.executionId, continueAs.input, instance.parent, void 0),
        this.clock,
        true
      );
      return this.dispatchAll(instance, scheduled);
    }
    if (state?.isDone && sim.shimFinished && sim.openTasks === 0) {
      instance.output = state.output ?? void 0;
      this.finish(instance, 1 /* Completed */, jsonOf(state.output), stamp);
      return this.dispatchAll(instance, scheduled);
    }
    history.push(event(13 /* OrchestratorCompleted */, -1, stamp));
    instance.markBoundary();
    return this.dispatchAll(instance, scheduled);
  }
  /**
   * The episode's messages go out after its history is written, also when it ended the instance
   * (a signal sent on the way out still reaches its entity); completions for an ended instance are
   * dropped when they arrive.
   */
  async dispatchAll(instance, scheduled) {
    for (const { work, event: written } of scheduled) await this.dispatch(instance, work, written);
  }
  /** The instance ended (ExecutionCompleted takes the next sequence id): its last episode closes, and a parent hears of it. */
  finish(instance, completion, result, stamp) {
    const history = instance.events;
    history.push({
      ...event(1 /* ExecutionCompleted */, nextSequenceId(history), stamp),
      OrchestrationStatus: completion,
      Result: result,
      FailureDetails: null
    });
    history.push(event(13 /* OrchestratorCompleted */, -1, stamp));
    const status = OrchestrationStatus[completion];
    instance.status = status;
    const parent = instance.parent;
    if (!parent) return;
    if (status === "Completed")
      this.send(parent.instanceId, {
        EventType: 8 /* SubOrchestrationInstanceCompleted */,
        TaskScheduledId: parent.sequenceId,
        Result: jsonOf(instance.output)
      });
    else {
      const failure = instance.failure;
      this.send(parent.instanceId, {
        EventType: 9 /* SubOrchestrationInstanceFailed */,
        TaskScheduledId: parent.sequenceId,
        Reason: failure?.message ?? "",
        Details: failure?.error === void 0 ? null : `Message: ${failure.error}, StackTrace: ${failure.stack ?? ""}`,
        FailureDetails: null
      });
    }
  }
  exists(name, kind) {
    const mocks2 = kind === "activity" ? this.options.activities : kind === "orchestrator" ? this.options.subOrchestrations : this.options.entities;
    if (mocks2 && findKey(mocks2, name) !== void 0) return true;
    const wanted = kind === "orchestrator" ? "orchestration" : kind;
    return this.app.info.functions.some((f) => f.kind === wanted && f.name.toLowerCase() === name.toLowerCase());
  }
  /** The event DurableTask.Core writes for new work (docs/runtime-rules.md §2, §3, §11, §16). */
  schedulingEvent(instance, work) {
    const action = work.source;
    switch (work.cls) {
      case "ScheduleTaskOrchestratorAction":
        return {
          EventType: 4 /* TaskScheduled */,
          EventId: work.id,
          Name: work.name,
          Version: "",
          Input: !this.storeInputs ? null : (
            // The action's input is as the SDK sent it (a string already encoded once more): only wrapped.
            JSON.stringify([work.name === HTTP_ACTIVITY ? httpRequestOf(action, work.detail?.pollLocation) : action.input ?? null])
          )
        };
      case "CreateTimerOrchestratorAction":
        return { EventType: 10 /* TimerCreated */, EventId: work.id, FireAt: new Date(work.detail.fireAt).toISOString() };
      case "CreateSubOrchestrationAction":
        return {
          EventType: 7 /* SubOrchestrationInstanceCreated */,
          EventId: work.id,
          Name: work.name,
          Version: "",
          // DurableTask.Core names a child without an id after the parent's execution id and the sequence id.
          InstanceId: action.instanceId || `${instance.executionId}:${work.id}`,
          Input: this.storeInputs ? jsonOf(action.input) : null
        };
      case "SendEventOrchestratorAction":
        return { EventType: 14 /* EventSent */, EventId: work.id, ...this.sentEvent(instance, work) };
    }
  }
  /** An entity request or release as the extension sends it (RequestMessage, ReleaseMessage). */
  sentEvent(instance, work) {
    const action = work.source;
    const requestId = work.detail?.requestId?.() ?? "";
    if (work.name === "release") {
      return {
        InstanceId: work.detail?.target ?? "",
        Name: "release",
        Input: JSON.stringify({ parent: instance.instanceId, id: heldLockId(instance.events) })
      };
    }
    if (action.actionType === 13 /* LockEntities */) {
      const lockSet = work.detail?.lockSet ?? [];
      return {
        InstanceId: lockSet[0] ?? "",
        Name: "op",
        Input: JSON.stringify({
          op: null,
          id: requestId,
          parent: instance.instanceId,
          parentExecution: instance.executionId,
          lockset: lockSet.map((id) => entityOf(id))
        })
      };
    }
    return {
      InstanceId: action.instanceId ?? "",
      Name: work.name,
      Input: JSON.stringify({
        op: action.operation,
        ...action.actionType === 7 /* CallEntity */ ? {} : { signal: true },
        ...action.input === void 0 || action.input === null ? {} : { input: JSON.stringify(action.input) },
        id: requestId,
        parent: instance.instanceId,
        parentExecution: instance.executionId,
        ...work.name.startsWith("op@") ? { due: work.name.slice(3) } : {}
      })
    };
  }
  /** Runs or queues the new work of an episode. */
  async dispatch(instance, work, written) {
    const action = work.source;
    switch (work.cls) {
      case "CreateTimerOrchestratorAction": {
        const fireAt = new Date(work.detail.fireAt).toISOString();
        this.send(instance.instanceId, { EventType: 11 /* TimerFired */, TimerId: work.id, FireAt: fireAt }, work.detail.fireAt);
        return;
      }
      case "ScheduleTaskOrchestratorAction":
        if (work.name === HTTP_ACTIVITY) return this.runHttp(instance, work);
        return this.runActivity(instance, work);
      case "CreateSubOrchestrationAction": {
        const childId = written.InstanceId;
        const mock = findKey(this.options.subOrchestrations ?? {}, work.name);
        if (mock !== void 0) {
          try {
            const result = await this.options.subOrchestrations[mock](copy(action.input), { instanceId: childId, parentInstanceId: instance.instanceId });
            this.send(instance.instanceId, { EventType: 8 /* SubOrchestrationInstanceCompleted */, TaskScheduledId: work.id, Result: jsonOf(result) });
          } catch (error) {
            this.send(instance.instanceId, {
              EventType: 9 /* SubOrchestrationInstanceFailed */,
              TaskScheduledId: work.id,
              Reason: orchestratorFailedMessage(work.name, errorMessage(error)),
              Details: error instanceof Error ? error.stack ?? null : null
            });
          }
          return;
        }
        const registered = this.app.info.functions.find((f) => f.kind === "orchestration" && f.name.toLowerCase() === work.name.toLowerCase());
        this.createInstance(registered.name, childId, action.input, {
          instanceId: instance.instanceId,
          executionId: instance.executionId,
          sequenceId: work.id,
          name: instance.name
        });
        return;
      }
      case "SendEventOrchestratorAction": {
        const due = written.Name?.startsWith("op@") ? Date.parse(written.Name.slice(3)) : Number.NaN;
        this.send(
          written.InstanceId,
          { EventType: 15 /* EventRaised */, Name: written.Name, Input: written.Input ?? null },
          Number.isFinite(due) ? Math.max(due, this.clock) : this.clock
        );
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
    if (mockName !== void 0) {
      try {
        const result = await this.options.activities[mockName](input, {
          instanceId: instance.instanceId,
          orchestrator: instance.name,
          sequenceId: work.id,
          now: this.now
        });
        outcome = returnedOutcome(result);
      } catch (error) {
        outcome = threwOutcomeOf(error);
      }
    } else if (this.runsAppActivity(name)) {
      outcome = await this.app.call({ kind: "function", name, trigger: input });
    } else {
      throw new LocalRuntimeError(
        `${instance.name} (${instance.instanceId}) calls the activity '${name}', and the test gives no result for it. Pass activities: { ${name}: (input) => result } (throw to make it fail), or appActivities: true (or ['${name}']) to run the app's own code.`
      );
    }
    this.send(instance.instanceId, activityCompletion(name, work.id, outcome));
  }
  runsAppActivity(name) {
    const wanted = this.options.appActivities;
    if (!wanted) return false;
    const registered = this.app.info.functions.some((f) => f.kind === "activity" && f.name.toLowerCase() === name.toLowerCase());
    if (wanted === true) return registered;
    return registered && wanted.some((w) => w.toLowerCase() === name.toLowerCase());
  }
  async runHttp(instance, work) {
    const request = httpRequestOf(work.source, work.detail?.pollLocation);
    const handler = this.options.http;
    if (!handler)
      throw new LocalRuntimeError(
        `${instance.name} (${instance.instanceId}) calls callHttp (${request.method} ${request.uri}), and the test gives no answer. Pass http: (request) => ({ statusCode: 200, content: '...' }).`
      );
    instance.calls.push({ activity: HTTP_ACTIVITY, input: request, sequenceId: work.id, at: this.now });
    let outcome;
    try {
      const answer2 = await handler({ ...request, poll: work.detail?.pollLocation !== void 0 });
      outcome = { kind: "returned", json: JSON.stringify({ statusCode: answer2.statusCode, headers: answer2.headers ?? {}, content: answer2.content ?? null }) };
    } catch (error) {
      outcome = { kind: "threw", message: errorMessage(error), errorName: "HttpRequestException" };
    }
    this.send(instance.instanceId, activityCompletion(HTTP_ACTIVITY, work.id, outcome));
  }
  // ---------------------------------------------------------------- entities
  async runEntity(target, batch) {
    const { name, key } = entityOf(target) ?? { name: target, key: "" };
    let record = this.entities.get(target);
    if (!record) this.entities.set(target, record = { name, key, exists: false, state: void 0, waiting: [] });
    record.waiting.push(...batch);
    const pending = record.waiting.splice(0);
    for (const message of pending) {
      const request = parseJson2(message.event.Input);
      const parent = typeof request?.parent === "string" ? request.parent : void 0;
      if (message.event.Name === "release") {
        if (record.lockedBy === parent) delete record.lockedBy;
        continue;
      }
      if (record.lockedBy !== void 0 && record.lockedBy !== parent) {
        record.waiting.push(message);
        continue;
      }
      if (Array.isArray(request?.lockset)) {
        record.lockedBy = parent;
        const lockSet = request.lockset;
        const pos = typeof request.pos === "number" ? request.pos : 0;
        if (pos + 1 < lockSet.length) {
          this.send(schedulerIdOf(lockSet[pos + 1]), {
            EventType: 15 /* EventRaised */,
            Name: "op",
            Input: JSON.stringify({ ...request, pos: pos + 1 })
          });
        } else if (parent) {
          this.send(parent, { EventType: 15 /* EventRaised */, Name: String(request.id), Input: JSON.stringify({ result: "Lock Acquisition Completed" }) });
        }
        continue;
      }
      await this.runOperation(record, target, request ?? {});
    }
    if (record.lockedBy === void 0 && record.waiting.length > 0 && pending.some((m) => m.event.Name === "release")) {
      const again = record.waiting.splice(0);
      await this.runEntity(target, again);
    }
  }
  async runOperation(record, target, request) {
    const operation = typeof request.op === "string" ? request.op : "";
    const signal = request.signal === true;
    const parent = typeof request.parent === "string" ? request.parent : void 0;
    const input = typeof request.input === "string" ? parseJson2(request.input) : void 0;
    let response;
    const mockName = findKey(this.options.entities ?? {}, record.name);
    if (mockName !== void 0) {
      try {
        const answer2 = await this.options.entities[mockName]({
          key: record.key,
          operation,
          input,
          state: parseJson2(record.state)
        });
        if (answer2 && "state" in answer2) {
          record.exists = true;
          record.state = answer2.state === void 0 ? void 0 : JSON.stringify(answer2.state);
        }
        response = { result: jsonOf(answer2 ? answer2.result : void 0) };
      } catch (error) {
        if (error instanceof LocalRuntimeError) throw error;
        response = { result: JSON.stringify(error) ?? null, exceptionType: "Error" };
      }
    } else {
      const registered = this.app.info.functions.find((f) => f.kind === "entity" && f.name.toLowerCase() === record.name.toLowerCase());
      if (!registered)
        throw new LocalRuntimeError(
          `An orchestration sent '${operation}' to the entity ${target}, which the app does not register and the test does not mock (entities: { ${record.name}: ... }).`
        );
      const trigger = {
        self: { name: record.name, key: record.key },
        exists: record.exists,
        state: record.state,
        batch: [{ name: operation, input: typeof request.input === "string" ? request.input : void 0, isSignal: signal }]
      };
      const outcome = await this.app.call({ kind: "function", name: registered.name, trigger });
      if (outcome.kind === "threw") throw new LocalRuntimeError(`The entity function '${registered.name}' threw outside its operation: ${outcome.message}`);
      const state = parseJson2(outcome.json);
      record.exists = state?.entityExists === true;
      record.state = record.exists ? state?.entityState : void 0;
      const result = state?.results?.[0];
      response = result?.isError ? { result: result.result ?? null, exceptionType: "Error" } : { result: result?.result ?? null };
      for (const sent of state?.signals ?? []) {
        if (!sent.target?.name) continue;
        this.send(schedulerIdOf({ name: sent.target.name, key: sent.target.key ?? "" }), {
          EventType: 15 /* EventRaised */,
          Name: "op",
          Input: JSON.stringify({ op: sent.name, signal: true, input: sent.input || null, id: `${String(request.id)}:${sent.name}`, parent: target })
        });
      }
    }
    if (!signal && parent && typeof request.id === "string") {
      this.send(parent, { EventType: 15 /* EventRaised */, Name: request.id, Input: JSON.stringify(response) });
    }
  }
};
var CHASE_LIMIT = 50;
var TestInstance = class {
  /** @internal */
  constructor(runtime, name, instanceId, taskHub, parent) {
    this.runtime = runtime;
    this.name = name;
    this.instanceId = instanceId;
    this.taskHub = taskHub;
    this.parent = parent;
    this.executionId = executionIdFor(instanceId, 0);
  }
  runtime;
  name;
  instanceId;
  taskHub;
  parent;
  status = "Pending";
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
  get ended() {
    return this.status === "Completed" || this.status === "Failed" || this.status === "Terminated";
  }
  /** The current generation's history (a copy). */
  history() {
    return this.events.map((e) => ({ ...e }));
  }
  /** The current generation as a durable-gate history file, as `record` writes one. */
  toFile() {
    return this.fileOf(this.events, this.status === "Pending" ? "Running" : this.status);
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
    const prefixes = (file, boundaries) => boundaries.map((length) => ({ ...file, runtimeStatus: "Running", history: file.history.slice(0, length) }));
    return [...this.earlier.flatMap(({ file, boundaries }) => prefixes(file, boundaries)), ...prefixes(this.toFile(), this.boundaries)];
  }
  /** Raises an external event and delivers it (settle()). */
  async raiseEvent(name, data) {
    this.runtime.send(this.instanceId, { EventType: 15 /* EventRaised */, Name: name, Input: data === void 0 ? null : JSON.stringify(data) });
    await this.runtime.settle();
  }
  async suspend(reason = "suspended by the test") {
    this.runtime.send(this.instanceId, { EventType: 19 /* ExecutionSuspended */, Reason: reason });
    await this.runtime.settle();
  }
  async resume(reason = "resumed by the test") {
    this.runtime.send(this.instanceId, { EventType: 20 /* ExecutionResumed */, Reason: reason });
    await this.runtime.settle();
  }
  async terminate(reason = "terminated by the test") {
    this.runtime.send(this.instanceId, { EventType: 3 /* ExecutionTerminated */, Input: JSON.stringify(reason) });
    await this.runtime.settle();
  }
  /** @internal an episode ended with the instance waiting */
  markBoundary() {
    this.boundaries.push(this.events.length);
  }
  /** @internal continueAsNew: the history so far becomes an earlier generation */
  nextGeneration() {
    this.earlier.push({ file: this.fileOf(this.events, "ContinuedAsNew"), boundaries: this.boundaries });
    this.generation += 1;
    this.executionId = executionIdFor(this.instanceId, this.generation);
    this.events = [];
    this.boundaries = [];
    this.status = "Pending";
  }
  fileOf(events, runtimeStatus) {
    return {
      schema: HISTORY_SCHEMA,
      taskHub: this.taskHub,
      instanceId: this.instanceId,
      executionId: this.executionId,
      name: this.name,
      version: "",
      runtimeStatus,
      recordedAt: this.runtime.now.toISOString(),
      history: events.map((e) => ({ ...e }))
    };
  }
};
function heldLockId(events) {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (e.EventType !== 14 /* EventSent */ || e.Name !== "op") continue;
    const request = parseJson2(e.Input);
    if (Array.isArray(request?.lockset) && typeof request.id === "string") return request.id;
  }
  return "";
}
function startedEvent(name, instanceId, executionId, input, parent, generation) {
  return {
    EventType: 0 /* ExecutionStarted */,
    EventId: -1,
    OrchestrationInstance: { InstanceId: instanceId, ExecutionId: executionId },
    ParentInstance: parent ? { Name: parent.name, OrchestrationInstance: { InstanceId: parent.instanceId, ExecutionId: parent.executionId }, TaskScheduleId: parent.sequenceId } : null,
    Name: name,
    Version: "",
    Input: jsonOf(input),
    Tags: null,
    Generation: generation ?? null
  };
}
function event(type, id, stamp) {
  return { EventType: type, EventId: id, Timestamp: stamp, IsPlayed: false };
}
function activityCompletion(name, id, outcome) {
  if (outcome.kind === "returned") return { EventType: 5 /* TaskCompleted */, TaskScheduledId: id, Result: outcome.json ?? null };
  return {
    EventType: 6 /* TaskFailed */,
    TaskScheduledId: id,
    Reason: `Activity function '${name}' failed:  ${outcome.message}`,
    Details: JSON.stringify({
      ClassName: "System.Exception",
      Message: ` ${outcome.message}`,
      StackTraceString: outcome.stack ?? null,
      ErrorName: outcome.errorName
    }),
    FailureDetails: null
  };
}
function httpRequestOf(action, pollLocation) {
  const request = action.httpRequest ?? {};
  const headers = request.headers ?? {};
  if (pollLocation !== void 0) return { method: "GET", uri: pollLocation, headers, poll: true };
  return {
    method: String(request.method ?? "GET").toUpperCase(),
    uri: String(request.uri ?? ""),
    headers,
    ...request.content !== void 0 ? { content: request.content } : {},
    poll: false
  };
}
var SCHEDULING = /* @__PURE__ */ new Set([
  4 /* TaskScheduled */,
  10 /* TimerCreated */,
  7 /* SubOrchestrationInstanceCreated */,
  14 /* EventSent */,
  1 /* ExecutionCompleted */,
  16 /* ContinueAsNew */
]);
function nextSequenceId(history) {
  let max = -1;
  for (const e of history) if (SCHEDULING.has(e.EventType) && e.EventId > max) max = e.EventId;
  return max + 1;
}
function jsonOf(value) {
  return value === void 0 || value === null ? null : JSON.stringify(value);
}
function activityInput(value) {
  return typeof value === "string" ? readable(value) : copy(value);
}
function copy(value) {
  return value === void 0 ? void 0 : JSON.parse(JSON.stringify(value));
}
function parseJson2(text2) {
  if (typeof text2 !== "string") return void 0;
  try {
    return JSON.parse(text2);
  } catch {
    return void 0;
  }
}
function findKey(map, name) {
  if (Object.prototype.hasOwnProperty.call(map, name)) return name;
  return Object.keys(map).find((key) => key.toLowerCase() === name.toLowerCase());
}
function untilTime(value, now) {
  if (value instanceof Date) return value.getTime();
  const at = Date.parse(value);
  if (Number.isFinite(at) && /\d{4}-\d\d-\d\d/.test(value)) return at;
  const ms = durationMs(value);
  if (ms === void 0)
    throw new LocalRuntimeError(
      `run({ until: ${JSON.stringify(value)} }): expected a time (a Date, an ISO 8601 text), milliseconds, or a duration such as '72h', '30d'.`
    );
  return now + ms;
}
function executionIdFor(instanceId, generation) {
  return deterministicHexId(generation === 0 ? instanceId : `${instanceId}:${generation}`);
}

// harness/testing/scenario.ts
var EXPECTED2 = 'Expected a scenario: { "orchestrator": "<name>", "input": ..., "activities": { "<name>": { "result": ... } } } (docs/testing.md, "Scenarios"), or an array of them.';
async function readScenarios(args, cwd) {
  const json = await expandPaths(args, cwd, ".json");
  const modules = await expandPaths(args, cwd, ".js");
  const files2 = [.../* @__PURE__ */ new Set([...json.files, ...modules.files])].sort();
  const unmatched = json.unmatched.filter((arg) => modules.unmatched.includes(arg));
  if (unmatched.length > 0)
    throw new UsageError(`--scenarios ${unmatched.join(", ")}: no such file or folder, or no scenario (*.json, *.js, *.mjs, *.cjs) in it.`);
  const loaded = [];
  for (const file of files2) {
    const shown2 = displayPath(file, cwd);
    let value;
    try {
      if (/\.json$/i.test(file)) value = JSON.parse(await readFile(file, "utf8"));
      else {
        const module = await import(
          /* webpackIgnore: true */
          pathToFileURL2(resolve5(file)).href
        );
        value = module.default ?? module.scenarios;
      }
    } catch (error) {
      throw new UsageError(`scenario ${shown2} could not be read: ${errorMessage(error)}. ${EXPECTED2}`);
    }
    const list = Array.isArray(value) ? value : [value];
    list.forEach(
      (item, i) => loaded.push({ scenario: checkScenario(item, list.length > 1 ? `${shown2}#${i + 1}` : shown2), label: list.length > 1 ? `${shown2}#${i + 1}` : shown2 })
    );
  }
  return loaded;
}
function checkScenario(value, label) {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new UsageError(`scenario ${label} is not an object. ${EXPECTED2}`);
  const s = value;
  if (typeof s.orchestrator !== "string" || s.orchestrator === "")
    throw new UsageError(`scenario ${label} has no "orchestrator" (the orchestrator's name). ${EXPECTED2}`);
  for (const key of ["activities", "subOrchestrations", "entities"]) {
    if (s[key] !== void 0 && (typeof s[key] !== "object" || s[key] === null || Array.isArray(s[key])))
      throw new UsageError(`scenario ${label}: "${key}" must be an object keyed by function name.`);
  }
  const checkAnswers = (where2, answer2) => {
    const ok = (a) => !!a && typeof a === "object" && ("result" in a || typeof a.error === "string");
    const list = answer2 && typeof answer2 === "object" && "results" in answer2 ? answer2.results : [answer2];
    if (!Array.isArray(list) || list.length === 0 || !list.every(ok))
      throw new UsageError(
        `scenario ${label}: ${where2} must be { "result": <value> }, { "error": "<message>" }, or { "results": [ ... ] } of those, one per call.`
      );
  };
  for (const [kind, answers] of [
    ["activities", s.activities],
    ["subOrchestrations", s.subOrchestrations]
  ]) {
    for (const [name, answer2] of Object.entries(answers ?? {}))
      if (typeof answer2 !== "function") checkAnswers(`${kind}.${name}`, answer2);
  }
  for (const [name, byOperation] of Object.entries(s.entities ?? {})) {
    if (typeof byOperation === "function") continue;
    if (!byOperation || typeof byOperation !== "object" || Array.isArray(byOperation))
      throw new UsageError(
        `scenario ${label}: entities.${name} must be answers by operation, such as { "reserve": { "result": 3 } }, or a function (in a module).`
      );
    for (const [operation, answer2] of Object.entries(byOperation)) checkAnswers(`entities.${name}.${operation}`, answer2);
  }
  if (s.http !== void 0 && typeof s.http !== "function" && !(Array.isArray(s.http) && s.http.length > 0 && s.http.every((a) => !!a && typeof a.statusCode === "number")))
    throw new UsageError(
      `scenario ${label}: "http" must be callHttp answers in order, such as [{ "statusCode": 200, "content": "done" }], or a function (in a module).`
    );
  if (s.events !== void 0 && !Array.isArray(s.events)) throw new UsageError(`scenario ${label}: "events" must be an array of { "name", "data", "after" }.`);
  for (const [i, event2] of (s.events ?? []).entries()) {
    const e = event2;
    if (!e || typeof e.name !== "string") throw new UsageError(`scenario ${label}: events[${i}] needs a "name".`);
    if (e.after !== void 0 && (typeof e.after !== "string" || durationMs(e.after) === void 0))
      throw new UsageError(`scenario ${label}: events[${i}].after ${JSON.stringify(e.after)} is not a duration such as '90s', '1h' or '3d'.`);
  }
  if (s.until !== void 0 && (typeof s.until !== "string" || durationMs(s.until) === void 0))
    throw new UsageError(`scenario ${label}: "until" ${JSON.stringify(s.until)} is not a duration such as '30d'.`);
  return value;
}
function fromAnswers(answers) {
  const list = "results" in answers ? answers.results : [answers];
  let calls = 0;
  return () => {
    const answer2 = list[Math.min(calls++, list.length - 1)];
    if ("error" in answer2) throw new Error(answer2.error);
    return answer2.result;
  };
}
function mocks(given) {
  return Object.fromEntries(Object.entries(given ?? {}).map(([name, a]) => [name, typeof a === "function" ? a : fromAnswers(a)]));
}
function entityMocks(given, label) {
  return Object.fromEntries(
    Object.entries(given).map(([name, answers]) => {
      if (typeof answers === "function") return [name, answers];
      const operations = new Map(Object.entries(answers).map(([operation, a]) => [operation, fromAnswers(a)]));
      const mock = ({ operation, input }) => {
        const answer2 = operations.get(operation);
        if (!answer2) throw new LocalRuntimeError(`entities.${name} in ${label} has no answer for the operation '${operation}'.`);
        return { result: answer2(input) };
      };
      return [name, mock];
    })
  );
}
async function runScenario(app, { scenario, label }) {
  const http = scenario.http;
  let httpCalls = 0;
  const runtime = LocalRuntime.over(app, {
    storeInputs: true,
    activities: mocks(scenario.activities),
    subOrchestrations: mocks(scenario.subOrchestrations),
    ...scenario.entities ? { entities: entityMocks(scenario.entities, label) } : {},
    ...scenario.appActivities !== void 0 ? { appActivities: scenario.appActivities } : {},
    ...scenario.startTime ? { startTime: scenario.startTime } : {},
    ...http ? { http: typeof http === "function" ? http : () => http[Math.min(httpCalls++, http.length - 1)] } : {}
  });
  const started = runtime.now.getTime();
  const first = await runtime.start(scenario.orchestrator, {
    ...scenario.input !== void 0 ? { input: scenario.input } : {},
    ...scenario.instanceId ? { instanceId: scenario.instanceId } : {}
  });
  const events = [...scenario.events ?? []].sort((a, b) => (durationMs(a.after ?? "0s") ?? 0) - (durationMs(b.after ?? "0s") ?? 0));
  for (const event2 of events) {
    await runtime.advanceTo(started + (durationMs(event2.after ?? "0s") ?? 0));
    const target = event2.instanceId ? runtime.instance(event2.instanceId) : first;
    if (!target) throw new UsageError(`scenario ${label}: events names the instance '${event2.instanceId}', which the run never started.`);
    await target.raiseEvent(event2.name, event2.data);
  }
  await runtime.run(scenario.until ? { until: started + durationMs(scenario.until) } : {});
  const items = [];
  for (const instance of runtime.allInstances) {
    for (const [n, file] of instance.inFlightHistories().entries()) items.push({ value: file, source: `${label}#${instance.instanceId}@${n + 1}` });
  }
  return items;
}

// harness/jest.ts
function files(dir, pattern = /\.json$/) {
  return readdirSync3(dir).sort().flatMap((name) => {
    const path = join6(dir, name);
    return statSync2(path).isDirectory() ? files(path, pattern) : pattern.test(name) ? [path] : [];
  });
}
function loadOptionsOf(given) {
  return {
    userOutput: "ignore",
    ...given.allowStaleBuild ? { allowStaleBuild: true } : {},
    ...given.historyTimeoutMs ? { historyTimeoutMs: given.historyTimeoutMs } : {},
    ...given.memoryLimitMb ? { memoryLimitMb: given.memoryLimitMb } : {}
  };
}
function engineOptionsOf(given) {
  return {
    ...given.inputDrift ? { inputDrift: given.inputDrift } : {},
    ...given.finished ? { finished: given.finished } : {},
    ...given.schema ? { schema: given.schema } : {}
  };
}
function replayFolder(appDir, historiesDir, options = {}) {
  const given = "describe" in options ? { globals: options } : options;
  const { describe: describe2, test, beforeAll, afterAll } = given.globals ?? globalThis;
  const engine = engineOptionsOf(given);
  describe2(`replay ${relative2(process.cwd(), historiesDir) || historiesDir} against ${relative2(process.cwd(), appDir) || appDir}`, () => {
    let app;
    beforeAll(async () => {
      app = await loadApp(appDir, loadOptionsOf(given));
      for (const warning of app.info.warnings) console.warn(`durable-gate: ${warning}`);
    }, 6e4);
    afterAll(async () => {
      await app?.close();
    });
    for (const file of files(historiesDir)) {
      test(relative2(historiesDir, file), async () => {
        const [result] = await app.replay([{ file }], engine);
        if (!result || result.verdict !== "ok") throw new Error(result ? describeProblem(result) : `no result for ${file}`);
        for (const warning of result.warnings ?? []) console.warn(`durable-gate: ${relative2(historiesDir, file)}: ${warning}`);
      });
    }
  });
}
function checkScenarios(baseDir, appDir, scenariosDir, options = {}) {
  const given = "describe" in options ? { globals: options } : options;
  const { describe: describe2, test, beforeAll, afterAll } = given.globals ?? globalThis;
  const loading = loadOptionsOf(given);
  describe2(`scenarios ${relative2(process.cwd(), scenariosDir) || scenariosDir}: ${relative2(process.cwd(), appDir) || appDir} against ${relative2(process.cwd(), baseDir) || baseDir}`, () => {
    let base;
    let app;
    beforeAll(async () => {
      [base, app] = await Promise.all([loadApp(baseDir, loading), loadApp(appDir, loading)]);
    }, 6e4);
    afterAll(async () => {
      await Promise.all([base?.close(), app?.close()]);
    });
    for (const file of files(scenariosDir, /\.(json|c?js|mjs)$/)) {
      test(relative2(scenariosDir, file), async () => {
        const problems = [];
        for (const scenario of await readScenarios([file], process.cwd())) {
          const points = await runScenario(base, scenario);
          for (const result of await app.replay(points, engineOptionsOf(given))) if (result.verdict !== "ok") problems.push(describeProblem(result));
        }
        if (problems.length > 0) throw new Error(problems.join("\n\n"));
      });
    }
  });
}
export {
  checkScenarios,
  replayFolder
};
