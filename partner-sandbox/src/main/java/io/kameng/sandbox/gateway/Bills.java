package io.kameng.sandbox.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daily trade bills' download links: a bill is ready the next China-time day at {@code
 * -Dsandbox.bill-ready} (default 02:00) by the gateway's clock, and a link given out for it is
 * valid 30 seconds by that clock.
 */
@ApplicationScoped
public class Bills {

  static final Duration LINK_VALID = Duration.ofSeconds(30);

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject GatewayClock clock;
  @Inject Trades trades;
  @Inject Faults faults;

  private record Link(LocalDate day, Instant expiresAt) {}

  private final Map<String, Link> links = new ConcurrentHashMap<>();

  /** When the bill of {@code day} is ready. */
  static Instant readyAt(LocalDate day) {
    LocalTime at = LocalTime.parse(System.getProperty("sandbox.bill-ready", "02:00"));
    return day.plusDays(1).atTime(at).atZone(TradeBill.CHINA).toInstant();
  }

  /** Whether the bill of {@code day} can be downloaded now. */
  boolean ready(LocalDate day) {
    return faults.forBillDay(day.toString()).orElse(null) != BillFault.NOT_READY
        && !clock.now().isBefore(readyAt(day));
  }

  /** A new download token for the bill of {@code day}. */
  String link(LocalDate day) {
    Instant now = clock.now();
    links.values().removeIf(link -> link.expiresAt().isBefore(now.minus(Duration.ofHours(1))));
    boolean expired = faults.forBillDay(day.toString()).orElse(null) == BillFault.EXPIRED;
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    links.put(token, new Link(day, expired ? now.minusSeconds(1) : now.plus(LINK_VALID)));
    return token;
  }

  /** The day of a download token still valid; empty for an unknown or expired one. */
  Optional<LocalDate> day(String token) {
    Link link = token == null ? null : links.get(token);
    if (link == null || clock.now().isAfter(link.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(link.day());
  }

  /** The bill of {@code day} as of now, to be written out. */
  TradeBill bill(LocalDate day) {
    return TradeBill.prepare(
        trades.all(),
        day,
        clock.now(),
        faults.forBillDay(day.toString()).orElse(null),
        faults::forBillTrade);
  }
}
