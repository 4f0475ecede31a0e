package io.kameng.catalogue.entity;

/**
 * A piece of input an order needs from the buyer. The name is the JSON property of the order
 * request and the form field of the storefront; the kind says how it is checked.
 */
public enum BuyerField {
  /** The mobile number to top up: 11 digits, {@code 1[3-9]} prefix, of the product's carrier. */
  MOBILE_NUMBER("mobileNumber", 11),
  /** The account in the game. */
  GAME_ACCOUNT("gameAccount", 64),
  /** The region or server, one of the product's own list. */
  GAME_SERVER("gameServer", 64),
  /** The character (role) ID in the game. */
  ROLE_ID("roleId", 32),
  /** The membership account to credit. */
  MEMBERSHIP_ACCOUNT("membershipAccount", 64),
  /** Where a card key is delivered: an email address or a mainland mobile number. */
  DELIVERY_CONTACT("deliveryContact", 254);

  private final String property;
  private final int maxLength;

  BuyerField(String property, int maxLength) {
    this.property = property;
    this.maxLength = maxLength;
  }

  /** The JSON property and form field name. */
  public String property() {
    return property;
  }

  public int maxLength() {
    return maxLength;
  }
}
