package io.kameng.partner.entity;

/**
 * How a partner answered a health probe.
 *
 * @param state what the admin sees
 * @param detail why, in operator words (HTTP status, timeout, connection error)
 */
public record PartnerStatus(State state, String detail) {

  /** The outcome of one probe. */
  public enum State {
    /** The partner answered its health check with success. */
    UP,
    /** The partner answered, but not with success. */
    DOWN,
    /** No answer in time, or no connection at all. */
    UNREACHABLE
  }
}
