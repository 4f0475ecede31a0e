package io.kameng.order.boundary;

import io.kameng.catalogue.control.BuyerInputRules;
import io.kameng.catalogue.control.ProductRegistry;
import io.kameng.catalogue.entity.FieldError;
import io.kameng.catalogue.entity.Product;
import io.kameng.order.control.AccessTokens;
import io.kameng.order.control.OrderBook;
import io.kameng.order.control.OrderBook.KnownKey;
import io.kameng.order.control.OrderNumbers;
import io.kameng.order.control.OrderSettings;
import io.kameng.order.control.RequestKeySeal;
import io.kameng.order.entity.IdempotencyKeyReusedException;
import io.kameng.order.entity.InvalidOrderException;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderCorrected;
import io.kameng.order.entity.OrderRequest;
import io.kameng.order.entity.OrderState;
import io.kameng.order.entity.Submission;
import io.kameng.order.entity.Submission.Outcome;
import io.kameng.platform.boundary.PlatformClock;
import io.kameng.platform.control.Digests;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a buyer does with orders: place one, follow it, cancel it before paying, correct the
 * recipient. Guests prove an order is theirs with the access token they got when placing it; a
 * wrong token is answered exactly like an unknown order number.
 */
@Stateless
public class Orders {

  /** The longest Idempotency-Key accepted. */
  public static final int IDEMPOTENCY_KEY_MAX = 255;

  /** The request field an Idempotency-Key error is reported on. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  @Inject OrderBook book;
  @Inject ProductRegistry products;
  @Inject PlatformClock clock;
  @Resource SessionContext context;

  @Inject Event<OrderCorrected> corrected;

  /**
   * Places an order at the product's price. With an Idempotency-Key the same key and request answer
   * the order it made for 24 hours (also to concurrent requests, which wait for the first), and a
   * different request with the key is refused. Without a key, the same product, quantity and input
   * within 60 seconds answer the earlier order while it is unpaid. Wrong input is refused field by
   * field and nothing is stored.
   *
   * @param idempotencyKey the client's key, or null
   * @param buyerIp the buyer's address as the server saw it, kept for the risk rules
   */
  @PermitAll
  public Submission submit(@NotNull OrderRequest request, String idempotencyKey, String buyerIp) {
    Instant now = clock.now();
    if (idempotencyKey == null) {
      return submitOnce(request, buyerIp, now);
    }
    if (!isWellFormedKey(idempotencyKey)) {
      throw new InvalidOrderException(
          List.of(new FieldError(IDEMPOTENCY_KEY, FieldError.MALFORMED)));
    }
    String keyHash = Digests.sha256Hex("key:" + idempotencyKey);
    String requestHash = request.fingerprint();
    Instant keyExpiry = now.plus(OrderSettings.IDEMPOTENCY_RETENTION);
    Optional<KnownKey> known = book.claimKey(keyHash, requestHash, null, now, keyExpiry);
    if (known.isPresent()) {
      KnownKey key = known.get();
      if (!key.isExpired(now)) {
        if (!key.requestHash().equals(requestHash)) {
          throw new IdempotencyKeyReusedException();
        }
        Order order = key.orderId().flatMap(book::byId).orElseThrow();
        return new Submission(
            Outcome.REPLAYED,
            loaded(order),
            key.sealedToken().map(box -> RequestKeySeal.open(box, idempotencyKey)));
      }
      book.renewKey(keyHash, requestHash, now, keyExpiry);
    }
    Orderable orderable = orderable(request);
    String token = AccessTokens.newToken();
    Order order = place(orderable.product(), request, orderable.input(), token, buyerIp, now);
    book.attachKey(keyHash, order.id(), RequestKeySeal.seal(token, idempotencyKey));
    return new Submission(Outcome.CREATED, order, Optional.of(token));
  }

  /**
   * Without a key: the order is placed first and then its repeat key claimed with the order's id in
   * one statement (the common case costs no second write); when an earlier unpaid order within the
   * window holds the key, this transaction rolls back and the earlier order is the answer.
   */
  private Submission submitOnce(OrderRequest request, String buyerIp, Instant now) {
    Orderable orderable = orderable(request);
    Product product = orderable.product();
    Map<String, String> input = orderable.input();
    String repeatHash = new OrderRequest(product.id(), request.quantity(), input).fingerprint();
    String keyHash = Digests.sha256Hex("repeat:" + repeatHash);
    Instant keyExpiry = now.plus(OrderSettings.REPEAT_WINDOW);
    String token = AccessTokens.newToken();
    Order order = place(product, request, input, token, buyerIp, now);
    Optional<KnownKey> known = book.claimKey(keyHash, repeatHash, order.id(), now, keyExpiry);
    if (known.isPresent()) {
      Optional<Order> earlier =
          known
              .filter(key -> !key.isExpired(now))
              .flatMap(KnownKey::orderId)
              .flatMap(book::byId)
              .filter(previous -> previous.state() == OrderState.SUBMITTED);
      if (earlier.isPresent()) {
        context.setRollbackOnly();
        return new Submission(Outcome.REPEATED, loaded(earlier.get()), Optional.empty());
      }
      book.renewKey(keyHash, repeatHash, now, keyExpiry);
      book.attachKey(keyHash, order.id(), null);
    }
    return new Submission(Outcome.CREATED, order, Optional.of(token));
  }

  /** The order with this number if the token is its access token, with its timeline. */
  @PermitAll
  public Order find(@NotNull String orderNo, String accessToken) {
    return loaded(book.owned(orderNo, accessToken));
  }

  /** The buyer cancels an unpaid order. */
  @PermitAll
  public Order cancel(@NotNull String orderNo, String accessToken) {
    Order order = book.owned(orderNo, accessToken);
    order.cancelByBuyer(clock.now());
    return loaded(order);
  }

  /**
   * The buyer corrects the recipient fields of an order that is not being delivered yet: checked by
   * the same rules as a new order, recorded on the timeline, and verified again.
   */
  @PermitAll
  public Order correctInput(
      @NotNull String orderNo, String accessToken, @NotNull Map<String, String> input) {
    Order order = book.owned(orderNo, accessToken);
    Product product = products.byId(order.productId()).orElseThrow();
    BuyerInputRules.Checked checked = BuyerInputRules.check(product.requirements(), input);
    if (!checked.isValid()) {
      throw new InvalidOrderException(checked.errors());
    }
    Instant now = clock.now();
    boolean waited = order.state() == OrderState.AWAITING_BUYER;
    order.correctInput(
        checked.input(), now, now.plus(OrderSettings.VERIFICATION_TIME), OrderSettings.ladder());
    if (waited) {
      corrected.fire(new OrderCorrected(order.id()));
    }
    return loaded(order);
  }

  /** A request that passed every rule: its product and the buyer's input, normalised. */
  private record Orderable(Product product, Map<String, String> input) {}

  /**
   * The product, if it exists, is on sale and takes this quantity, with the input checked and
   * normalised; else all the errors at once.
   */
  private Orderable orderable(OrderRequest request) {
    Optional<Product> found = products.forOrdering(request.productId());
    List<FieldError> errors = new ArrayList<>();
    if (found.isEmpty()) {
      throw new InvalidOrderException(
          List.of(new FieldError("productId", FieldError.UNKNOWN_PRODUCT)));
    }
    Product product = found.get();
    if (!product.isOnSale()) {
      errors.add(new FieldError("productId", FieldError.NOT_ON_SALE));
    }
    if (request.quantity() < product.minQuantity() || request.quantity() > product.maxQuantity()) {
      errors.add(
          new FieldError(
              "quantity",
              FieldError.OUT_OF_RANGE,
              List.of(product.minQuantity(), product.maxQuantity())));
    }
    BuyerInputRules.Checked checked =
        BuyerInputRules.check(product.requirements(), request.input());
    errors.addAll(checked.errors());
    if (!errors.isEmpty()) {
      throw new InvalidOrderException(errors);
    }
    return new Orderable(product, checked.input());
  }

  private Order place(
      Product product,
      OrderRequest request,
      Map<String, String> input,
      String token,
      String buyerIp,
      Instant now) {
    // Ten random digits a day: a clash is left to the unique constraint (the request is retried).
    Order order =
        Order.place(
            new Order.Placement(
                OrderNumbers.next(now),
                AccessTokens.hash(token),
                product,
                request.quantity(),
                input,
                buyerIp,
                now,
                now.plus(OrderSettings.unpaidExpiry())));
    book.add(order);
    return order;
  }

  private static Order loaded(Order order) {
    order.timeline().size();
    order.notices().size();
    return order;
  }

  static boolean isWellFormedKey(String key) {
    return !key.isEmpty()
        && key.length() <= IDEMPOTENCY_KEY_MAX
        && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }
}
