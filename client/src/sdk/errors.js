/**
 * Errors with the contract's stable codes.
 * @module errors
 */

/** An error with a stable lowercase `code` (see {@link ErrorCodes}) and a human message. */
export class GameError extends Error {
  /**
   * @param {string} code stable lowercase code, e.g. `room_full`
   * @param {string} message human-readable message
   * @param {{ status?: number, cause?: unknown }} [details]
   */
  constructor(code, message, details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GameError';
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
  }
}

// SignalR reports a HubException as "An unexpected error occurred invoking 'X' on the server. HubException: code: text";
// the server's own message starts with the code and a colon.
const HUB_EXCEPTION = /(?:HubException:\s*)?\b([a-z][a-z0-9_]*):\s*(.*)$/s;

/**
 * Turns a rejected hub invocation into a {@link GameError} whose `code` is the contract's code.
 * @param {unknown} error what `HubConnection.invoke` rejected with
 * @param {string} [fallbackCode] code to use when the message carries none
 * @returns {GameError}
 */
export function parseHubError(error, fallbackCode = 'network') {
  if (error instanceof GameError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const marker = text.indexOf('HubException:');
  const tail = marker >= 0 ? text.slice(marker) : text;
  const match = HUB_EXCEPTION.exec(tail);
  if (match && (marker >= 0 || match.index === 0)) {
    return new GameError(match[1], match[2].trim() || match[1], { cause: error });
  }
  return new GameError(fallbackCode, text, { cause: error });
}
