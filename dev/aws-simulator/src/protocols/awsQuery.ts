import type { ErrorInfo, HttpReply } from './HttpReply.ts';
import { faultTypeOf } from './HttpReply.ts';
import { type XmlItemNames, escapeXml, renderXmlDocument } from './xml.ts';

/**
 * awsQuery: a form-encoded POST (`Action=...&Version=...&Name.member.1=...`) answered with
 * `<OperationResponse><OperationResult>…</OperationResult><ResponseMetadata>` XML, errors as
 * `<ErrorResponse><Error><Type><Code><Message>`.
 */

type Node = Record<string, unknown>;

const INDEX = /^\d+$/;

function listAt(node: Node, key: string): unknown[] {
  const existing = node[key];
  if (Array.isArray(existing)) return existing;
  const list: unknown[] = [];
  node[key] = list;
  return list;
}

function childAt(container: unknown[] | Node, key: string | number): Node {
  const holder = container as Record<string | number, unknown>;
  const existing = holder[key];
  if (
    typeof existing === 'object' &&
    existing !== null &&
    !Array.isArray(existing)
  ) {
    return existing as Node;
  }
  const child: Node = {};
  holder[key] = child;
  return child;
}

/**
 * How many segments from `i` name one list item: 3 for a wrapped list with a named item
 * element (`Name.member.N`, `Name.Filter.N`), 2 for a flattened list (`Name.N`), 0 when the
 * segment is not a list.
 */
function listItemSpan(segments: string[], i: number): 0 | 2 | 3 {
  const next = segments[i + 1];
  if (next === undefined) return 0;
  if (INDEX.test(next)) return 2;
  const afterNext = segments[i + 2];
  return afterNext !== undefined && INDEX.test(afterNext) ? 3 : 0;
}

function insert(root: Node, segments: string[], value: string): void {
  let node = root;
  let i = 0;
  while (i < segments.length) {
    const segment = segments[i];
    const span = listItemSpan(segments, i);
    if (span > 0) {
      const list = listAt(node, segment);
      const index = Number(segments[i + span - 1]) - 1;
      if (i + span === segments.length) {
        list[index] = value;
        return;
      }
      node = childAt(list, index);
      i += span;
    } else if (i === segments.length - 1) {
      node[segment] = value;
      return;
    } else {
      node = childAt(node, segment);
      i += 1;
    }
  }
}

/** Parses an awsQuery form body into nested objects and lists (values stay strings). */
export function parseQueryForm(body: string): Record<string, unknown> {
  const root: Node = {};
  for (const [key, value] of new URLSearchParams(body)) {
    insert(root, key.split('.'), value);
  }
  return root;
}

/** Headers of every XML answer, successful or not. */
export function xmlHeaders(requestId: string): Record<string, string> {
  return { 'content-type': 'text/xml', 'x-amzn-requestid': requestId };
}

export function queryReply(
  operation: string,
  xmlns: string,
  output: object,
  itemNames: XmlItemNames,
  requestId: string,
): HttpReply {
  const body = renderXmlDocument(
    `${operation}Response`,
    xmlns,
    {
      [`${operation}Result`]: output,
      ResponseMetadata: { RequestId: requestId },
    },
    itemNames,
  );
  return { status: 200, headers: xmlHeaders(requestId), body };
}

/** The `<ErrorResponse>` document, which restXml services (CloudFront) answer with too. */
export function xmlErrorReply(
  xmlns: string,
  error: ErrorInfo,
  requestId: string,
): HttpReply {
  return {
    status: error.status,
    headers: xmlHeaders(requestId),
    body:
      `<?xml version="1.0" encoding="UTF-8"?>` +
      `<ErrorResponse xmlns="${xmlns}"><Error>` +
      `<Type>${faultTypeOf(error.status)}</Type>` +
      `<Code>${escapeXml(error.code)}</Code>` +
      `<Message>${escapeXml(error.message)}</Message>` +
      `</Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}
