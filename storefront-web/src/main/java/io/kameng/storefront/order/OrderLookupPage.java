package io.kameng.storefront.order;

import io.kameng.storefront.i18n.ShopLanguage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * Order lookup ({@code order/lookup.xhtml}): a guest finds their order again with its number and
 * access token. Whether the pair is right is answered on the order page, the same way for a wrong
 * token as for an unknown number.
 */
@Named
@RequestScoped
public class OrderLookupPage {

  @Inject ShopLanguage language;

  private String no;
  private String token;

  public void find() throws IOException {
    String number = no == null ? "" : no.replaceAll("\\s", "");
    String key = token == null ? "" : token.strip();
    if (number.isEmpty() || key.isEmpty()) {
      FacesContext.getCurrentInstance()
          .addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR,
                  language.language().text("page.lookup.missing"),
                  null));
      return;
    }
    OrderPage.open(number, key);
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
}
