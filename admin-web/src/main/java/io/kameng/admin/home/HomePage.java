package io.kameng.admin.home;

import io.kameng.partner.boundary.Partners;
import io.kameng.partner.entity.PartnerStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Backs the admin home page: who is signed in and whether the partners answer. */
@Named("adminHome")
@RequestScoped
public class HomePage {

  @Inject Partners partners;

  private PartnerStatus sandbox;

  public PartnerStatus getSandbox() {
    if (sandbox == null) {
      sandbox = partners.sandboxStatus();
    }
    return sandbox;
  }

  public String getSandboxUrl() {
    return partners.sandboxUrl();
  }
}
