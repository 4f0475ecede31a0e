package io.kameng.sandbox.storefront;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the sandbox storefront remembers, in memory like the other simulators: every webhook notice
 * the platform delivered to it (taken or refused, oldest first, the latest {@value #KEPT} only),
 * and the fault armed through its admin API, which refuses the next few deliveries so the
 * platform's retries can be seen at work.
 */
@ApplicationScoped
public class StorefrontNotices {

  /** How many deliveries are kept; older ones are forgotten first. */
  static final int KEPT = 100_000;

  /** The status a refusal answers unless the fault says. */
  static final int REFUSAL = 503;

  /** The armed fault: how many deliveries are still to be refused, and with which status. */
  public record Armed(int failNext, int status) {}

  private final Deque<ReceivedNotice> received = new ArrayDeque<>();

  private final AtomicInteger failNext = new AtomicInteger();

  // Written before failNext and read after it, so a refusal sees the status armed with its count.
  private volatile int status = REFUSAL;

  /** Keeps a delivery, forgetting the oldest one beyond {@value #KEPT}. */
  public synchronized void record(ReceivedNotice notice) {
    received.addLast(notice);
    while (received.size() > KEPT) {
      received.removeFirst();
    }
  }

  /** The deliveries kept, oldest first; for one order only unless {@code orderNo} is null. */
  public synchronized List<ReceivedNotice> all(String orderNo) {
    return received.stream()
        .filter(notice -> orderNo == null || orderNo.equals(notice.orderNo()))
        .toList();
  }

  public synchronized void forget() {
    received.clear();
  }

  /** Refuses the next {@code count} deliveries with {@code status}; a count of 0 disarms. */
  public void arm(int count, int status) {
    this.status = status;
    failNext.set(count);
  }

  public Armed armed() {
    int count = failNext.get();
    return new Armed(count, status);
  }

  /**
   * Uses up one refusal of the armed fault, if any is left: the status to answer; empty when the
   * delivery is to be taken.
   */
  public OptionalInt refusal() {
    int before = failNext.getAndUpdate(count -> count > 0 ? count - 1 : 0);
    return before > 0 ? OptionalInt.of(status) : OptionalInt.empty();
  }
}
