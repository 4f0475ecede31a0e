package io.kameng.batch.reconciliation;

import io.kameng.identity.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.function.Supplier;

/**
 * Runs a batch step's work as the platform itself: batch threads carry no caller, and the
 * reconciliation boundaries are for admins. Joins the chunk's transaction when there is one.
 */
@Stateless
@PermitAll
@RunAs(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class JobSteps {

  public <T> T call(Supplier<T> work) {
    return work.get();
  }

  public void run(Runnable work) {
    work.run();
  }
}
