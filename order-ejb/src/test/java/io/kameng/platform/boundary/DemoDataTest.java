package io.kameng.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.kameng.catalogue.entity.ProductSpec;
import io.kameng.catalogue.entity.ProductType;
import io.kameng.identity.entity.Role;
import org.junit.jupiter.api.Test;

class DemoDataTest {

  @Test
  void theDemoCatalogueShowsEveryProductType() {
    assertThat(DemoData.PRODUCTS).extracting(ProductSpec::type).containsOnly(ProductType.values());
  }

  @Test
  void theDemoLoginsCoverEveryRoleAndTwoMerchants() {
    assertThat(DemoData.LOGINS).extracting(DemoData.Demo::role).contains(Role.values());
    assertThat(DemoData.LOGINS).filteredOn(d -> d.role() == Role.MERCHANT).hasSize(2);
  }
}
