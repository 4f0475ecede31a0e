package io.kameng.supply.entity;

import java.math.BigDecimal;
import java.util.Optional;

/** A supplier's verified word on a recharge: from its signed callback or from a query. */
public record RechargeResult(
    String requestId,
    String supplierOrderNo,
    BigDecimal amount,
    boolean succeeded,
    Optional<String> failReason) {}
