package io.kameng.storefront.order;

import io.kameng.catalogue.boundary.Catalogue;
import io.kameng.catalogue.entity.FieldError;
import io.kameng.catalogue.entity.Product;
import io.kameng.order.boundary.Orders;
import io.kameng.order.entity.InvalidOrderException;
import io.kameng.order.entity.OrderRequest;
import io.kameng.order.entity.Submission;
import io.kameng.storefront.i18n.ShopLanguage;
import io.kameng.storefront.problem.FieldProblems;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The order form ({@code order/new.xhtml?product=ID}), rendered from the product's field
 * definitions. The browser checks formats while the buyer types; the server checks everything
 * again. The form carries its own Idempotency-Key, so a double click or a resent form places one
 * order.
 */
@Named
@ViewScoped
public class NewOrderPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Catalogue catalogue;
  @Inject transient Orders orders;
  @Inject ShopLanguage language;

  private Long productId;
  private transient Product product;
  private String quantity = "1";
  private final Map<String, String> input = new LinkedHashMap<>();
  private Map<String, String> errors = Map.of();
  private String requestKey = UUID.randomUUID().toString();

  public void load() {
    product = productId == null ? null : catalogue.find(productId).orElse(null);
    if (product != null) {
      quantity = Integer.toString(product.minQuantity());
    }
  }

  public void submit() throws IOException {
    Integer count = parse(quantity);
    if (count == null) {
      errors =
          Map.of(
              "quantity",
              FieldProblems.message(
                  language.language(), new FieldError("quantity", FieldError.WRONG_TYPE)));
      return;
    }
    try {
      Submission submission =
          orders.submit(new OrderRequest(productId, count, input), requestKey, remoteAddress());
      requestKey = UUID.randomUUID().toString();
      OrderPage.open(submission.order().orderNo(), submission.accessToken().orElseThrow());
    } catch (InvalidOrderException invalid) {
      Map<String, String> messages = new LinkedHashMap<>();
      for (FieldError error : invalid.errors()) {
        messages.putIfAbsent(error.field(), FieldProblems.message(language.language(), error));
      }
      errors = messages;
    }
  }

  private static Integer parse(String text) {
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
  }

  private static String remoteAddress() {
    return ((HttpServletRequest)
            FacesContext.getCurrentInstance().getExternalContext().getRequest())
        .getRemoteAddr();
  }

  public Product getProduct() {
    if (product == null && productId != null) {
      product = catalogue.find(productId).orElse(null);
    }
    return product;
  }

  public List<FieldView> getFields() {
    return FieldView.of(getProduct(), language.language());
  }

  /** What the browser says when the quantity is outside the product's range. */
  public String getQuantityRangeMessage() {
    Product shown = getProduct();
    return FieldProblems.message(
        language.language(),
        new FieldError(
            "quantity",
            FieldError.OUT_OF_RANGE,
            List.of(shown.minQuantity(), shown.maxQuantity())));
  }

  public String getProductName() {
    Product shown = getProduct();
    return language.language().isChinese() ? shown.nameZh() : shown.nameEn();
  }

  public Long getProductId() {
    return productId;
  }

  public void setProductId(Long productId) {
    this.productId = productId;
  }

  public String getQuantity() {
    return quantity;
  }

  public void setQuantity(String quantity) {
    this.quantity = quantity;
  }

  public Map<String, String> getInput() {
    return input;
  }

  public Map<String, String> getErrors() {
    return errors;
  }
}
