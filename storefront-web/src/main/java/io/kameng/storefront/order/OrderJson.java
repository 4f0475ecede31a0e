package io.kameng.storefront.order;

import io.kameng.order.entity.Order;
import io.kameng.order.entity.OrderEvent;
import io.kameng.order.entity.OrderProgress;
import io.kameng.payment.entity.Refund;
import io.kameng.payment.entity.RefundState;
import io.kameng.storefront.api.Jsons;
import io.kameng.storefront.i18n.BuyerLanguage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An order as its buyer sees it through the API: amounts, where it stands in buyer words (state,
 * progress nodes with their times, owner, cause of a delay, expected time), what the buyer may do,
 * the timeline, and (when following it) its refunds. Times are ISO-8601 in UTC; the client shows
 * them in the viewer's zone.
 */
final class OrderJson {

  private OrderJson() {}

  static JsonObjectBuilder of(Order order, BuyerWords words) {
    BuyerLanguage language = words.language();
    JsonObjectBuilder json =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("orderNo", order.orderNo())
            .add("state", order.state().name())
            .add("stateText", words.state(order))
            .add("situation", words.situation(order))
            .add(
                "product",
                Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("id", order.productId())
                    .add(
                        "name",
                        language.isChinese() ? order.productNameZh() : order.productNameEn())
                    .add("type", order.productType().name()))
            .add("quantity", order.quantity())
            .add("unitPrice", order.unitPrice().toPlainString())
            .add("amount", order.amount().toPlainString())
            .add("currency", "CNY")
            .add("input", input(order))
            .add("submittedAt", order.submittedAt().toString())
            .add("paymentDeadline", order.paymentDeadline().toString());
    order.owner().ifPresent(owner -> json.add("owner", owner.name()));
    order.owner().ifPresent(owner -> json.add("ownerText", words.owner(owner)));
    order.expectedAt().ifPresent(at -> json.add("expectedAt", at.toString()));
    order.stuckReason().ifPresent(reason -> json.add("stuckReason", reason.name()));
    order.stuckReason().ifPresent(reason -> json.add("stuckReasonText", words.stuckReason(reason)));
    return json.add("progress", progress(order, words))
        .add("timeline", timeline(order, words))
        .add(
            "actions",
            Jsons.PROVIDER
                .createObjectBuilder()
                .add("cancel", order.isCancellableByBuyer())
                .add("correctInput", order.acceptsInputCorrection()));
  }

  /**
   * The order's refunds: amount, why, where each stands (being refunded, refunded, refused), when
   * asked for and when refunded.
   */
  static JsonArrayBuilder refunds(List<Refund> refunds, BuyerWords words) {
    JsonArrayBuilder lines = Jsons.PROVIDER.createArrayBuilder();
    for (Refund refund : refunds) {
      JsonObjectBuilder line =
          Jsons.PROVIDER
              .createObjectBuilder()
              .add("amount", refund.amount().toPlainString())
              .add("reason", refund.reason().name())
              .add("reasonText", words.refundReason(refund))
              .add("state", refund.state().name())
              .add("stateText", words.refundState(refund))
              .add("requestedAt", refund.createdAt().toString());
      if (refund.state() == RefundState.SUCCEEDED) {
        time(line, "refundedAt", refund.settledAt());
      }
      lines.add(line);
    }
    return lines;
  }

  /**
   * The notices the buyer got about the order (also sent to the storefront's webhook), oldest
   * first: what happened, in buyer words, with the cause and the expected time when late.
   */
  static JsonArrayBuilder notices(Order order, BuyerWords words) {
    JsonArrayBuilder lines = Jsons.PROVIDER.createArrayBuilder();
    for (io.kameng.order.entity.OrderNotice notice : order.notices()) {
      JsonObjectBuilder line =
          Jsons.PROVIDER
              .createObjectBuilder()
              .add("kind", notice.kind().name())
              .add("text", words.notice(notice))
              .add("at", notice.createdAt().toString());
      notice.cause().ifPresent(cause -> line.add("cause", cause.name()));
      notice.cause().ifPresent(cause -> line.add("causeText", words.stuckReason(cause)));
      notice.expectedAt().ifPresent(at -> line.add("expectedAt", at.toString()));
      lines.add(line);
    }
    return lines;
  }

  /** The credit voucher for a delay, or null. */
  static jakarta.json.JsonValue voucher(
      java.util.Optional<io.kameng.escalation.entity.CompensationVoucher> voucher) {
    return voucher
        .<jakarta.json.JsonValue>map(
            v ->
                Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("code", v.code())
                    .add("amount", v.amount().toPlainString())
                    .add("currency", "CNY")
                    .add("issuedAt", v.issuedAt().toString())
                    .build())
        .orElse(jakarta.json.JsonValue.NULL);
  }

  private static JsonArrayBuilder progress(Order order, BuyerWords words) {
    JsonArrayBuilder nodes = Jsons.PROVIDER.createArrayBuilder();
    for (OrderProgress.Step step : order.progress().nodes()) {
      JsonObjectBuilder node =
          Jsons.PROVIDER
              .createObjectBuilder()
              .add("node", step.node().name())
              .add("label", words.node(step.node(), order))
              .add("status", step.status().name());
      time(node, "reachedAt", step.reachedAt());
      time(node, "expectedBy", step.expectedBy());
      nodes.add(node);
    }
    return nodes;
  }

  private static JsonArrayBuilder timeline(Order order, BuyerWords words) {
    JsonArrayBuilder events = Jsons.PROVIDER.createArrayBuilder();
    for (OrderEvent event : order.timeline()) {
      JsonObjectBuilder line =
          Jsons.PROVIDER
              .createObjectBuilder()
              .add("at", event.occurredAt().toString())
              .add("event", event.event().name())
              .add("actor", words.actor(event))
              .add("text", words.event(event));
      words.reason(event).ifPresent(reason -> line.add("reason", reason));
      events.add(line);
    }
    return events;
  }

  private static void time(JsonObjectBuilder json, String name, Optional<Instant> time) {
    time.ifPresent(at -> json.add(name, at.toString()));
  }

  private static JsonObjectBuilder input(Order order) {
    JsonObjectBuilder input = Jsons.PROVIDER.createObjectBuilder();
    order.buyerInput().forEach(input::add);
    return input;
  }
}
