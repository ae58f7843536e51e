// A build-time vite/rolldown plugin: minifies the static text of lit's css`` and html`` tagged
// templates in the project's sources (the JS minifier keeps template text verbatim, indentation
// and all). Only whitespace and CSS comments go; nothing a browser renders changes:
//   css``  : comments dropped, whitespace runs become one space, spaces around { } ; , and after
//            : dropped (never before ":", which would join a descendant selector to a pseudo-class)
//   html`` : whitespace runs that contain a line break become one space (a space between inline
//            elements renders the same as a line break; the project has no <pre> or <textarea>
//            in templates, and none may be added without revisiting this)
// Expressions (`${…}`) are left as they are, except nested css``/html`` templates inside them.

const TAG = /\b(css|html)`/g;

/** @param {string} text one static part of a css`` template */
function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}');
}

/** @param {string} text one static part of an html`` template */
const minifyHtml = (text) => text.replace(/\s*\n\s*/g, ' ');

/**
 * Reads the template literal whose opening backtick is at `start`; returns its static parts,
 * its expressions' source and the index after the closing backtick.
 * @param {string} code @param {number} start
 */
function readTemplate(code, start) {
  const parts = [];
  const expressions = [];
  let part = '';
  let i = start + 1;
  while (i < code.length) {
    const c = code[i];
    if (c === '\\') {
      part += code.slice(i, i + 2);
      i += 2;
    } else if (c === '`') {
      parts.push(part);
      return { parts, expressions, end: i + 1 };
    } else if (c === '$' && code[i + 1] === '{') {
      parts.push(part);
      part = '';
      const end = skipExpression(code, i + 2);
      expressions.push(code.slice(i + 2, end));
      i = end + 1;
    } else {
      part += c;
      i++;
    }
  }
  throw new Error('unterminated template literal');
}

/** Index of the `}` that closes an expression starting at `i` (strings and templates skipped). */
function skipExpression(code, i) {
  let depth = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '`') i = readTemplate(code, i).end;
    else if (c === '"' || c === "'") {
      i++;
      while (code[i] !== c) i += code[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      if (depth === 0) return i;
      depth--;
      i++;
    } else i++;
  }
  throw new Error('unterminated template expression');
}

/** @param {string} code */
export function minifyLitTemplates(code) {
  let out = '';
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(code); match; match = TAG.exec(code)) {
    const tick = match.index + match[0].length - 1;
    if (tick < last) continue; // inside a template already handled
    const { parts, expressions, end } = readTemplate(code, tick);
    const minify = match[1] === 'css' ? minifyCss : minifyHtml;
    let literal = '`';
    parts.forEach((part, n) => {
      literal += minify(part);
      if (n < expressions.length) literal += `\${${minifyLitTemplates(expressions[n])}}`;
    });
    if (match[1] === 'css') literal = `\`${literal.slice(1).trim()}`;
    out += code.slice(last, tick) + literal + '`';
    last = end;
    TAG.lastIndex = end;
  }
  return out + code.slice(last);
}

/** @returns {import('vite').Plugin} */
export function minifyLitTemplatesPlugin() {
  return {
    name: 'minify-lit-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return undefined;
      return { code: minifyLitTemplates(code), map: null };
    },
  };
}
