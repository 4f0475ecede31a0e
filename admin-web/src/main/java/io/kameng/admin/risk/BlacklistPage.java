package io.kameng.admin.risk;

import io.kameng.admin.AdminOnly;
import io.kameng.admin.PageMessages;
import io.kameng.platform.entity.BusinessException;
import io.kameng.risk.boundary.Blacklist;
import io.kameng.risk.entity.BlacklistEntry;
import io.kameng.risk.entity.BlacklistKind;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Backs {@code risk/blacklist.xhtml}: the blacklisted IPs, contacts, phone numbers and game
 * accounts, newest first (a paid order naming one is blocked and refunded), the form to list one
 * more with a reason (refusals next to the field), and removing an entry. Through {@link
 * Blacklist}.
 *
 * <p>View scoped like the exception pool page: a Remove click removes the entry of the row the
 * admin saw, even when another admin changed the list meanwhile.
 */
@Named("riskBlacklist")
@ViewScoped
public class BlacklistPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The add form's id: the prefix of its fields' client ids. */
  static final String FORM = "blacklist-add";

  @Inject Blacklist blacklist;

  /** The rows as shown (kept for the view, so a posted row is the row the admin saw). */
  private transient List<BlacklistEntry> entries;

  private String kind = BlacklistKind.IP.name();
  private String value;
  private String reason;

  /** ADMIN only: a reviewer gets 403. */
  public void requireAdmin() throws IOException {
    AdminOnly.require();
  }

  public List<BlacklistEntry> getEntries() {
    if (entries == null) {
      entries = blacklist.entries();
    }
    return entries;
  }

  public BlacklistKind[] getKinds() {
    return BlacklistKind.values();
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String time(Instant at) {
    return PageMessages.time(at);
  }

  /** Lists the value typed with its kind and reason; a refusal is shown next to its field. */
  public void add() {
    entries = null;
    BlacklistKind chosen;
    try {
      chosen = BlacklistKind.valueOf(kind == null ? "" : kind);
    } catch (IllegalArgumentException e) {
      PageMessages.errorFor(FORM + ":kind", PageMessages.text("blacklist.kindRequired"));
      return;
    }
    try {
      BlacklistEntry added = blacklist.add(chosen, value, reason);
      PageMessages.info(
          PageMessages.text(
              "blacklist.added",
              PageMessages.text("BlacklistKind." + added.kind().name()),
              added.value()));
      value = null;
      reason = null;
    } catch (BusinessException refused) {
      String field = "blacklist.reasonRequired".equals(refused.code()) ? "reason" : "value";
      PageMessages.errorFor(FORM + ":" + field, PageMessages.refusal(refused));
    }
  }

  /** Removes the entry of the row clicked. */
  public void remove(long id, String kindName, String listed) {
    entries = null;
    blacklist.remove(id);
    PageMessages.info(
        PageMessages.text(
            "blacklist.removed", PageMessages.text("BlacklistKind." + kindName), listed));
  }
}
