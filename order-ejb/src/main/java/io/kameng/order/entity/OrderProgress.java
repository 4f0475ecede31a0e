package io.kameng.order.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress nodes of one order as the buyer sees them: the usual path, with the nodes that only
 * sometimes happen (review, correcting input) shown when they did, and the ending it actually took
 * (cancelled, refunded) instead of the nodes it will never reach.
 *
 * @param nodes in the order the buyer reads them
 */
public record OrderProgress(List<Step> nodes) {

  /** How far a node is. */
  public enum Status {
    DONE,
    CURRENT,
    PENDING
  }

  /**
   * One node.
   *
   * @param reachedAt when the order first got there; empty while pending
   * @param expectedBy for the current node of an open order: when it is expected to be done
   */
  public record Step(
      ProgressNode node,
      Status status,
      Optional<Instant> reachedAt,
      Optional<Instant> expectedBy) {}

  private static final List<ProgressNode> HAPPY_PATH =
      List.of(
          ProgressNode.SUBMITTED,
          ProgressNode.PAID,
          ProgressNode.VERIFYING,
          ProgressNode.IN_REVIEW,
          ProgressNode.AWAITING_BUYER,
          ProgressNode.FULFILLING,
          ProgressNode.COMPLETED);

  private static final List<ProgressNode> SOMETIMES =
      List.of(ProgressNode.IN_REVIEW, ProgressNode.AWAITING_BUYER);

  public static OrderProgress of(Order order) {
    Map<ProgressNode, Instant> reached = new EnumMap<>(ProgressNode.class);
    for (OrderEvent event : order.timeline()) {
      reached.putIfAbsent(ProgressNode.of(event.stateAfter()), event.occurredAt());
    }
    ProgressNode current = ProgressNode.of(order.state());
    List<ProgressNode> path = new ArrayList<>();
    for (ProgressNode node : HAPPY_PATH) {
      boolean wasThere = reached.containsKey(node);
      if (SOMETIMES.contains(node) && !wasThere) {
        continue;
      }
      if (!isEnding(current) || wasThere) {
        path.add(node);
      }
    }
    if (isEnding(current)) {
      if (current == ProgressNode.REFUNDED) {
        path.add(ProgressNode.REFUNDING);
      }
      path.add(current);
    }
    List<Step> steps = new ArrayList<>();
    for (ProgressNode node : path) {
      Status status =
          node == current
              ? (order.state().isFinal() ? Status.DONE : Status.CURRENT)
              : reached.containsKey(node) ? Status.DONE : Status.PENDING;
      steps.add(
          new Step(
              node,
              status,
              Optional.ofNullable(reached.get(node)),
              status == Status.CURRENT ? order.expectedAt() : Optional.empty()));
    }
    return new OrderProgress(List.copyOf(steps));
  }

  private static boolean isEnding(ProgressNode node) {
    return node == ProgressNode.CANCELLED
        || node == ProgressNode.REFUNDING
        || node == ProgressNode.REFUNDED;
  }

  /** The node the order is at now. */
  public Step current() {
    return nodes.stream()
        .filter(step -> step.status() == Status.CURRENT)
        .findFirst()
        .orElse(nodes.get(nodes.size() - 1));
  }
}
