package io.kameng.admin.review;

import io.kameng.admin.PageMessages;
import io.kameng.identity.entity.Role;
import io.kameng.order.entity.Order;
import io.kameng.platform.entity.BusinessException;
import io.kameng.risk.boundary.RiskReview;
import io.kameng.risk.boundary.RiskReview.ReviewEntry;
import io.kameng.risk.entity.RiskRule;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backs {@code review/queue.xhtml}, the page of risk reviewers and admins: the orders a risk rule
 * parked, the most urgent first (buyer input, the rules that fired, the level, the time to decide
 * by, who claimed it); claiming one or the most urgent; and for the orders the signed-in person
 * claimed, approving (with an optional note) or rejecting (with a reason, refunded). A second-level
 * order is for a senior reviewer (an admin): a reviewer sees no Claim button on it. Every action
 * goes through {@link RiskReview}; a refusal is shown next to the field or form it concerns.
 *
 * <p>View scoped for the same reason as the exception pool page: a posted row is the row the
 * reviewer saw, even when the queue changed meanwhile.
 */
@Named("reviewQueue")
@ViewScoped
public class ReviewPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Codes that concern the reason field of the reject form. */
  private static final Set<String> REASON_CODES =
      Set.of("review.reasonRequired", "review.reasonTooLong");

  @Inject RiskReview review;

  /** The rows as shown (kept for the view, so a posted row is the row the reviewer saw). */
  private transient List<ReviewEntry> entries;

  /** Per order number, what was typed into the approve and reject forms (kept when refused). */
  private final Map<String, String> notes = new HashMap<>();

  private final Map<String, String> reasons = new HashMap<>();

  /** Per order number and field ({@code 1234/reject-reason}), the refusal shown next to it. */
  private final Map<String, String> refusals = new HashMap<>();

  public List<ReviewEntry> getEntries() {
    if (entries == null) {
      entries = review.queue();
    }
    return entries;
  }

  /** The orders in the queue the signed-in person claimed: the ones with actions. */
  public List<ReviewEntry> getMine() {
    return getEntries().stream().filter(entry -> isMine(entry.order())).toList();
  }

  public boolean isMine(Order order) {
    return order.handler().filter(PageMessages.me()::equals).isPresent();
  }

  /** Whether the signed-in person is a senior reviewer (an admin): second-level orders too. */
  public boolean isSenior() {
    return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Role.Names.ADMIN);
  }

  /** Whether the order's level is the second (the first review was not done in time). */
  public boolean isSecondLevel(Order order) {
    return order.reviewLevel().orElse(1) > 1;
  }

  /** Whether the signed-in person may claim the order: nobody has it, and its level allows. */
  public boolean mayClaim(Order order) {
    return order.handler().isEmpty() && (!isSecondLevel(order) || isSenior());
  }

  /** The names of the rules that fired for the order (message keys {@code RiskRule.<name>}). */
  public List<String> rules(ReviewEntry entry) {
    return entry
        .decision()
        .map(d -> d.rules().stream().map(RiskRule::name).toList())
        .orElse(List.of());
  }

  public Map<String, String> getNotes() {
    return notes;
  }

  public Map<String, String> getReasons() {
    return reasons;
  }

  /** The refusal to show next to {@code field} of the order's row or forms; null for none. */
  public String refusal(String orderNo, String field) {
    return refusals.get(orderNo + "/" + field);
  }

  public String time(Instant at) {
    return PageMessages.time(at);
  }

  public void claim(String orderNo) {
    start();
    try {
      review.claim(orderNo);
      PageMessages.info(PageMessages.text("review.done.claimed", orderNo));
    } catch (BusinessException refused) {
      refuse(orderNo, "claim", false, PageMessages.refusal(refused));
    }
  }

  public void claimNext() {
    start();
    try {
      review
          .claimNext()
          .ifPresentOrElse(
              entry ->
                  PageMessages.info(
                      PageMessages.text("review.done.claimed", entry.order().orderNo())),
              () -> PageMessages.info(PageMessages.text("review.empty")));
    } catch (BusinessException refused) {
      PageMessages.error(PageMessages.refusal(refused));
    }
  }

  public void approve(String orderNo) {
    start();
    try {
      review.approve(orderNo, notes.get(orderNo));
      notes.remove(orderNo);
      PageMessages.info(PageMessages.text("review.done.approved", orderNo));
    } catch (BusinessException refused) {
      String field = "review.reasonTooLong".equals(refused.code()) ? "approve-note" : "approve";
      refuse(orderNo, field, true, PageMessages.refusal(refused));
    }
  }

  public void reject(String orderNo) {
    start();
    try {
      review.reject(orderNo, reasons.get(orderNo));
      reasons.remove(orderNo);
      PageMessages.info(PageMessages.text("review.done.rejected", orderNo));
    } catch (BusinessException refused) {
      String field = REASON_CODES.contains(refused.code()) ? "reject-reason" : "reject";
      refuse(orderNo, field, true, PageMessages.refusal(refused));
    }
  }

  /** Every action starts afresh: no refusals of before, the rows read again after it. */
  private void start() {
    refusals.clear();
    entries = null;
  }

  /**
   * Shows the refusal next to the field when the order is still shown where that field is (its row,
   * or its forms among the person's orders); otherwise for the whole page, naming the order.
   */
  private void refuse(String orderNo, String field, boolean inMine, String text) {
    List<ReviewEntry> shown = inMine ? getMine() : getEntries();
    if (shown.stream().anyMatch(entry -> entry.order().orderNo().equals(orderNo))) {
      refusals.put(orderNo + "/" + field, text);
    } else {
      PageMessages.error(PageMessages.text("orders.refusedAbout", orderNo, text));
    }
  }
}
