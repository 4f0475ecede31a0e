package io.kameng.sandbox.supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupplierStatementTest {

  @Test
  void theLinesFinishedRechargesOfTheDayWithATotal() {
    Recharge success = recharge("R1", "SUP1", "10.00");
    success.finish(Recharge.Status.SUCCESS, null, china("2026-12-01T10:00:00"));
    Recharge failed = recharge("R2", "SUP2", "20");
    failed.finish(Recharge.Status.FAILED, "ACCOUNT_NOT_FOUND", china("2026-12-01T09:00:00"));
    Recharge processing = recharge("R3", "SUP3", "30.00");
    Recharge backup = recharge("R4", "BAK4", "40.00");
    backup.finish(Recharge.Status.SUCCESS, null, china("2026-12-01T11:00:00"));
    Recharge nextDay = recharge("R5", "SUP5", "50.00");
    nextDay.finish(Recharge.Status.SUCCESS, null, china("2026-12-02T00:00:00.100"));
    List<Recharge> all = List.of(success, failed, processing, backup, nextDay);

    assertEquals(
        "request_id,supplier_order_no,account,amount,result,completed_at\n"
            + "R2,SUP2,13800138000,20.00,FAILED,2026-12-01 09:00:00\n"
            + "R1,SUP1,13800138000,10.00,SUCCESS,2026-12-01 10:00:00\n"
            + "TOTAL,2,30.00\n",
        SupplierStatement.of(all, "main", LocalDate.of(2026, 12, 1)));
    assertEquals(
        "request_id,supplier_order_no,account,amount,result,completed_at\n"
            + "R4,BAK4,13800138000,40.00,SUCCESS,2026-12-01 11:00:00\n"
            + "TOTAL,1,40.00\n",
        SupplierStatement.of(all, "backup", LocalDate.of(2026, 12, 1)));
    assertEquals(
        "request_id,supplier_order_no,account,amount,result,completed_at\nTOTAL,0,0.00\n",
        SupplierStatement.of(all, "backup", LocalDate.of(2026, 12, 2)));
  }

  private static Recharge recharge(String requestId, String orderNo, String amount) {
    return new Recharge(
        requestId,
        orderNo,
        "MOBILE",
        "13800138000",
        new BigDecimal(amount),
        "http://127.0.0.1:9/callback",
        china("2026-12-01T08:00:00"));
  }

  private static Instant china(String localTime) {
    return LocalDateTime.parse(localTime).atZone(SupplierStatement.CHINA).toInstant();
  }
}
