package io.kameng.it.platform;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** The one step of the test job that proves where the batch repository keeps its runs. */
@Named
@Dependent
public class PlatformCheckBatchlet extends AbstractBatchlet {

  @Override
  public String process() {
    return "CHECKED";
  }
}
