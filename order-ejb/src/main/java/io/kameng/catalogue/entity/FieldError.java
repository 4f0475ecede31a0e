package io.kameng.catalogue.entity;

/**
 * One thing wrong with the buyer's input.
 *
 * @param field the JSON property / form field, for example {@code mobileNumber}
 * @param code a stable code; {@code BuyerField.<code>} is its message key in the bundles
 */
public record FieldError(String field, String code) {

  /** Required and missing or blank. */
  public static final String REQUIRED = "required";

  /** Longer than the field allows. */
  public static final String TOO_LONG = "tooLong";

  /** Not in the field's format (mobile number, email, account characters). */
  public static final String MALFORMED = "malformed";

  /** A mobile number of another carrier than the product's. */
  public static final String WRONG_CARRIER = "wrongCarrier";

  /** A game server that is not in the product's list. */
  public static final String UNKNOWN_SERVER = "unknownServer";

  /** A field this product does not take. */
  public static final String NOT_EXPECTED = "notExpected";
}
