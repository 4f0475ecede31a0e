package io.kameng.risk.entity;

import java.util.List;

/** What a blacklist entry names, and which buyer input fields it is compared with. */
public enum BlacklistKind {
  IP(List.of()),
  CONTACT(List.of("deliveryContact")),
  PHONE(List.of("mobileNumber")),
  GAME_ACCOUNT(List.of("gameAccount", "roleId", "membershipAccount"));

  private final List<String> fields;

  BlacklistKind(List<String> fields) {
    this.fields = fields;
  }

  /** The buyer input fields whose values this kind names. */
  public List<String> fields() {
    return fields;
  }
}
