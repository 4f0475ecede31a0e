package io.kameng.it.escalation;

import static io.kameng.it.escalation.Ladder.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.it.KamengDeployment;
import io.kameng.it.KamengTestEnvironment;
import io.kameng.it.TestAccounts;
import io.kameng.it.TestData;
import io.kameng.it.TestFixtures;
import io.kameng.it.TestLadder;
import io.kameng.it.TestOrders;
import io.kameng.it.TestProducts;
import io.kameng.it.payment.Paying;
import io.kameng.it.payment.Paying.Placed;
import io.kameng.launcher.PayaraServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Restart safety: the server stops with orders on the ladder, time moves on while it is down (their
 * delay notice and exception pool steps come), and after the start the server's own scans apply
 * each due step exactly once — nothing missed, nothing twice.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LadderRestartIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return KamengDeployment.withTests(
        TestProducts.class,
        TestOrders.class,
        TestFixtures.class,
        TestAccounts.class,
        TestData.class,
        TestLadder.class);
  }

  @Test
  void stepsThatCameDueWhileTheServerWasDownAreAppliedOnceAfterItsStart() throws Exception {
    List<Placed> orders = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      orders.add(stuckOrder());
    }
    Duration ahead = Duration.between(Instant.now(), now());
    PayaraServer server = KamengTestEnvironment.stack().server();
    Path offset = server.clockOffsetFile();
    try {
      server.restart(
          () -> Files.writeString(offset, ahead.plus(Duration.ofMinutes(150)).toString()));
      // No fixture runs the ladder: the restarted server's own scans must do it.
      awaitLong(() -> orders.stream().allMatch(o -> ladderOf(o).contains(" pool ")));
      Thread.sleep(5_000); // a few more scans: nothing may be applied twice
      for (Placed order : orders) {
        assertThat(Paying.countEvents(order, "DELAYED")).as(order.orderNo()).isEqualTo(1);
        assertThat(Paying.countEvents(order, "ESCALATED")).as(order.orderNo()).isEqualTo(1);
        assertThat(Paying.countEvents(order, "COMPENSATED")).as(order.orderNo()).isEqualTo(1);
        assertThat(notices(order))
            .extracting(n -> n.substring(0, n.indexOf(':')))
            .containsExactly("PAID", "DELAYED", "ESCALATED");
        assertThat(fixture("voucherOf", order)).isEqualTo("1 2.40 OUT_OF_STOCK -");
        assertThat(ladderOf(order)).contains(" AUTO_REFUND ");
      }
    } finally {
      Files.deleteIfExists(offset);
    }
  }

  private static void awaitLong(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (!holds(condition)) {
      assertThat(Instant.now()).as("within 2 minutes of the start").isBefore(deadline);
      Thread.sleep(500);
    }
  }

  /** Whether the condition holds; not yet while the test WAR still starts (404). */
  private static boolean holds(java.util.function.BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (IllegalStateException notYetDeployed) {
      return false;
    }
  }
}
