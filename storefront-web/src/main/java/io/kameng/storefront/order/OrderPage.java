package io.kameng.storefront.order;

import io.kameng.catalogue.boundary.Catalogue;
import io.kameng.merchants.boundary.MerchantDeliveries;
import io.kameng.order.boundary.Orders;
import io.kameng.order.entity.InvalidOrderException;
import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderNotFoundException;
import io.kameng.order.entity.OrderProgress;
import io.kameng.order.entity.OrderStateException;
import io.kameng.payment.boundary.Payments;
import io.kameng.payment.control.GatewayUnavailableException;
import io.kameng.payment.entity.Refund;
import io.kameng.stock.boundary.CardKeyDelivery;
import io.kameng.storefront.i18n.ShopLanguage;
import io.kameng.storefront.payment.ShopAddress;
import io.kameng.storefront.problem.FieldProblems;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order page ({@code order/view.xhtml?no=…&token=…}): where the order stands in buyer words —
 * progress nodes with their times, who has it, the cause of a delay, the expected time — its
 * timeline, and cancel / correct where allowed. The page refreshes itself when the order changes.
 */
@Named
@ViewScoped
public class OrderPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Times are shown in China time on the server; the browser rewrites them in its own zone. */
  private static final DateTimeFormatter CHINA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  @Inject transient Orders orders;
  @Inject transient Catalogue catalogue;
  @Inject transient Payments payments;
  @Inject transient CardKeyDelivery delivery;
  @Inject transient MerchantDeliveries merchantDeliveries;
  @Inject transient io.kameng.escalation.boundary.Vouchers vouchers;
  @Inject ShopLanguage language;

  private String no;
  private String token;
  private transient Order order;
  private transient List<Refund> refunds;
  private transient List<String> cardKeys;
  private transient String merchantDelivery;
  private boolean notFound;
  private final Map<String, String> input = new LinkedHashMap<>();
  private Map<String, String> errors = Map.of();

  /** Sends the browser to an order's page. */
  static void open(String orderNo, String token) throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(
        external.getRequestContextPath()
            + "/order/view.xhtml?no="
            + URLEncoder.encode(orderNo, StandardCharsets.UTF_8)
            + "&token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  public void load() {
    try {
      order = orders.find(no, token);
      input.clear();
      input.putAll(order.buyerInput());
      notFound = false;
    } catch (OrderNotFoundException e) {
      notFound = true;
    }
  }

  public void cancel() throws IOException {
    try {
      orders.cancel(no, token);
      open(no, token);
    } catch (OrderStateException | OrderNotFoundException refused) {
      refuse(refused.code());
    }
  }

  /** Sends the buyer to the payment gateway; the gateway brings them back to this page. */
  public void pay() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String site =
        request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    String shop = ShopAddress.base(site + request.getContextPath());
    try {
      URI payUrl =
          payments.startPayment(
              no,
              token,
              URI.create(shop + "/api/v1/payments/notify/"),
              URI.create(
                  shop
                      + "/order/view.xhtml?no="
                      + URLEncoder.encode(no, StandardCharsets.UTF_8)
                      + "&token="
                      + URLEncoder.encode(token, StandardCharsets.UTF_8)));
      external.redirect(payUrl.toString());
    } catch (OrderStateException | OrderNotFoundException | GatewayUnavailableException refused) {
      refuse(refused.code());
    }
  }

  public void correct() throws IOException {
    try {
      orders.correctInput(no, token, new LinkedHashMap<>(input));
      open(no, token);
    } catch (InvalidOrderException invalid) {
      Map<String, String> messages = new LinkedHashMap<>();
      invalid
          .errors()
          .forEach(
              error ->
                  messages.putIfAbsent(
                      error.field(), FieldProblems.message(language.language(), error)));
      errors = messages;
    } catch (OrderStateException | OrderNotFoundException refused) {
      refuse(refused.code());
    }
  }

  private void refuse(String code) {
    load();
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR,
                language.language().text("problem." + code + ".title"),
                language.language().text("problem." + code + ".detail")));
  }

  public Order getOrder() {
    if (order == null && !notFound && no != null) {
      load();
    }
    return order;
  }

  public BuyerWords getWords() {
    return new BuyerWords(language.language());
  }

  public List<OrderProgress.Step> getProgress() {
    return getOrder().progress().nodes();
  }

  /** The order's card keys in the clear: this page has the order's access token. */
  public List<String> getCardKeys() {
    if (cardKeys == null) {
      cardKeys = getOrder() == null ? List.of() : delivery.keysOf(no, token);
    }
    return cardKeys;
  }

  /** What the merchant delivered, empty when nothing (read once per request). */
  public String getMerchantDelivery() {
    if (merchantDelivery == null) {
      merchantDelivery =
          getOrder() == null ? "" : merchantDeliveries.deliveryOf(no, token).orElse("");
    }
    return merchantDelivery;
  }

  /** The order's refunds, oldest first (read once per request). */
  public List<Refund> getRefunds() {
    if (refunds == null) {
      refunds = getOrder() == null ? List.of() : payments.refundsOf(no, token);
    }
    return refunds;
  }

  /** The notices the buyer got, newest first. */
  public List<io.kameng.order.entity.OrderNotice> getNotices() {
    if (getOrder() == null) {
      return List.of();
    }
    List<io.kameng.order.entity.OrderNotice> notices =
        new java.util.ArrayList<>(getOrder().notices());
    java.util.Collections.reverse(notices);
    return notices;
  }

  /** The credit voucher for a delay, if the order got one (read once per request). */
  public io.kameng.escalation.entity.CompensationVoucher getVoucher() {
    if (voucher == null) {
      voucher = getOrder() == null ? java.util.Optional.empty() : vouchers.voucherOf(no, token);
    }
    return voucher.orElse(null);
  }

  private java.util.Optional<io.kameng.escalation.entity.CompensationVoucher> voucher;

  public List<OrderEvent> getTimeline() {
    return getOrder().timeline();
  }

  public List<FieldView> getFields() {
    return FieldView.of(catalogue.find(getOrder().productId()).orElseThrow(), language.language());
  }

  public String getProductName() {
    return language.language().isChinese()
        ? getOrder().productNameZh()
        : getOrder().productNameEn();
  }

  /** A time in China time, as the text of a {@code <time>} element the browser localises. */
  public String time(Optional<Instant> time) {
    return time.map(CHINA_TIME::format).orElse("");
  }

  public String at(Instant time) {
    return CHINA_TIME.format(time);
  }

  public String iso(Optional<Instant> time) {
    return time.map(Instant::toString).orElse("");
  }

  public boolean isNotFound() {
    return notFound;
  }

  public String getNo() {
    return no;
  }

  public void setNo(String no) {
    this.no = no;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public Map<String, String> getInput() {
    return input;
  }

  public Map<String, String> getErrors() {
    return errors;
  }
}
