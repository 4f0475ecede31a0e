package io.kameng.console.i18n;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * The console language: the browser's preference among Chinese (default) and English until the
 * person picks one with the switch in the page header, then that choice for the session.
 */
@Named
@SessionScoped
public class LanguageSwitch implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Set<String> SUPPORTED = Set.of("zh", "en");

  private Locale chosen;

  public Locale getLocale() {
    if (chosen != null) {
      return chosen;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!faces.getExternalContext().getRequestHeaderMap().containsKey("Accept-Language")) {
      return Locale.SIMPLIFIED_CHINESE;
    }
    return faces.getApplication().getViewHandler().calculateLocale(faces);
  }

  public void use(String language) throws IOException {
    if (SUPPORTED.contains(language)) {
      chosen = "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    String viewId = faces.getViewRoot().getViewId();
    faces
        .getExternalContext()
        .redirect(faces.getExternalContext().getRequestContextPath() + viewId);
  }
}
