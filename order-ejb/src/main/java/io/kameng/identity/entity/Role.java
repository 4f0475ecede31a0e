package io.kameng.identity.entity;

/**
 * What a signed-in person may do. The names are the Jakarta Security groups and roles; {@link
 * Names} repeats them as constants for annotations such as {@code @RolesAllowed}.
 */
public enum Role {
  /** Runs the platform: admits and penalises merchants, works the exception pool, refunds. */
  ADMIN,
  /** Sells through Kameng: takes and fulfils orders, keeps card-key stock. */
  MERCHANT,
  /** Reviews orders that a risk rule parked. */
  REVIEWER;

  /** Role names as compile-time constants, for security annotations. */
  public static final class Names {
    public static final String ADMIN = "ADMIN";
    public static final String MERCHANT = "MERCHANT";
    public static final String REVIEWER = "REVIEWER";

    private Names() {}
  }
}
