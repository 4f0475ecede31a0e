package io.kameng.payment.entity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment notice whose signature verified, in Kameng's terms.
 *
 * @param reference the attempt's reference ({@code out_trade_no})
 * @param paid whether the gateway says the trade is paid
 */
public record GatewayNotice(
    String reference, String gatewayTradeNo, BigDecimal amount, boolean paid, Instant paidAt) {}
