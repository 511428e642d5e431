/**
 * A minimal XML writer for AWS responses. Values map to elements by a fixed rule: objects are
 * nested elements, arrays are wrapped items, Dates are ISO 8601, booleans and numbers are
 * text. Item element names differ per service (`member`, `DBCluster`, `CNAME`...), so the
 * caller passes them by property name, optionally qualified by the parent (`Aliases.Items`).
 */

export type XmlItemNames = Readonly<Record<string, string>>;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#x0D;',
  '\n': '&#x0A;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r\n]/g, c => ESCAPES[c]);
}

function scalarText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return escapeXml(String(value));
}

function itemNameFor(
  parent: string,
  key: string,
  itemNames: XmlItemNames,
): string {
  return itemNames[`${parent}.${key}`] ?? itemNames[key] ?? 'member';
}

function renderChildren(
  name: string,
  value: object,
  itemNames: XmlItemNames,
  out: string[],
): void {
  for (const [key, child] of Object.entries(value)) {
    renderElement(name, key, child, itemNames, out);
  }
}

function renderElement(
  parent: string,
  name: string,
  value: unknown,
  itemNames: XmlItemNames,
  out: string[],
): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    const itemName = itemNameFor(parent, name, itemNames);
    out.push(`<${name}>`);
    for (const item of value) {
      renderElement(name, itemName, item, itemNames, out);
    }
    out.push(`</${name}>`);
    return;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    out.push(`<${name}>`);
    renderChildren(name, value, itemNames, out);
    out.push(`</${name}>`);
    return;
  }
  out.push(`<${name}>${scalarText(value)}</${name}>`);
}

/** Renders `value` as the children of a root element carrying an xmlns. */
export function renderXmlDocument(
  rootName: string,
  xmlns: string,
  value: object,
  itemNames: XmlItemNames = {},
): string {
  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<${rootName} xmlns="${xmlns}">`,
  ];
  renderChildren(rootName, value, itemNames, out);
  out.push(`</${rootName}>`);
  return out.join('');
}
