package io.kameng.admin;

import io.kameng.identity.entity.Role;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/**
 * The check of the console's ADMIN-only pages, run as their view action: a reviewer gets 403 (the
 * boundaries behind them are ADMIN too). A page check, not a web.xml constraint: a sub-path
 * constraint once refused a signed-in admin of the custom form mechanism.
 */
public final class AdminOnly {

  private AdminOnly() {}

  public static void require() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    if (!external.isUserInRole(Role.Names.ADMIN)) {
      external.responseSendError(403, "ADMIN only");
      faces.responseComplete();
    }
  }
}
