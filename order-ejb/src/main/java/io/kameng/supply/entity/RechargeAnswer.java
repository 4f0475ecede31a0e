package io.kameng.supply.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * What a supplier answered when asked for a recharge: it took it (with its order number), or it did
 * not, and then whether it may still make it (it did not answer in time) or certainly made nothing
 * (no connection, an open circuit, an error or a refusal answered).
 */
public record RechargeAnswer(
    Optional<String> supplierOrderNo, String failure, boolean mayHaveRecharged) {

  public RechargeAnswer {
    Objects.requireNonNull(supplierOrderNo, "An order number or none is required.");
  }

  public static RechargeAnswer taken(String supplierOrderNo) {
    return new RechargeAnswer(
        Optional.of(Objects.requireNonNull(supplierOrderNo, "An order number is required.")),
        null,
        false);
  }

  /** Not taken, nothing made. */
  public static RechargeAnswer notTaken(String failure) {
    return new RechargeAnswer(Optional.empty(), failure, false);
  }

  /** No answer in time: the supplier may still recharge, and its result may still come. */
  public static RechargeAnswer unanswered(String failure) {
    return new RechargeAnswer(Optional.empty(), failure, true);
  }

  public boolean isTaken() {
    return supplierOrderNo.isPresent();
  }
}
