package io.kameng.partner.control;

import io.kameng.partner.entity.PartnerStatus;
import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/** What a probe reports when the partner did not answer in time or could not be reached. */
@Dependent
public class PartnerUnreachable implements FallbackHandler<PartnerStatus> {

  @Override
  public PartnerStatus handle(ExecutionContext context) {
    Throwable failure = context.getFailure();
    return new PartnerStatus(
        PartnerStatus.State.UNREACHABLE,
        failure == null ? "unknown" : failure.getClass().getSimpleName());
  }
}
