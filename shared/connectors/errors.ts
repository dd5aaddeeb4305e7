// The connectors' errors are codes and parameters, never sentences: the words live in the
// renderer's catalogs (renderer/app/i18n/{en,ja}.json `connector.*`, worded by
// renderer/words/connectorErrors.ts), so each person reads them in their own language. Parameters
// are data (an address, a page, a status, a count, Partner Center's own description) or codes of
// words the renderer translates (a collection, a call, a problem); an Error's `message` is an
// English detail for logs and developers.

/** A parameter: an address, an id, a name, Partner Center's own text, or a number. */
export type ConnectorParam = string | number;
export type ConnectorParams = Record<string, ConnectorParam>;

/** The parameters without the ones left undefined (an optional fact the service did not give). */
export function paramsOf(params: Record<string, ConnectorParam | undefined>): ConnectorParams {
  const out: ConnectorParams = {};
  for (const [key, value] of Object.entries(params)) if (value !== undefined) out[key] = value;
  return out;
}

/** An unreached service's error as a parameter: its message (English, from the runtime). */
export function causeOf(cause: unknown): string | undefined {
  return cause instanceof Error && cause.message !== '' ? cause.message : undefined;
}
