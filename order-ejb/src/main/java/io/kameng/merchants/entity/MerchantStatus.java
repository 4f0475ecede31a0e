package io.kameng.merchants.entity;

/**
 * Where a merchant stands: online or not, its standing, its limit and how many orders it holds, and
 * how many strikes it got in the last 30 days.
 */
public record MerchantStatus(
    String username,
    boolean online,
    MerchantStanding standing,
    int orderLimit,
    int inHand,
    long recentStrikes) {

  /** Whether it may claim one more order from the grab pool now. */
  public boolean mayClaim() {
    return online && standing.mayClaim() && inHand < orderLimit;
  }
}
