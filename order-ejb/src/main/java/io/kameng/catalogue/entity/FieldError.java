package io.kameng.catalogue.entity;

import java.util.List;

/**
 * One thing wrong with the buyer's input.
 *
 * @param field the JSON property / form field, for example {@code mobileNumber}
 * @param code a stable code; {@code FieldError.<code>} is its message key in the bundles
 * @param arguments values the message mentions (for example the allowed quantity range)
 */
public record FieldError(String field, String code, List<Object> arguments) {

  public FieldError {
    arguments = List.copyOf(arguments);
  }

  public FieldError(String field, String code) {
    this(field, code, List.of());
  }

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

  /** A JSON value of the wrong type (a number where text belongs, an array for an object). */
  public static final String WRONG_TYPE = "wrongType";

  /** No product with this id. */
  public static final String UNKNOWN_PRODUCT = "unknownProduct";

  /** The product is not on sale now. */
  public static final String NOT_ON_SALE = "notOnSale";

  /** A quantity outside the product's range; arguments: the minimum and the maximum. */
  public static final String OUT_OF_RANGE = "outOfRange";
}
