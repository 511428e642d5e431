import type { RestXmlResult } from '../services/types.ts';
import type { ErrorInfo, HttpReply } from './HttpReply.ts';
import { xmlErrorBody } from './awsQuery.ts';
import { type XmlItemNames, renderXmlDocument } from './xml.ts';

/**
 * restXml (CloudFront): the operation is the HTTP method and path; the payload is the root
 * element itself and some output members travel as headers (ETag).
 */

export function restXmlReply(
  result: RestXmlResult,
  xmlns: string,
  itemNames: XmlItemNames,
  requestId: string,
): HttpReply {
  return {
    status: 200,
    headers: {
      'content-type': 'text/xml',
      'x-amzn-requestid': requestId,
      ...result.headers,
    },
    body: renderXmlDocument(result.root, xmlns, result.payload, itemNames),
  };
}

export function restXmlErrorReply(
  xmlns: string,
  error: ErrorInfo,
  requestId: string,
): HttpReply {
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: xmlErrorBody(xmlns, error, requestId),
  };
}
