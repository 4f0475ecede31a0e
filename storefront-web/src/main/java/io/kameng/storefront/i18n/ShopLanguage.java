package io.kameng.storefront.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The storefront pages' language: the browser's preference among Chinese (the default) and English
 * until the buyer picks one in the header, then that choice for the visit. The same page (with its
 * order number and token) is shown again in the new language.
 */
@Named
@SessionScoped
public class ShopLanguage implements Serializable {

  private static final long serialVersionUID = 1L;

  private Locale chosen;

  public Locale getLocale() {
    if (chosen != null) {
      return chosen;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!faces.getExternalContext().getRequestHeaderMap().containsKey("Accept-Language")) {
      return Locale.SIMPLIFIED_CHINESE;
    }
    return BuyerLanguage.of(faces.getApplication().getViewHandler().calculateLocale(faces))
        .locale();
  }

  /** The buyer's language for texts made in Java (field errors, buyer words). */
  public BuyerLanguage language() {
    return BuyerLanguage.of(getLocale());
  }

  public void use(String language) throws IOException {
    chosen = "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    // The same page with its view parameters (order number and token), which a POST does not carry.
    external.redirect(
        faces
            .getApplication()
            .getViewHandler()
            .getBookmarkableURL(faces, faces.getViewRoot().getViewId(), Map.of(), true));
  }
}
