package io.kameng.admin.merchants;

import io.kameng.admin.AdminOnly;
import io.kameng.merchants.boundary.MerchantAdmin;
import io.kameng.merchants.entity.MerchantStanding;
import io.kameng.merchants.entity.MerchantStatus;
import io.kameng.platform.entity.BusinessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Backs {@code merchants/list.xhtml}: every merchant's standing, limit, orders in hand and recent
 * strikes, and the form to change a merchant's standing and limit.
 */
@Named("merchantsPage")
@RequestScoped
public class MerchantsPage {

  @Inject MerchantAdmin admin;

  private List<MerchantStatus> merchants;

  /** Per merchant, the standing and limit as in the form (text: what the browser sent). */
  private final Map<String, String> standings = new HashMap<>();

  private final Map<String, String> limits = new HashMap<>();

  /** ADMIN only: a reviewer gets 403. */
  public void requireAdmin() throws IOException {
    AdminOnly.require();
  }

  public List<MerchantStatus> getMerchants() {
    if (merchants == null) {
      merchants = admin.merchants();
      for (MerchantStatus merchant : merchants) {
        standings.putIfAbsent(merchant.username(), merchant.standing().name());
        limits.putIfAbsent(merchant.username(), Integer.toString(merchant.orderLimit()));
      }
    }
    return merchants;
  }

  public MerchantStanding[] getStandingChoices() {
    return MerchantStanding.values();
  }

  public Map<String, String> getStandings() {
    return standings;
  }

  public Map<String, String> getLimits() {
    return limits;
  }

  /** Saves one merchant's standing and limit as entered in its row. */
  public void save(String username) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle messages = faces.getApplication().getResourceBundle(faces, "msg");
    try {
      MerchantStanding standing = MerchantStanding.valueOf(standings.get(username));
      int limit = parseLimit(limits.get(username));
      admin.changeStanding(username, standing, limit);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              MessageFormat.format(
                  messages.getString("merchants.saved"),
                  username,
                  messages.getString("MerchantStanding." + standing.name()),
                  limit),
              null));
    } catch (BusinessException refused) {
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR, messages.getString("error." + refused.code()), null));
    }
    merchants = null;
  }

  private static int parseLimit(String entered) {
    try {
      return Integer.parseInt(entered == null ? "" : entered.strip());
    } catch (NumberFormatException e) {
      return -1; // refused by the boundary as out of range, with its message
    }
  }
}
