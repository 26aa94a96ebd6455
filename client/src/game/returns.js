/**
 * When a `RoomState` is news to the player.
 * @module returns
 */

/**
 * Tells a player's return to their seat apart from a refresh of the room they never left. The server sends `RoomState`
 * when a connection takes a held seat back (a new page, a connection that dropped and came back), and also while the
 * player stays connected, when their room moved to another server or the gateway's connection to the cluster came
 * back. The page redraws from it either way; only a return deserves a word.
 */
export class ReturnWatch {
  #away = true;

  /** The connection dropped: the next `RoomState` brings the player back, as it does on a new connection (a new watch). */
  left() {
    this.#away = true;
  }

  /** The player joined a room on this connection: a `RoomState` after this only refreshes it. */
  seated() {
    this.#away = false;
  }

  /**
   * A `RoomState` arrived.
   * @returns {boolean} whether it brought the player back to their seat
   */
  roomState() {
    const back = this.#away;
    this.#away = false;
    return back;
  }
}
