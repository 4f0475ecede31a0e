package io.kameng.admin.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kameng.reconciliation.entity.ReconciliationException;
import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

class ReconciliationPageTest {

  @Test
  void findsTheRefusalInsideAnEjbException() {
    ReconciliationException running = new ReconciliationException("reconciliation.running", "x");
    assertThat(ReconciliationPage.refusal(new EJBException(running))).isSameAs(running);
    assertThat(ReconciliationPage.refusal(running)).isSameAs(running);
  }

  @Test
  void rethrowsAFailureThatIsNoRefusal() {
    EJBException crash = new EJBException(new IllegalStateException("down"));
    assertThatThrownBy(() -> ReconciliationPage.refusal(crash)).isSameAs(crash);
  }

  @Test
  void readsFiltersLeniently() {
    ViewParameters view = new ViewParameters();
    view.setKind("FEE_MISMATCH");
    view.setState("nonsense");
    view.setDay("2026-12-03");
    var filter = DifferencesPage.filter(view);
    assertThat(filter.kind())
        .hasValueSatisfying(k -> assertThat(k.name()).isEqualTo("FEE_MISMATCH"));
    assertThat(filter.state()).isEmpty();
    assertThat(filter.day()).hasValueSatisfying(d -> assertThat(d).hasToString("2026-12-03"));
    assertThat(view.url(2))
        .isEqualTo("runs.xhtml?kind=FEE_MISMATCH&state=nonsense&day=2026-12-03&page=2");
  }
}
