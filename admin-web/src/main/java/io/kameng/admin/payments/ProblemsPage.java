package io.kameng.admin.payments;

import io.kameng.identity.entity.Role;
import io.kameng.payment.boundary.PaymentRecords;
import io.kameng.payment.entity.PaymentNotice;
import io.kameng.payment.entity.Refund;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Backs {@code payments/problems.xhtml}: the payment notices that changed nothing (and why) and the
 * refunds not confirmed yet, newest first.
 */
@Named("paymentProblems")
@RequestScoped
public class ProblemsPage {

  static final int SHOWN = 200;

  private static final DateTimeFormatter CHINA_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

  @Inject PaymentRecords records;

  private List<PaymentNotice> notices;
  private List<Refund> refunds;

  /**
   * Money records are for admins only: a reviewer gets 403 (the records' boundary is ADMIN too).
   */
  public void requireAdmin() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (!external.isUserInRole(Role.Names.ADMIN)) {
      external.responseSendError(403, "ADMIN only");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  public List<PaymentNotice> getNotices() {
    if (notices == null) {
      notices = records.noticeProblems(SHOWN);
    }
    return notices;
  }

  public List<Refund> getRefunds() {
    if (refunds == null) {
      refunds = records.openRefunds(SHOWN);
    }
    return refunds;
  }

  public String time(Instant at) {
    return CHINA_TIME.format(at);
  }
}
