package io.kameng.merchants.entity;

/** How a merchant stands with the platform; admins set it (and the KPI penalties will). */
public enum MerchantStanding {
  /** Gets assigned orders and claims from the grab pool. */
  ACTIVE,
  /** Keeps and gets its assigned orders, claims nothing from the grab pool. */
  RESTRICTED,
  /** Gets no orders at all. */
  SUSPENDED;

  public boolean mayClaim() {
    return this == ACTIVE;
  }

  public boolean mayBeAssigned() {
    return this != SUSPENDED;
  }
}
