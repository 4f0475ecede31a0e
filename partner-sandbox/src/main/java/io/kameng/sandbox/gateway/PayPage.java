package io.kameng.sandbox.gateway;

/** The sandbox's pay page: what the buyer pays, and two buttons. */
final class PayPage {

  private PayPage() {}

  static String html(Trade trade) {
    String state =
        switch (trade.status()) {
          case WAIT_BUYER_PAY ->
              """
              <form method="post">
                <button id="pay" name="action" value="pay">确认付款 Pay</button>
                <button id="fail" name="action" value="fail">放弃 Give up</button>
              </form>""";
          case TRADE_SUCCESS -> "<p id=\"paid\">已付款 Paid</p>";
          case TRADE_CLOSED -> "<p id=\"closed\">已关闭 Closed</p>";
        };
    return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8"><title>Sandbox gateway</title></head>
        <body style="font-family: sans-serif; max-width: 30rem; margin: 3rem auto">
        <h1>沙箱支付 Sandbox payment</h1>
        <p>订单 Order <code id="out-trade-no">%s</code></p>
        <p>金额 Amount <strong id="amount">¥%s</strong></p>
        %s
        </body></html>"""
        .formatted(escape(trade.outTradeNo()), trade.amount().toPlainString(), state);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
