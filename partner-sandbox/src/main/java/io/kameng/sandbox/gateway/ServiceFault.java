package io.kameng.sandbox.gateway;

/** What the gateway's query and refund services do wrong on demand (see {@link Faults}). */
public enum ServiceFault {
  /** Answers 503 at once: the service is down. */
  DOWN,
  /**
   * Holds the request (30 s unless the fault says) before doing anything: a caller without a
   * timeout waits that long. A held refund is made when the hold ends, after the caller gave up.
   */
  HANG,
  /**
   * Refunds only: a new refund is made at once, but answered late (6 s unless the fault says);
   * asking again with its request number is answered at once.
   */
  SLOW,
  /**
   * Refunds only: the refund is made, but every refund call of the scope answers 503, a repeat with
   * the same request number too, until the fault is healed.
   */
  LOST
}
