// XML text for reports. Server bodies can contain anything, so text is first
// stripped of characters XML 1.0 forbids, then escaped.

// Allowed by XML 1.0: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a lone surrogate is its own code point, so it is removed too.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

/** Escape for element content and attribute values alike. */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attribute values: parsers normalise raw tabs/newlines to spaces, so keep them as references. */
export function escapeXmlAttr(text: string): string {
  return escapeXml(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export type XmlAttrs = Record<string, string | number | undefined>;

/** A tiny element tree: enough for JUnit, with indentation and stable attribute order. */
export interface XmlNode {
  name: string;
  attrs?: XmlAttrs;
  children?: XmlNode[];
  text?: string;
}

export function renderXml(root: XmlNode): string {
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  renderNode(root, 0, lines);
  return `${lines.join('\n')}\n`;
}

function renderNode(node: XmlNode, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  const open = `${indent}<${node.name}${renderAttrs(node.attrs)}`;
  const children = node.children ?? [];
  if (node.text !== undefined && node.text !== '') {
    // text is written as is (no indentation added) so bodies keep their exact lines
    lines.push(`${open}>${escapeXml(node.text)}</${node.name}>`);
  } else if (children.length === 0) {
    lines.push(`${open}/>`);
  } else {
    lines.push(`${open}>`);
    for (const child of children) renderNode(child, depth + 1, lines);
    lines.push(`${indent}</${node.name}>`);
  }
}

function renderAttrs(attrs: XmlAttrs | undefined): string {
  if (!attrs) return '';
  let out = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${key}="${escapeXmlAttr(String(value))}"`;
  }
  return out;
}
