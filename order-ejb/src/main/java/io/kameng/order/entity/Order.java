package io.kameng.order.entity;

import io.kameng.catalogue.entity.Product;
import io.kameng.catalogue.entity.ProductType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A buyer's order, the aggregate every other part of Kameng acts on.
 *
 * <p>Life cycle: {@link #place placed} as {@link OrderState#SUBMITTED} with the buyer as owner and
 * the payment deadline as deadline; then paid, verified, possibly reviewed or sent back to the
 * buyer, fulfilled, completed; or cancelled (by the buyer, or by the unpaid expiry), or refunded.
 * Every change goes through an intention-named method that checks the state machine ({@link
 * OrderState}), refuses what it does not allow with an {@link OrderStateException} and changes
 * nothing then, and appends one event to the timeline. While the order is not settled it always has
 * an owner and a deadline; {@link #markLate} adds the cause of a delay. The price was computed from
 * the product when the order was placed and never comes from the buyer.
 */
@Entity
@Table(name = "customer_order")
@NamedQuery(name = Order.BY_NUMBER, query = "SELECT o FROM Order o WHERE o.orderNo = :orderNo")
public class Order {

  public static final String BY_NUMBER = "Order.byNumber";

  /** States in which the buyer may still correct their input: nothing is being delivered yet. */
  private static final Set<OrderState> CORRECTABLE =
      EnumSet.of(
          OrderState.SUBMITTED, OrderState.PAID, OrderState.VERIFYING, OrderState.AWAITING_BUYER);

  /**
   * The order number's digits as a number: unique like the number, known before the insert, so
   * storing an order needs no round trip to ask the database for a generated key.
   */
  @Id private Long id;

  @Column(name = "order_no", nullable = false, updatable = false, length = 24)
  private String orderNo;

  @Column(name = "access_token_hash", nullable = false, updatable = false, length = 64)
  private String accessTokenHash;

  @Column(name = "product_id", nullable = false, updatable = false)
  private Long productId;

  @Column(name = "product_name_zh", nullable = false, updatable = false, length = 100)
  private String productNameZh;

  @Column(name = "product_name_en", nullable = false, updatable = false, length = 100)
  private String productNameEn;

  @Enumerated(EnumType.STRING)
  @Column(name = "product_type", nullable = false, updatable = false, length = 20)
  private ProductType productType;

  @Column(name = "unit_price", nullable = false, updatable = false, precision = 19, scale = 2)
  private BigDecimal unitPrice;

  @Column(nullable = false, updatable = false)
  private int quantity;

  @Column(nullable = false, updatable = false, precision = 19, scale = 2)
  private BigDecimal amount;

  @Convert(converter = BuyerInputConverter.class)
  @Column(name = "buyer_input", nullable = false, length = 2000)
  private Map<String, String> buyerInput;

  @Column(name = "buyer_ip", updatable = false, length = 45)
  private String buyerIp;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private OrderState state;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private OrderOwner owner;

  @Column private Instant deadline;

  @Column(name = "expected_at")
  private Instant expectedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "stuck_reason", length = 20)
  private StuckReason stuckReason;

  /** The merchant who holds the order (merchant channel); none while it is in the grab pool. */
  @Column(length = 64)
  private String merchant;

  @Enumerated(EnumType.STRING)
  @Column(name = "merchant_step", length = 20)
  private MerchantStep merchantStep;

  /** Who the buyer is for the risk rules: their contact, else phone number, else game account. */
  @Column(name = "buyer_key", length = 254)
  private String buyerKey;

  /** When the ladder's clock started: the payment, or the buyer's correction. */
  @Column(name = "ladder_from")
  private Instant ladderFrom;

  /** The ladder's next step; none while the order is unpaid, waits for the buyer, or is settled. */
  @Enumerated(EnumType.STRING)
  @Column(name = "ladder_step", length = 20)
  private LadderStep ladderStep;

  @Column(name = "ladder_due")
  private Instant ladderDue;

  /** The person at the platform who claimed the order (a reviewer, or an admin in the pool). */
  @Column(length = 64)
  private String handler;

  /** 1 for the first review, 2 for the senior review. */
  @Column(name = "review_level")
  private Integer reviewLevel;

  @Column(name = "hold_until")
  private Instant holdUntil;

  @Column(name = "hold_reason", length = 500)
  private String holdReason;

  /** When the order went to the exception pool (a person at the platform owns it). */
  @Column(name = "escalated_at")
  private Instant escalatedAt;

  @Column(name = "payment_deadline", nullable = false, updatable = false)
  private Instant paymentDeadline;

  @Column(name = "submitted_at", nullable = false, updatable = false)
  private Instant submittedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
  @OrderBy("occurredAt ASC, seq ASC, id ASC")
  private List<OrderEvent> timeline = new ArrayList<>();

  @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
  @OrderBy("id ASC")
  private List<OrderNotice> notices = new ArrayList<>();

  /** Events recorded through this instance: their order among events of the same time. */
  @Transient private int recorded;

  protected Order() {}

  /**
   * What a new order is made of; the input is already checked and normalised by the buyer input
   * rules.
   */
  public record Placement(
      String orderNo,
      String accessTokenHash,
      Product product,
      int quantity,
      Map<String, String> buyerInput,
      String buyerIp,
      Instant now,
      Instant paymentDeadline) {

    public Placement {
      Objects.requireNonNull(orderNo, "Order number is required.");
      Objects.requireNonNull(accessTokenHash, "Access token hash is required.");
      Objects.requireNonNull(product, "Product is required.");
      Objects.requireNonNull(buyerInput, "Buyer input is required.");
      Objects.requireNonNull(now, "Time is required.");
      Objects.requireNonNull(paymentDeadline, "Payment deadline is required.");
      if (quantity < 1) {
        throw new IllegalArgumentException("Quantity must be at least 1.");
      }
    }
  }

  /** A new order waiting for the buyer's payment until the payment deadline. */
  public static Order place(Placement placement) {
    Order order = new Order();
    Product product = placement.product();
    order.orderNo = placement.orderNo();
    order.id = Long.valueOf(placement.orderNo());
    order.accessTokenHash = placement.accessTokenHash();
    order.productId = product.id();
    order.productNameZh = product.nameZh();
    order.productNameEn = product.nameEn();
    order.productType = product.type();
    order.unitPrice = product.price();
    order.quantity = placement.quantity();
    order.amount = product.price().multiply(BigDecimal.valueOf(placement.quantity()));
    order.buyerInput = Collections.unmodifiableMap(new LinkedHashMap<>(placement.buyerInput()));
    order.buyerIp = placement.buyerIp();
    order.buyerKey = buyerKeyOf(order.buyerInput);
    order.submittedAt = placement.now();
    order.paymentDeadline = placement.paymentDeadline();
    order.state = OrderState.SUBMITTED;
    order.owner = OrderOwner.BUYER;
    order.deadline = placement.paymentDeadline();
    order.expectedAt = placement.paymentDeadline();
    order.updatedAt = placement.now();
    order.record(placement.now(), OrderEvent.BUYER, OrderEventType.SUBMITTED, null);
    return order;
  }

  /** Whether the buyer may still cancel: only before paying. */
  public boolean isCancellableByBuyer() {
    return state == OrderState.SUBMITTED;
  }

  /** Whether the buyer can be sent to pay: unpaid and before the payment deadline. */
  public boolean isPayable(Instant now) {
    return state == OrderState.SUBMITTED && now.isBefore(paymentDeadline);
  }

  /** Whether the buyer may still correct the recipient fields: until delivery starts. */
  public boolean acceptsInputCorrection() {
    return CORRECTABLE.contains(state);
  }

  /**
   * The buyer was sent to the payment gateway: the gateway's confirmation is awaited, expected by
   * {@code confirmationExpected} (the first active query); the payment deadline stays.
   */
  public void sentToPay(Instant now, Instant confirmationExpected) {
    if (state != OrderState.SUBMITTED) {
      throw refused("order.cannotPay", "Only an unpaid order is paid.");
    }
    owner = OrderOwner.PAYMENT_GATEWAY;
    expectedAt =
        confirmationExpected.isBefore(paymentDeadline) ? confirmationExpected : paymentDeadline;
    updatedAt = now;
    record(now, OrderEvent.BUYER, OrderEventType.SENT_TO_PAY, null);
  }

  /**
   * The gateway could not be asked whether the buyer paid (down, hanging, circuit open): the buyer
   * is told the payment is not confirmed yet and when it is asked again. The first time is on the
   * timeline; the payment deadline (and so the unpaid expiry) stays.
   */
  public void paymentUnconfirmed(Instant now, Instant askedAgainAt) {
    if (state != OrderState.SUBMITTED) {
      throw refused("order.cannotMove", "Only an unpaid order waits for a payment confirmation.");
    }
    boolean first = stuckReason != StuckReason.PAYMENT_SYNC;
    stuckReason = StuckReason.PAYMENT_SYNC;
    expectedAt = Objects.requireNonNull(askedAgainAt, "When it is asked again is required.");
    updatedAt = now;
    if (first) {
      record(now, OrderEvent.SYSTEM, OrderEventType.MARKED_LATE, StuckReason.PAYMENT_SYNC.name());
    }
  }

  /**
   * The gateway answered again and the buyer has not paid (yet): no longer late; the confirmation
   * is expected by the next query, at the latest by the payment deadline. Answers whether anything
   * changed.
   */
  public boolean paymentConfirmationResumed(Instant now, Instant nextQuery) {
    if (state != OrderState.SUBMITTED || stuckReason != StuckReason.PAYMENT_SYNC) {
      return false;
    }
    stuckReason = null;
    expectedAt = nextQuery.isBefore(paymentDeadline) ? nextQuery : paymentDeadline;
    updatedAt = now;
    return true;
  }

  /** The buyer changes their mind before paying. */
  public void cancelByBuyer(Instant now) {
    if (!isCancellableByBuyer()) {
      throw refused("order.cannotCancel", "Only an unpaid order can be cancelled.");
    }
    settle(OrderState.CANCELLED, OrderEventType.CANCELLED_BY_BUYER, OrderEvent.BUYER, null, now);
  }

  /** The payment deadline passed without a payment. */
  public void expireUnpaid(Instant now) {
    if (state != OrderState.SUBMITTED || now.isBefore(paymentDeadline)) {
      throw refused("order.notExpired", "Only an unpaid order past its payment deadline expires.");
    }
    settle(
        OrderState.CANCELLED,
        OrderEventType.EXPIRED_UNPAID,
        OrderEvent.SYSTEM,
        "unpaid at the payment deadline " + paymentDeadline,
        now);
  }

  /**
   * The buyer corrects the recipient fields (already checked by the buyer input rules) while
   * nothing is being delivered. An order that waited for the correction goes back to verification,
   * with the platform as owner until {@code verifyBy}.
   */
  public void correctInput(
      Map<String, String> correctedInput, Instant now, Instant verifyBy, LadderTimes ladder) {
    Objects.requireNonNull(correctedInput, "Corrected input is required.");
    Objects.requireNonNull(verifyBy, "Verification deadline is required.");
    if (!acceptsInputCorrection()) {
      throw refused("order.cannotCorrect", "The input can no longer be changed.");
    }
    String before = buyerInput.toString();
    buyerInput = Collections.unmodifiableMap(new LinkedHashMap<>(correctedInput));
    buyerKey = buyerKeyOf(buyerInput);
    if (state == OrderState.AWAITING_BUYER) {
      moveTo(
          OrderState.VERIFYING,
          OrderEventType.INPUT_CORRECTED,
          OrderEvent.BUYER,
          "was " + before,
          OrderOwner.PLATFORM,
          verifyBy,
          verifyBy,
          now);
      startLadder(now, ladder);
    } else {
      record(now, OrderEvent.BUYER, OrderEventType.INPUT_CORRECTED, "was " + before);
      updatedAt = now;
    }
  }

  /**
   * The payment arrived (also after the unpaid expiry: a late payment is honoured). The platform
   * owns the order until {@code verifyBy}.
   */
  public void recordPayment(Instant now, String actor, Instant verifyBy, LadderTimes ladder) {
    moveTo(
        OrderState.PAID,
        OrderEventType.PAID,
        actor,
        null,
        OrderOwner.PLATFORM,
        verifyBy,
        verifyBy,
        now);
    startLadder(now, ladder);
    tell(NoticeKind.PAID, now);
  }

  /**
   * A payment arrived after the order expired unpaid, within the time a late payment is honoured:
   * the order resumes as paid, and the timeline says so.
   */
  public void recordLatePayment(Instant now, String actor, Instant verifyBy, LadderTimes ladder) {
    if (state != OrderState.CANCELLED) {
      throw refused("order.cannotMove", "Only an expired order takes a late payment.");
    }
    moveTo(
        OrderState.PAID,
        OrderEventType.PAID_LATE,
        actor,
        "paid after the payment deadline " + paymentDeadline,
        OrderOwner.PLATFORM,
        verifyBy,
        verifyBy,
        now);
    startLadder(now, ladder);
    tell(NoticeKind.PAID, now);
  }

  /**
   * A second payment arrived for an order already paid: it is being refunded. A money fact on the
   * timeline; the order's state does not change.
   */
  public void extraPaymentReceived(Instant now, String amount) {
    if (!state.isPaid()) {
      throw refused("order.cannotMove", "Only a paid order can receive an extra payment.");
    }
    updatedAt = now;
    record(now, OrderEvent.PAYMENT_GATEWAY, OrderEventType.EXTRA_PAYMENT_REFUNDING, amount);
  }

  /** A payment came too long after the order expired unpaid: it is being refunded. */
  public void latePaymentRefused(Instant now, String amount) {
    if (state != OrderState.CANCELLED) {
      throw refused("order.cannotMove", "Only an expired order refuses a late payment.");
    }
    updatedAt = now;
    record(now, OrderEvent.PAYMENT_GATEWAY, OrderEventType.LATE_PAYMENT_REFUNDING, amount);
  }

  /**
   * Part of the money goes back while the order goes on (or stays completed): a money fact on the
   * timeline; the order's state does not change.
   */
  public void partRefundRequested(Instant now, String actor, String amount) {
    if (!acceptsPartRefund()) {
      throw refused("order.cannotRefund", "Only a paid order not being refunded refunds a part.");
    }
    updatedAt = now;
    record(now, actor, OrderEventType.PART_REFUND_REQUESTED, amount);
  }

  /** Whether part of the payment can go back: paid, and not being refunded in full. */
  public boolean acceptsPartRefund() {
    return state.isPaid() && state != OrderState.REFUNDING && state != OrderState.REFUNDED;
  }

  /** The gateway confirmed a refund of {@code amount} to the buyer. */
  public void paymentRefunded(Instant now, String amount) {
    updatedAt = now;
    record(now, OrderEvent.SYSTEM, OrderEventType.PAYMENT_REFUNDED, amount);
  }

  /** The platform starts (or restarts) its checks: input, risk rules, stock and channel. */
  public void startVerification(Instant now, Instant verifyBy) {
    if (state != OrderState.PAID && state != OrderState.AWAITING_BUYER) {
      throw refused("order.cannotMove", "Only a paid order starts its checks.");
    }
    moveTo(
        OrderState.VERIFYING,
        OrderEventType.VERIFICATION_STARTED,
        OrderEvent.SYSTEM,
        null,
        OrderOwner.PLATFORM,
        verifyBy,
        verifyBy,
        now);
  }

  /** A risk rule parked the order for a reviewer, who has until {@code reviewBy}. */
  public void sendToReview(Instant now, String reason, Instant reviewBy) {
    moveTo(
        OrderState.IN_REVIEW,
        OrderEventType.SENT_TO_REVIEW,
        OrderEvent.SYSTEM,
        reason,
        OrderOwner.RISK_REVIEW,
        reviewBy,
        reviewBy,
        now);
    reviewLevel = 1;
    tell(NoticeKind.UNDER_REVIEW, now);
  }

  /** The input turned out wrong (for example no such game account); the buyer has until then. */
  public void askBuyerToCorrect(Instant now, String actor, String reason, Instant correctBy) {
    moveTo(
        OrderState.AWAITING_BUYER,
        OrderEventType.BUYER_ASKED_TO_CORRECT,
        actor,
        reason,
        OrderOwner.BUYER,
        correctBy,
        correctBy,
        now);
    stuckReason = StuckReason.USER_INPUT;
    // The buyer's time is not the platform's delay: the ladder waits and restarts on correction.
    ladderStep = null;
    ladderDue = null;
    tell(NoticeKind.ACTION_NEEDED, now);
  }

  /** Delivery starts: {@code owner} (stock, supplier or merchant) must finish by the deadline. */
  public void startFulfilment(
      Instant now, String actor, OrderOwner owner, Instant deadline, Instant expectedAt) {
    moveTo(
        OrderState.FULFILLING,
        OrderEventType.FULFILMENT_STARTED,
        actor,
        null,
        owner,
        deadline,
        expectedAt,
        now);
  }

  /**
   * Paid and checked, but the stock it is delivered from is empty: the stock owns the order until
   * {@code restockBy}, and the buyer is told it waits for a restock.
   */
  public void awaitRestock(Instant now, Instant restockBy) {
    moveTo(
        OrderState.FULFILLING,
        OrderEventType.OUT_OF_STOCK,
        OrderEvent.SYSTEM,
        null,
        OrderOwner.STOCK,
        restockBy,
        restockBy,
        now);
    stuckReason = StuckReason.OUT_OF_STOCK;
  }

  /** Whether the order waits for its stock to be refilled. */
  public boolean isWaitingForStock() {
    return state == OrderState.FULFILLING && stuckReason == StuckReason.OUT_OF_STOCK;
  }

  /**
   * Only {@code delivered} of the {@code ordered} items could be delivered; the rest of the money
   * goes back (a money fact of its own). On the timeline; the order is then completed.
   */
  public void deliveredInPart(Instant now, String actor, int delivered, int ordered) {
    if (state != OrderState.FULFILLING || delivered <= 0 || delivered >= ordered) {
      throw refused("order.cannotMove", "Only an order being delivered is delivered in part.");
    }
    updatedAt = now;
    record(now, actor, OrderEventType.DELIVERED_IN_PART, delivered + "/" + ordered);
  }

  /**
   * Nobody can deliver the order on their own (no supplier took it, a result did not add up): a
   * person at the platform owns it until {@code handleBy} (the exception pool), and the buyer is
   * told it is delayed and why.
   */
  public void handToPlatform(Instant now, StuckReason reason, String note, Instant handleBy) {
    if (state != OrderState.FULFILLING) {
      throw refused("order.cannotMove", "Only an order being delivered goes to the platform.");
    }
    owner = OrderOwner.PLATFORM;
    merchant = null;
    merchantStep = null;
    stuckReason = Objects.requireNonNull(reason, "A reason is required.");
    deadline = Objects.requireNonNull(handleBy, "A deadline is required.");
    expectedAt = handleBy;
    updatedAt = now;
    escalatedAt = now;
    handler = null;
    record(now, OrderEvent.SYSTEM, OrderEventType.HANDED_TO_PLATFORM, note);
    tell(NoticeKind.ESCALATED, now);
  }

  /** Another supplier takes the recharge over (the last one failed or could not be asked). */
  public void handToSupplier(Instant now, String supplier, Instant supplyBy) {
    if (state != OrderState.FULFILLING) {
      throw refused("order.cannotMove", "Only an order being delivered changes supplier.");
    }
    owner = OrderOwner.SUPPLIER;
    stuckReason = null;
    deadline = Objects.requireNonNull(supplyBy, "A deadline is required.");
    expectedAt = supplyBy;
    updatedAt = now;
    record(now, OrderEvent.SYSTEM, OrderEventType.SUPPLIER_CHANGED, supplier);
  }

  /**
   * The product's designated merchant gets the order and must accept it by {@code acceptBy}; the
   * order is being delivered, owned by the merchant.
   */
  public void assignToMerchant(Instant now, String merchant, Instant acceptBy) {
    Objects.requireNonNull(merchant, "A merchant is required.");
    moveTo(
        OrderState.FULFILLING,
        OrderEventType.MERCHANT_ASSIGNED,
        OrderEvent.SYSTEM,
        null,
        OrderOwner.MERCHANT,
        acceptBy,
        acceptBy,
        now);
    this.merchant = merchant;
    this.merchantStep = MerchantStep.ASSIGNED;
  }

  /**
   * The order is offered to the merchants' grab pool until {@code poolBy}: a checked order that no
   * designated merchant takes, or one no supplier could recharge. {@code why} goes on the timeline.
   */
  public void offerToPool(Instant now, String why, Instant poolBy) {
    if (state == OrderState.FULFILLING) {
      changeHands(now, OrderEvent.SYSTEM, OrderEventType.OFFERED_TO_POOL, why, poolBy);
    } else {
      moveTo(
          OrderState.FULFILLING,
          OrderEventType.OFFERED_TO_POOL,
          OrderEvent.SYSTEM,
          why,
          OrderOwner.MERCHANT,
          poolBy,
          poolBy,
          now);
    }
  }

  /** Whether the order waits in the merchants' grab pool. */
  public boolean isInPool() {
    return state == OrderState.FULFILLING && owner == OrderOwner.MERCHANT && merchant == null;
  }

  /** Whether {@code merchant} holds the order now. */
  public boolean isHeldBy(String merchant) {
    return state == OrderState.FULFILLING
        && owner == OrderOwner.MERCHANT
        && this.merchant != null
        && this.merchant.equals(merchant);
  }

  /** A merchant takes the order from the grab pool and must accept it by {@code acceptBy}. */
  public void claimFromPool(Instant now, String merchant, Instant acceptBy) {
    if (!isInPool()) {
      throw refused("order.notInPool", "Only an order in the grab pool can be claimed.");
    }
    changeHands(
        now, OrderEvent.merchant(merchant), OrderEventType.MERCHANT_CLAIMED, null, acceptBy);
    this.merchant = merchant;
    this.merchantStep = MerchantStep.CLAIMED;
  }

  /** The merchant holding the order commits to deliver it by {@code fulfilBy}. */
  public void acceptByMerchant(Instant now, String merchant, Instant fulfilBy) {
    if (!isHeldBy(merchant) || merchantStep == MerchantStep.ACCEPTED) {
      throw refused("order.notAcceptable", "Only an order assigned or claimed can be accepted.");
    }
    changeHands(
        now, OrderEvent.merchant(merchant), OrderEventType.MERCHANT_ACCEPTED, null, fulfilBy);
    this.merchant = merchant;
    this.merchantStep = MerchantStep.ACCEPTED;
  }

  /**
   * The merchant holding the order lets it go back to the grab pool until {@code poolBy}: it sent
   * it back ({@link OrderEventType#MERCHANT_REJECTED}), missed a deadline ({@link
   * OrderEventType#MERCHANT_TIMED_OUT}) or went offline before accepting ({@link
   * OrderEventType#MERCHANT_WENT_OFFLINE}).
   */
  public void releaseToPool(
      Instant now, String actor, OrderEventType why, String note, Instant poolBy) {
    if (owner != OrderOwner.MERCHANT || merchant == null || state != OrderState.FULFILLING) {
      throw refused("order.notHeld", "Only an order a merchant holds goes back to the pool.");
    }
    changeHands(now, actor, why, note, poolBy);
  }

  /** The merchant holding the order delivered it (after accepting it). */
  public void deliveredByMerchant(Instant now, String merchant) {
    if (!isHeldBy(merchant) || merchantStep != MerchantStep.ACCEPTED) {
      throw refused("order.notAccepted", "Only an accepted order can be delivered.");
    }
    settle(
        OrderState.COMPLETED, OrderEventType.COMPLETED, OrderEvent.merchant(merchant), null, now);
    tell(NoticeKind.FULFILLED, now);
  }

  /** Within the merchant channel: into (or back to) the pool, or to a merchant's next step. */
  private void changeHands(
      Instant now, String actor, OrderEventType event, String note, Instant newDeadline) {
    owner = OrderOwner.MERCHANT;
    merchant = null;
    merchantStep = null;
    stuckReason = null;
    deadline = Objects.requireNonNull(newDeadline, "A deadline is required.");
    expectedAt = newDeadline;
    updatedAt = now;
    record(now, actor, event, note);
  }

  /** Delivered in full. */
  public void complete(Instant now, String actor) {
    if (!state.mayMoveTo(OrderState.COMPLETED)) {
      throw refused("order.cannotMove", "The order cannot be completed now.");
    }
    settle(OrderState.COMPLETED, OrderEventType.COMPLETED, actor, null, now);
    tell(NoticeKind.FULFILLED, now);
  }

  /** The money goes back to the buyer; the platform owns the refund until {@code refundBy}. */
  public void startRefund(Instant now, String actor, String reason, Instant refundBy) {
    moveTo(
        OrderState.REFUNDING,
        OrderEventType.REFUND_STARTED,
        actor,
        Objects.requireNonNull(reason, "A refund needs a reason."),
        OrderOwner.PLATFORM,
        refundBy,
        refundBy,
        now);
    endLadder();
    tell(NoticeKind.REFUNDING, now);
  }

  /** The gateway confirmed the refund. */
  public void confirmRefund(Instant now) {
    if (!state.mayMoveTo(OrderState.REFUNDED)) {
      throw refused("order.cannotMove", "Only a refund under way can be confirmed.");
    }
    settle(OrderState.REFUNDED, OrderEventType.REFUNDED, OrderEvent.SYSTEM, null, now);
    tell(NoticeKind.REFUNDED, now);
  }

  /**
   * The order is late: names the cause and the new deadline and expected time, without changing its
   * state or owner.
   */
  public void markLate(StuckReason reason, Instant now, Instant newDeadline, Instant newExpected) {
    Objects.requireNonNull(reason, "Stuck reason is required.");
    if (state.isFinal()) {
      throw refused("order.cannotMove", "A settled order is not late.");
    }
    stuckReason = reason;
    deadline = Objects.requireNonNull(newDeadline, "Deadline is required.");
    expectedAt = Objects.requireNonNull(newExpected, "Expected time is required.");
    updatedAt = now;
    record(now, OrderEvent.SYSTEM, OrderEventType.MARKED_LATE, reason.name());
  }

  // ---- The escalation ladder, risk review and the exception pool ----

  /** The paid states a person or the ladder can still act on (not waiting for the buyer). */
  private static final Set<OrderState> ESCALATABLE =
      EnumSet.of(
          OrderState.PAID, OrderState.VERIFYING, OrderState.IN_REVIEW, OrderState.FULFILLING);

  private void startLadder(Instant now, LadderTimes ladder) {
    Objects.requireNonNull(ladder, "Ladder times are required.");
    ladderFrom = now;
    ladderStep = LadderStep.DELAY_NOTICE;
    ladderDue = ladder.dueOf(LadderStep.DELAY_NOTICE, now);
  }

  private void endLadder() {
    ladderStep = null;
    ladderDue = null;
  }

  /**
   * The ladder's step was applied: the next one comes at {@code due} (or none: the ladder ends).
   */
  public void climb(Optional<LadderStep> next, Instant due) {
    ladderStep = next.orElse(null);
    ladderDue = next.isPresent() ? Objects.requireNonNull(due, "A due time is required.") : null;
  }

  /** Who or what the order waits for now, as a stuck reason (for the buyer and the KPIs). */
  public StuckReason currentCause() {
    if (stuckReason != null) {
      return stuckReason;
    }
    if (owner == null) {
      return StuckReason.PLATFORM;
    }
    return switch (owner) {
      case BUYER -> StuckReason.USER_INPUT;
      case PAYMENT_GATEWAY -> StuckReason.PAYMENT_SYNC;
      case RISK_REVIEW -> StuckReason.RISK_REVIEW;
      case MERCHANT -> StuckReason.MERCHANT;
      case SUPPLIER -> StuckReason.SUPPLIER;
      case STOCK -> StuckReason.OUT_OF_STOCK;
      case PLATFORM -> StuckReason.PLATFORM;
    };
  }

  /**
   * The ladder's delay notice: the order is late; the buyer is told why ({@code cause}) and that it
   * is now expected by {@code newExpected}. Owner and deadline stay.
   */
  public void noticeDelay(Instant now, StuckReason cause, Instant newExpected) {
    if (!ESCALATABLE.contains(state)) {
      throw refused("order.cannotMove", "Only an open paid order is delayed.");
    }
    stuckReason = Objects.requireNonNull(cause, "A cause is required.");
    if (expectedAt == null || expectedAt.isBefore(newExpected)) {
      expectedAt = newExpected;
    }
    updatedAt = now;
    record(now, OrderEvent.SYSTEM, OrderEventType.DELAYED, cause.name());
    tell(NoticeKind.DELAYED, now);
  }

  /**
   * The ladder's exception pool step: a person at the platform owns the order until {@code
   * handleBy} (the automatic refund). The cause stays (a restock still serves an order out of
   * stock, a supplier's late result still completes it). Nothing happens to an order already there.
   */
  public void escalate(Instant now, StuckReason cause, Instant handleBy) {
    if (!ESCALATABLE.contains(state)) {
      throw refused("order.cannotMove", "Only an open paid order goes to the exception pool.");
    }
    stuckReason = Objects.requireNonNull(cause, "A cause is required.");
    deadline = Objects.requireNonNull(handleBy, "A deadline is required.");
    expectedAt = handleBy;
    updatedAt = now;
    if (isInExceptionPool()) {
      return;
    }
    owner = OrderOwner.PLATFORM;
    merchant = null;
    merchantStep = null;
    handler = null;
    escalatedAt = now;
    record(now, OrderEvent.SYSTEM, OrderEventType.ESCALATED, cause.name());
    tell(NoticeKind.ESCALATED, now);
  }

  /** Whether the ladder and people can act on the order: paid, open, not waiting for the buyer. */
  public boolean isEscalatable() {
    return ESCALATABLE.contains(state);
  }

  /** Whether the order waits in the exception pool for a person at the platform. */
  public boolean isInExceptionPool() {
    return escalatedAt != null && owner == OrderOwner.PLATFORM && ESCALATABLE.contains(state);
  }

  /** Whether the order waits in the review queue (at either level). */
  public boolean isInReview() {
    return state == OrderState.IN_REVIEW && owner == OrderOwner.RISK_REVIEW;
  }

  /** A reviewer takes the order; a second-level order only a senior reviewer. */
  public void claimForReview(Instant now, String reviewer) {
    if (!isInReview()) {
      throw refused("review.notInQueue", "Only an order in the review queue can be claimed.");
    }
    if (handler != null && !handler.equals(reviewer)) {
      throw refused("review.claimedByOther", "Another reviewer has the order.");
    }
    handler = Objects.requireNonNull(reviewer, "A reviewer is required.");
    updatedAt = now;
    record(now, reviewer, OrderEventType.REVIEW_CLAIMED, "level " + reviewLevel);
  }

  /** The reviewer holding the order lets it go on: it is checked on and delivered. */
  public void approveReview(Instant now, String reviewer, String note, Instant verifyBy) {
    requireReviewer(reviewer);
    moveTo(
        OrderState.VERIFYING,
        OrderEventType.REVIEW_APPROVED,
        reviewer,
        note,
        OrderOwner.PLATFORM,
        verifyBy,
        verifyBy,
        now);
    handler = null;
  }

  /** Checks that {@code reviewer} holds the order in review (or it is in the exception pool). */
  public void requireReviewer(String reviewer) {
    boolean reviewing = isInReview() && reviewer.equals(handler);
    boolean pooled =
        state == OrderState.IN_REVIEW && isInExceptionPool() && reviewer.equals(handler);
    if (!reviewing && !pooled) {
      throw refused("review.notYours", "Only the reviewer who claimed the order decides on it.");
    }
  }

  /** The first review was not done in time: a senior reviewer must decide by {@code secondBy}. */
  public void escalateReview(Instant now, Instant secondBy) {
    if (!isInReview() || !Integer.valueOf(1).equals(reviewLevel)) {
      throw refused("order.cannotMove", "Only a first-level review escalates.");
    }
    reviewLevel = 2;
    handler = null;
    stuckReason = StuckReason.RISK_REVIEW;
    deadline = Objects.requireNonNull(secondBy, "A deadline is required.");
    expectedAt = secondBy;
    updatedAt = now;
    record(now, OrderEvent.SYSTEM, OrderEventType.REVIEW_ESCALATED, null);
  }

  /** A person at the platform takes the order from the exception pool. */
  public void claimFromExceptionPool(Instant now, String person) {
    if (!isInExceptionPool()) {
      throw refused("pool.notInPool", "Only an order in the exception pool can be claimed.");
    }
    if (handler != null && !handler.equals(person)) {
      throw refused("pool.claimedByOther", "Another person has the order.");
    }
    handler = Objects.requireNonNull(person, "A person is required.");
    updatedAt = now;
    record(now, person, OrderEventType.POOL_CLAIMED, null);
  }

  /** Checks that {@code person} claimed the order in the exception pool. */
  public void requireHandler(String person) {
    if (!isInExceptionPool() || !person.equals(handler)) {
      throw refused("pool.notYours", "Claim the order in the exception pool first.");
    }
  }

  /**
   * The person holding the order in the exception pool puts it on hold until {@code until} with a
   * reason: no automatic refund before then. The buyer is told the new expected time.
   */
  public void hold(Instant now, String person, String reason, Instant until) {
    requireHandler(person);
    holdUntil = Objects.requireNonNull(until, "A hold needs a deadline.");
    holdReason = Objects.requireNonNull(reason, "A hold needs a reason.");
    deadline = until;
    expectedAt = until;
    updatedAt = now;
    record(now, person, OrderEventType.HELD, reason + " (until " + until + ")");
  }

  /** Whether a person's hold keeps the automatic refund away at {@code now}. */
  public boolean isHeldAt(Instant now) {
    return holdUntil != null && holdUntil.isAfter(now);
  }

  /**
   * The person holding the order sends it to be delivered again: it is verified and dispatched by
   * its product's channel, the platform owning it until {@code verifyBy}. A hold stays.
   */
  public void redispatch(Instant now, String person, Instant verifyBy) {
    requireHandler(person);
    String keeper = handler;
    if (state == OrderState.VERIFYING || state == OrderState.PAID) {
      // Its checks stalled: they run again (the dispatch takes paid and verifying orders alike).
      owner = OrderOwner.PLATFORM;
      stuckReason = null;
      escalatedAt = null;
      deadline = Objects.requireNonNull(verifyBy, "A deadline is required.");
      expectedAt = verifyBy;
      updatedAt = now;
      record(now, person, OrderEventType.REDISPATCHED, null);
      return;
    }
    moveTo(
        OrderState.VERIFYING,
        OrderEventType.REDISPATCHED,
        person,
        null,
        OrderOwner.PLATFORM,
        verifyBy,
        verifyBy,
        now);
    handler = keeper;
  }

  /** The buyer got a credit voucher of {@code amount} for the delay. */
  public void compensated(Instant now, String amount) {
    updatedAt = now;
    record(now, OrderEvent.SYSTEM, OrderEventType.COMPENSATED, amount);
  }

  /**
   * The nightly reconciliation found a difference on the order (for example a supplier that
   * recharged it after it was refunded): noted on the timeline, nothing else changes.
   */
  public void reconciled(Instant now, String note) {
    updatedAt = now;
    record(now, OrderEvent.SYSTEM, OrderEventType.RECONCILED, note);
  }

  private void tell(NoticeKind kind, Instant now) {
    notices.add(new OrderNotice(this, kind, stuckReason, expectedAt, now));
  }

  /** Who the buyer is for the risk rules: the first of contact, phone number, game account. */
  static String buyerKeyOf(Map<String, String> input) {
    for (String field :
        List.of("deliveryContact", "mobileNumber", "gameAccount", "membershipAccount")) {
      String value = input.get(field);
      if (value != null && !value.isBlank()) {
        return value.strip().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return null;
  }

  private void moveTo(
      OrderState target,
      OrderEventType event,
      String actor,
      String reason,
      OrderOwner newOwner,
      Instant newDeadline,
      Instant newExpected,
      Instant now) {
    if (!state.mayMoveTo(target)) {
      throw refused("order.cannotMove", "An order in state " + state + " cannot become " + target);
    }
    owner = Objects.requireNonNull(newOwner, "An open order needs an owner.");
    merchant = null;
    merchantStep = null;
    deadline = Objects.requireNonNull(newDeadline, "An open order needs a deadline.");
    expectedAt = Objects.requireNonNull(newExpected, "An open order needs an expected time.");
    stuckReason = null;
    escalatedAt = null;
    reviewLevel = null;
    state = target;
    updatedAt = now;
    record(now, actor, event, reason);
  }

  /** Into a state where nobody has to act: no owner, no deadline, no stuck reason. */
  private void settle(
      OrderState target, OrderEventType event, String actor, String reason, Instant now) {
    state = target;
    owner = null;
    merchant = null;
    merchantStep = null;
    deadline = null;
    expectedAt = null;
    stuckReason = null;
    escalatedAt = null;
    reviewLevel = null;
    handler = null;
    holdUntil = null;
    holdReason = null;
    endLadder();
    updatedAt = now;
    record(now, actor, event, reason);
  }

  private void record(Instant now, String actor, OrderEventType event, String reason) {
    timeline.add(new OrderEvent(this, now, actor, event, state, reason, ++recorded));
  }

  private OrderStateException refused(String code, String message) {
    return new OrderStateException(
        code, state, message + " (order " + orderNo + ", " + state + ")");
  }

  public Long id() {
    return id;
  }

  public String orderNo() {
    return orderNo;
  }

  public String accessTokenHash() {
    return accessTokenHash;
  }

  public Long productId() {
    return productId;
  }

  public String productNameZh() {
    return productNameZh;
  }

  public String productNameEn() {
    return productNameEn;
  }

  public ProductType productType() {
    return productType;
  }

  public BigDecimal unitPrice() {
    return unitPrice;
  }

  public int quantity() {
    return quantity;
  }

  public BigDecimal amount() {
    return amount;
  }

  public Map<String, String> buyerInput() {
    return buyerInput;
  }

  public Optional<String> buyerIp() {
    return Optional.ofNullable(buyerIp);
  }

  public OrderState state() {
    return state;
  }

  public Optional<OrderOwner> owner() {
    return Optional.ofNullable(owner);
  }

  public Optional<Instant> deadline() {
    return Optional.ofNullable(deadline);
  }

  /** When the current progress node is expected to be done; empty once settled. */
  public Optional<Instant> expectedAt() {
    return Optional.ofNullable(expectedAt);
  }

  public Optional<StuckReason> stuckReason() {
    return Optional.ofNullable(stuckReason);
  }

  /** The merchant who holds the order now (merchant channel). */
  public Optional<String> merchant() {
    return Optional.ofNullable(merchant);
  }

  /** How far the merchant holding the order is. */
  public Optional<MerchantStep> merchantStep() {
    return Optional.ofNullable(merchantStep);
  }

  public Instant paymentDeadline() {
    return paymentDeadline;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }

  /** Every event, oldest first. */
  public List<OrderEvent> timeline() {
    return Collections.unmodifiableList(timeline);
  }

  public Optional<String> buyerKey() {
    return Optional.ofNullable(buyerKey);
  }

  public Optional<Instant> ladderFrom() {
    return Optional.ofNullable(ladderFrom);
  }

  public Optional<LadderStep> ladderStep() {
    return Optional.ofNullable(ladderStep);
  }

  public Optional<Instant> ladderDue() {
    return Optional.ofNullable(ladderDue);
  }

  public Optional<String> handler() {
    return Optional.ofNullable(handler);
  }

  public Optional<Integer> reviewLevel() {
    return Optional.ofNullable(reviewLevel);
  }

  public Optional<Instant> holdUntil() {
    return Optional.ofNullable(holdUntil);
  }

  public Optional<String> holdReason() {
    return Optional.ofNullable(holdReason);
  }

  public Optional<Instant> escalatedAt() {
    return Optional.ofNullable(escalatedAt);
  }

  /** When the latest event of this type happened, if any. */
  public Optional<Instant> lastEvent(OrderEventType type) {
    Instant last = null;
    for (OrderEvent event : timeline) {
      if (event.event() == type) {
        last = event.occurredAt();
      }
    }
    return Optional.ofNullable(last);
  }

  /** The buyer's notices, oldest first. */
  public List<OrderNotice> notices() {
    return Collections.unmodifiableList(notices);
  }

  /** The buyer-facing progress nodes, derived from the timeline. */
  public OrderProgress progress() {
    return OrderProgress.of(this);
  }
}
