import type { RestXmlResult } from '../services/types.ts';
import type { HttpReply } from './HttpReply.ts';
import { xmlHeaders } from './awsQuery.ts';
import { type XmlItemNames, renderXmlDocument } from './xml.ts';

/**
 * restXml (CloudFront): the operation is the HTTP method and path; the payload is the root
 * element itself and some output members travel as headers (ETag). Errors are awsQuery's
 * `<ErrorResponse>` (`xmlErrorReply`).
 */

export function restXmlReply(
  result: RestXmlResult,
  xmlns: string,
  itemNames: XmlItemNames,
  requestId: string,
): HttpReply {
  return {
    status: 200,
    headers: { ...xmlHeaders(requestId), ...result.headers },
    body: renderXmlDocument(result.root, xmlns, result.payload, itemNames),
  };
}
