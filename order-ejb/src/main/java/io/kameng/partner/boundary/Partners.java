package io.kameng.partner.boundary;

import io.kameng.identity.entity.Role;
import io.kameng.partner.control.PartnerProbe;
import io.kameng.partner.entity.PartnerStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What admins see of Kameng's partners. */
@Stateless
@RolesAllowed(Role.Names.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Partners {

  @Inject
  @ConfigProperty(name = "kameng.sandbox.url", defaultValue = "http://127.0.0.1:8180/sandbox")
  String sandboxUrl;

  @Inject PartnerProbe probe;

  /** Whether the partner sandbox (gateway and supplier simulators) answers its health check. */
  public PartnerStatus sandboxStatus() {
    try {
      return probe.probe(URI.create(sandboxUrl).resolve("/health"));
    } catch (IOException e) {
      return new PartnerStatus(PartnerStatus.State.UNREACHABLE, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PartnerStatus(PartnerStatus.State.UNREACHABLE, "interrupted");
    }
  }

  public String sandboxUrl() {
    return sandboxUrl;
  }
}
