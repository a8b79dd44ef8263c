/**
 * The text inside an XML element, as the flat feed readers want it (the EU weekly report, a Merchant
 * Center feed): CDATA sections taken as they are, markup outside them dropped and entities decoded,
 * trimmed. The ACCC RSS reader keeps its own: a description's HTML must survive for the HTML reader.
 */
import { decodeXML } from 'entities';

export function xmlElementText(inner: string): string {
  return inner
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[') ? part.slice(9, -3) : decodeXML(part.replace(/<[^>]*>/g, '')),
    )
    .join('')
    .trim();
}
