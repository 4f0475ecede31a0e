package io.kameng.fulfilment.boundary;

import io.kameng.identity.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Dispatches one just-paid order in the background, as the platform (the payment came from the
 * gateway, not from an admin). A failure is only logged: the dispatch scan tries again.
 */
@Stateless
@PermitAll
@RunAs(Role.Names.ADMIN)
public class PaidOrderDispatch {

  private static final Logger LOG = Logger.getLogger(PaidOrderDispatch.class.getName());

  @Inject Dispatch dispatch;

  @Asynchronous
  public void dispatchSoon(long orderId) {
    try {
      dispatch.dispatchPaid(orderId);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Dispatch of order " + orderId + " left to the scan", e);
    }
  }
}
