package io.kameng.batch.reconciliation;

import io.kameng.reconciliation.control.DifferenceRules;
import io.kameng.reconciliation.entity.Comparison;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.inject.Named;

/** Classifies one item by {@link DifferenceRules}; an item that agrees after all is dropped. */
@Named
public class DifferenceClassifier implements ItemProcessor {

  /** An item with what the rules made of it. */
  record Classified(Comparison item, DifferenceRules.Verdict verdict) {}

  @Override
  public Object processItem(Object item) {
    Comparison comparison = (Comparison) item;
    DifferenceRules.Verdict verdict = DifferenceRules.classify(comparison);
    return verdict instanceof DifferenceRules.Agrees ? null : new Classified(comparison, verdict);
  }
}
