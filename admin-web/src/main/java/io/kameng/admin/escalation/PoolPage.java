package io.kameng.admin.escalation;

import io.kameng.admin.AdminOnly;
import io.kameng.admin.PageMessages;
import io.kameng.escalation.boundary.ExceptionPool;
import io.kameng.escalation.boundary.ExceptionPool.PoolEntry;
import io.kameng.escalation.entity.CompensationVoucher;
import io.kameng.order.entity.LadderStep;
import io.kameng.order.entity.Order;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.platform.boundary.PlatformSettings;
import io.kameng.platform.entity.BusinessException;
import io.kameng.platform.entity.Setting;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Backs {@code exceptions/pool.xhtml}: the orders in the exception pool, the longest waiting first
 * (why each is stuck, since when, who claimed it, its hold, when it is refunded automatically, its
 * voucher); claiming one or the longest waiting; and for the orders the signed-in admin claimed,
 * their timeline and the actions re-dispatch, refund (with a reason) and hold (with a reason, for a
 * number of hours from now). Every action goes through {@link ExceptionPool}; a refusal is shown
 * next to the field or form it concerns, in the admin's language.
 *
 * <p>View scoped, unlike the older pages: a posted row must be the row the admin saw. With a
 * request-scoped list, an order leaving the pool between showing the page and clicking would shift
 * the rows, and a click (and the typed reason) would land on the next order. The rows are kept for
 * the view until an action, which reads them again.
 */
@Named("exceptionPool")
@ViewScoped
public class PoolPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Codes that concern the reason field of the refund and hold forms. */
  private static final Set<String> REASON_CODES =
      Set.of("pool.reasonRequired", "pool.reasonTooLong");

  /** Codes that concern the hours field of the hold form. */
  private static final Set<String> HOURS_CODES = Set.of("pool.holdNotFuture", "pool.holdTooLong");

  @Inject ExceptionPool pool;
  @Inject PlatformSettings settings;
  @Inject PlatformClock clock;

  /** The rows as shown (kept for the view, so a posted row is the row the admin saw). */
  private transient List<PoolEntry> entries;

  private transient Long holdMaxHours;

  /** Per order number, what was typed into the refund and hold forms (kept when refused). */
  private final Map<String, String> refundReasons = new HashMap<>();

  private final Map<String, String> holdReasons = new HashMap<>();
  private final Map<String, String> holdHours = new HashMap<>();

  /** Per order number and field ({@code 1234/refund-reason}), the refusal shown next to it. */
  private final Map<String, String> refusals = new HashMap<>();

  /** ADMIN only: a reviewer gets 403. */
  public void requireAdmin() throws IOException {
    AdminOnly.require();
  }

  public List<PoolEntry> getEntries() {
    if (entries == null) {
      entries = pool.orders();
    }
    return entries;
  }

  /** The orders in the pool the signed-in admin claimed: the ones with actions. */
  public List<PoolEntry> getMine() {
    String me = PageMessages.me();
    return getEntries().stream()
        .filter(entry -> entry.order().handler().filter(me::equals).isPresent())
        .toList();
  }

  public boolean isMine(Order order) {
    return order.handler().filter(PageMessages.me()::equals).isPresent();
  }

  public boolean isClaimed(Order order) {
    return order.handler().isPresent();
  }

  /** The most hours a hold may last (the platform setting hold-max-hours). */
  public long getHoldMaxHours() {
    if (holdMaxHours == null) {
      holdMaxHours =
          settings.all().stream()
              .filter(entry -> entry.setting() == Setting.HOLD_MAX_HOURS)
              .map(entry -> Long.valueOf(entry.value()))
              .findFirst()
              .orElse(Long.valueOf(Setting.HOLD_MAX_HOURS.fallback()));
    }
    return holdMaxHours;
  }

  public Map<String, String> getRefundReasons() {
    return refundReasons;
  }

  public Map<String, String> getHoldReasons() {
    return holdReasons;
  }

  public Map<String, String> getHoldHours() {
    return holdHours;
  }

  /** The refusal to show next to {@code field} of the order's row or forms; null for none. */
  public String refusal(String orderNo, String field) {
    return refusals.get(orderNo + "/" + field);
  }

  public String time(Instant at) {
    return PageMessages.time(at);
  }

  /**
   * When the order is refunded automatically: the ladder's refund step, or the end of a hold when
   * that is later (the ladder waits for it); before the refund step, the order's deadline; nothing
   * when the ladder has ended.
   */
  public String autoRefund(Order order) {
    Optional<LadderStep> step = order.ladderStep();
    if (step.isEmpty()) {
      return "—";
    }
    Instant at =
        step.get() == LadderStep.AUTO_REFUND
            ? order.ladderDue().orElse(null)
            : order.deadline().orElse(null);
    Instant holdEnd = order.holdUntil().orElse(null);
    if (at == null || holdEnd != null && holdEnd.isAfter(at)) {
      at = holdEnd;
    }
    return at == null ? "—" : time(at);
  }

  /** The voucher in words (amount, code, who pays for it); a dash for none. */
  public String voucher(PoolEntry entry) {
    if (entry.voucher().isEmpty()) {
      return "—";
    }
    CompensationVoucher voucher = entry.voucher().get();
    return voucher
        .chargedTo()
        .map(
            merchant ->
                PageMessages.text(
                    "pool.voucher.merchant",
                    voucher.amount().toPlainString(),
                    voucher.code(),
                    merchant))
        .orElseGet(
            () ->
                PageMessages.text(
                    "pool.voucher.platform", voucher.amount().toPlainString(), voucher.code()));
  }

  public void claim(String orderNo) {
    start();
    try {
      pool.claim(orderNo);
      PageMessages.info(PageMessages.text("pool.done.claimed", orderNo));
    } catch (BusinessException refused) {
      refuse(orderNo, "claim", false, PageMessages.refusal(refused));
    }
  }

  public void claimNext() {
    start();
    try {
      pool.claimNext()
          .ifPresentOrElse(
              entry ->
                  PageMessages.info(
                      PageMessages.text("pool.done.claimed", entry.order().orderNo())),
              () -> PageMessages.info(PageMessages.text("pool.empty")));
    } catch (BusinessException refused) {
      PageMessages.error(PageMessages.refusal(refused));
    }
  }

  public void redispatch(String orderNo) {
    start();
    try {
      pool.redispatch(orderNo);
      PageMessages.info(PageMessages.text("pool.done.redispatched", orderNo));
    } catch (BusinessException refused) {
      refuse(orderNo, "redispatch", true, PageMessages.refusal(refused));
    }
  }

  public void refund(String orderNo) {
    start();
    try {
      pool.refund(orderNo, refundReasons.get(orderNo));
      refundReasons.remove(orderNo);
      PageMessages.info(PageMessages.text("pool.done.refunded", orderNo));
    } catch (BusinessException refused) {
      String field = REASON_CODES.contains(refused.code()) ? "refund-reason" : "refund";
      refuse(orderNo, field, true, PageMessages.refusal(refused));
    }
  }

  /** Holds the order for the hours typed, counted from now on the platform clock. */
  public void hold(String orderNo) {
    start();
    Integer hours = wholeHours(holdHours.get(orderNo));
    if (hours == null) {
      refuse(orderNo, "hold-hours", true, PageMessages.text("pool.hold.hoursInvalid"));
      return;
    }
    Instant until = clock.now().plus(Duration.ofHours(hours));
    try {
      pool.hold(orderNo, holdReasons.get(orderNo), until);
      holdReasons.remove(orderNo);
      holdHours.remove(orderNo);
      PageMessages.info(PageMessages.text("pool.done.held", orderNo, time(until)));
    } catch (BusinessException refused) {
      String code = refused.code();
      String field =
          REASON_CODES.contains(code)
              ? "hold-reason"
              : HOURS_CODES.contains(code) ? "hold-hours" : "hold";
      refuse(orderNo, field, true, PageMessages.refusal(refused));
    }
  }

  /** Every action starts afresh: no refusals of before, the rows read again after it. */
  private void start() {
    refusals.clear();
    entries = null;
  }

  private static Integer wholeHours(String typed) {
    try {
      return Integer.valueOf(typed == null ? "" : typed.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Shows the refusal next to the field when the order is still shown where that field is (its row,
   * or its forms among the admin's orders); otherwise for the whole page, naming the order.
   */
  private void refuse(String orderNo, String field, boolean inMine, String text) {
    List<PoolEntry> shown = inMine ? getMine() : getEntries();
    if (shown.stream().anyMatch(entry -> entry.order().orderNo().equals(orderNo))) {
      refusals.put(orderNo + "/" + field, text);
    } else {
      PageMessages.error(PageMessages.text("orders.refusedAbout", orderNo, text));
    }
  }
}
