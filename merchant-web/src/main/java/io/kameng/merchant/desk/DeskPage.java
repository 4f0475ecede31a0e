package io.kameng.merchant.desk;

import io.kameng.merchants.boundary.MerchantDesk;
import io.kameng.merchants.entity.HeldOrder;
import io.kameng.merchants.entity.MerchantStatus;
import io.kameng.merchants.entity.MerchantStrike;
import io.kameng.merchants.entity.PoolOrder;
import io.kameng.platform.entity.BusinessException;
import io.kameng.stock.boundary.MerchantStock;
import io.kameng.stock.entity.StockLevel;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Backs the merchant's desk ({@code index.xhtml}): online or offline, the orders in hand with their
 * actions (accept, deliver, send back, ask the buyer to correct), the grab pool to claim from, the
 * strikes of the last 30 days, and a warning when its own card-key stock runs low. Every action
 * goes through {@link MerchantDesk}, which checks the merchant holds the order; a refusal is shown
 * in the merchant's language.
 */
@Named("desk")
@RequestScoped
public class DeskPage {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  @Inject MerchantDesk desk;
  @Inject MerchantStock stock;

  private MerchantStatus status;
  private List<HeldOrder> orders;
  private List<PoolOrder> pool;
  private List<MerchantStrike> strikes;
  private List<StockLevel> lowStock;

  /** Per order number: the text typed into that order's delivery, reason or problem field. */
  private final Map<String, String> texts = new HashMap<>();

  public MerchantStatus getStatus() {
    if (status == null) {
      status = desk.status();
    }
    return status;
  }

  public List<HeldOrder> getOrders() {
    if (orders == null) {
      orders = desk.myOrders();
    }
    return orders;
  }

  public List<PoolOrder> getPool() {
    if (pool == null) {
      pool = desk.pool();
    }
    return pool;
  }

  public List<MerchantStrike> getStrikes() {
    if (strikes == null) {
      strikes = desk.myStrikes();
    }
    return strikes;
  }

  /** The merchant's card-key products that are low or sold out: its warning to restock. */
  public List<StockLevel> getLowStock() {
    if (lowStock == null) {
      lowStock = stock.lowStock();
    }
    return lowStock;
  }

  public Map<String, String> getTexts() {
    return texts;
  }

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  public void goOnline() {
    act(() -> status = desk.goOnline(), "desk.done.online");
  }

  public void goOffline() {
    act(() -> status = desk.goOffline(), "desk.done.offline");
  }

  public void claim(String orderNo) {
    act(() -> desk.claim(orderNo), "desk.done.claimed", orderNo);
  }

  public void claimNext() {
    act(
        () ->
            desk.claimNext()
                .ifPresentOrElse(
                    held -> info("desk.done.claimed", held.orderNo()),
                    () -> info("desk.pool.empty")),
        null);
  }

  public void accept(String orderNo) {
    act(() -> desk.accept(orderNo), "desk.done.accepted", orderNo);
  }

  public void fulfil(String orderNo) {
    act(() -> desk.fulfil(orderNo, texts.get(orderNo)), "desk.done.delivered", orderNo);
  }

  public void reject(String orderNo) {
    act(() -> desk.reject(orderNo, texts.get(orderNo)), "desk.done.rejected", orderNo);
  }

  public void reportBuyerInput(String orderNo) {
    act(() -> desk.reportBuyerInput(orderNo, texts.get(orderNo)), "desk.done.reported", orderNo);
  }

  /** Runs a desk action; on success says so, on a refusal says why; the lists are read again. */
  private void act(Runnable action, String done, Object... arguments) {
    try {
      action.run();
      if (done != null) {
        info(done, arguments);
      }
    } catch (BusinessException refused) {
      message(FacesMessage.SEVERITY_ERROR, "error." + refused.code());
    }
    orders = null;
    pool = null;
    strikes = null;
    status = null;
  }

  private void info(String key, Object... arguments) {
    message(FacesMessage.SEVERITY_INFO, key, arguments);
  }

  private static void message(FacesMessage.Severity severity, String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle messages = faces.getApplication().getResourceBundle(faces, "msg");
    faces.addMessage(
        null,
        new FacesMessage(severity, MessageFormat.format(messages.getString(key), arguments), null));
  }
}
