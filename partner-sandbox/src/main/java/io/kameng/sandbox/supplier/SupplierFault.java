package io.kameng.sandbox.supplier;

/** What the sandbox supplier does wrong on demand (see {@link SupplierFaults}). */
public enum SupplierFault {
  /** Answers 503 at once: the supplier is down; nothing is recharged. */
  DOWN,
  /** Answers 500 at once: a transient error; nothing is recharged. */
  ERROR,
  /**
   * Holds the request for the fault's seconds before answering (a caller with a shorter timeout
   * gives up); the recharge is taken all the same, so asking again must not recharge twice.
   */
  TIMEOUT,
  /** Takes the recharge at once but finishes it only after the fault's seconds. */
  SLOW,
  /** The result callback says another amount than was recharged (signed, so it verifies). */
  WRONG_RESULT,
  /** The recharge is done but its callback is never sent: only a status query finds out. */
  CALLBACK_LOST
}
