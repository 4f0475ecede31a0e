package io.kameng.catalogue.entity;

import java.util.List;

/** The kinds of virtual goods Kameng sells, each with the buyer input it needs, in form order. */
public enum ProductType {
  GAME_POINT_CARD(BuyerField.DELIVERY_CONTACT),
  CARD_KEY(BuyerField.DELIVERY_CONTACT),
  PHONE_TOPUP(BuyerField.MOBILE_NUMBER),
  DATA_TOPUP(BuyerField.MOBILE_NUMBER),
  GAME_RECHARGE(BuyerField.GAME_ACCOUNT, BuyerField.GAME_SERVER, BuyerField.ROLE_ID),
  MEMBERSHIP(BuyerField.MEMBERSHIP_ACCOUNT);

  private final List<BuyerField> fields;

  ProductType(BuyerField... fields) {
    this.fields = List.of(fields);
  }

  /** The fields a buyer fills in for this type, in the order the form shows them. */
  public List<BuyerField> fields() {
    return fields;
  }

  /** Whether products of this type are bought for one carrier's numbers. */
  public boolean isForCarrier() {
    return this == PHONE_TOPUP || this == DATA_TOPUP;
  }

  /** Whether the buyer receives a code (card key, point card) rather than a recharge. */
  public boolean deliversCode() {
    return this == GAME_POINT_CARD || this == CARD_KEY;
  }

  /** Whether products of this type name the game servers a buyer chooses from. */
  public boolean hasServers() {
    return this == GAME_RECHARGE;
  }
}
