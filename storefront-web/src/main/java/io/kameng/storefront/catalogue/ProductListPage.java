package io.kameng.storefront.catalogue;

import io.kameng.catalogue.boundary.Catalogue;
import io.kameng.catalogue.entity.Product;
import io.kameng.storefront.i18n.ShopLanguage;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The storefront's front page ({@code index.xhtml}): the products on sale. */
@Named
@RequestScoped
public class ProductListPage {

  @Inject Catalogue catalogue;
  @Inject ShopLanguage language;

  private List<Product> products;

  public List<Product> getProducts() {
    if (products == null) {
      products = catalogue.listed();
    }
    return products;
  }

  public String name(Product product) {
    return language.language().isChinese() ? product.nameZh() : product.nameEn();
  }
}
