// A small, strict XML reader for tests of XML reports: it accepts only
// well-formed documents (matching tags, quoted attributes, known entities,
// no characters XML 1.0 forbids) and returns a tree to assert on.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.-]*';
const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const OPEN_TAG = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*"[^"<]*")*)\\s*(/?)>`);
const CLOSE_TAG = new RegExp(`^</(${NAME})\\s*>`);
const ATTR = new RegExp(`(${NAME})\\s*=\\s*"([^"<]*)"`, 'g');

export function parseStrictXml(xml: string): XmlElement {
  if (INVALID.test(xml)) throw new Error('document contains a character XML 1.0 forbids');
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (rest.length > 0) {
    if (stack.length === 0) {
      rest = rest.replace(/^\s+/, '');
      if (rest.length === 0) break;
      if (root) throw new Error(`content after the root element: ${rest.slice(0, 40)}`);
    }
    const open = OPEN_TAG.exec(rest);
    const close = CLOSE_TAG.exec(rest);
    if (open) {
      const element: XmlElement = { name: open[1], attrs: parseAttrs(open[2]), children: [], text: '' };
      if (stack.length > 0) stack[stack.length - 1].children.push(element);
      else root = element;
      if (open[3] !== '/') stack.push(element);
      rest = rest.slice(open[0].length);
    } else if (close) {
      const top = stack.pop();
      if (!top || top.name !== close[1]) throw new Error(`</${close[1]}> does not close <${top?.name ?? '(nothing)'}>`);
      rest = rest.slice(close[0].length);
    } else {
      const end = rest.indexOf('<') === -1 ? rest.length : rest.indexOf('<');
      if (end === 0) throw new Error(`malformed markup: ${rest.slice(0, 40)}`);
      if (stack.length === 0) throw new Error('text outside the root element');
      stack[stack.length - 1].text += decodeText(rest.slice(0, end));
      rest = rest.slice(end);
    }
  }
  if (!root || stack.length > 0) throw new Error(`unclosed element <${stack[stack.length - 1]?.name ?? '(none)'}>`);
  return root;
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of source.matchAll(ATTR)) {
    if (m[1] in attrs) throw new Error(`duplicate attribute ${m[1]}`);
    attrs[m[1]] = decodeText(m[2]);
  }
  return attrs;
}

function decodeText(raw: string): string {
  if (raw.includes('>')) throw new Error('raw ">" in text (we always escape it)');
  const withoutEntities = raw.replace(ENTITY, '');
  if (withoutEntities.includes('&')) throw new Error(`bare "&" or unknown entity in: ${raw.slice(0, 40)}`);
  return raw.replace(ENTITY, (_m, name: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (name in named) return named[name];
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/** Every element named `name`, depth first. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (e.name === name) found.push(e);
    e.children.forEach(visit);
  };
  visit(root);
  return found;
}
