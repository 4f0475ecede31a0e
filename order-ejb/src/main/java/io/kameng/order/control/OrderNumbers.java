package io.kameng.order.control;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Order numbers buyers read out to support: the China date of submission and ten random digits
 * ({@code 202611221234567890}), so they reveal neither database ids nor how many orders there are.
 */
public final class OrderNumbers {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of("Asia/Shanghai"));

  private OrderNumbers() {}

  public static String next(Instant now) {
    return DAY.format(now) + String.format("%010d", RANDOM.nextLong(10_000_000_000L));
  }

  /** Whether {@code text} has the shape of an order number (checked before any lookup). */
  public static boolean isWellFormed(String text) {
    return text != null && text.length() == 18 && text.chars().allMatch(Character::isDigit);
  }
}
