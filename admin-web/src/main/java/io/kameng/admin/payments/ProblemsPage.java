package io.kameng.admin.payments;

import io.kameng.admin.AdminOnly;
import io.kameng.payment.boundary.PaymentRecords;
import io.kameng.payment.entity.PaymentNotice;
import io.kameng.payment.entity.Refund;
import jakarta.enterprise.context.RequestScoped;
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

  /** ADMIN only: a reviewer gets 403. */
  public void requireAdmin() throws IOException {
    AdminOnly.require();
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
