package io.kameng.storefront.catalogue;

import io.kameng.catalogue.boundary.Catalogue;
import io.kameng.catalogue.entity.BuyerField;
import io.kameng.catalogue.entity.Product;
import io.kameng.storefront.api.Jsons;
import io.kameng.storefront.i18n.BuyerLanguage;
import io.kameng.storefront.problem.Problem;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /shop/api/v1/products}: the products on sale, each with the fields an order form needs
 * (name, label in the buyer's language, length, choices), so a storefront can render the form.
 */
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
public class ProductsResource {

  static final String NOT_FOUND = "https://kameng.io/problems/not-found";

  @Inject Catalogue catalogue;

  @Context HttpHeaders headers;

  @GET
  public JsonObject listed() {
    BuyerLanguage language = BuyerLanguage.of(headers);
    JsonArrayBuilder products = Jsons.PROVIDER.createArrayBuilder();
    catalogue.listed().forEach(product -> products.add(view(product, language)));
    return Jsons.PROVIDER.createObjectBuilder().add("products", products).build();
  }

  @GET
  @Path("{id}")
  public Response one(@PathParam("id") String id) {
    BuyerLanguage language = BuyerLanguage.of(headers);
    return parseId(id)
        .flatMap(catalogue::find)
        .map(product -> Response.ok(view(product, language).build()).build())
        .orElseGet(
            () ->
                Problem.response(
                    Response.Status.NOT_FOUND,
                    Problem.of(
                        NOT_FOUND,
                        Response.Status.NOT_FOUND,
                        language.text("problem.notFound.title"),
                        language.text("problem.product.notFound", id))));
  }

  private static java.util.Optional<Long> parseId(String id) {
    try {
      return java.util.Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  static JsonObjectBuilder view(Product product, BuyerLanguage language) {
    JsonObjectBuilder view =
        Jsons.PROVIDER
            .createObjectBuilder()
            .add("id", product.id())
            .add("name", language.isChinese() ? product.nameZh() : product.nameEn())
            .add("nameZh", product.nameZh())
            .add("nameEn", product.nameEn())
            .add("type", product.type().name())
            .add("faceValue", product.faceValue().toPlainString())
            .add("price", product.price().toPlainString())
            .add("currency", "CNY")
            .add("channel", product.channel().name())
            .add(
                "quantity",
                Jsons.PROVIDER
                    .createObjectBuilder()
                    .add("min", product.minQuantity())
                    .add("max", product.maxQuantity()))
            .add("listed", product.isListed())
            .add("soldOut", product.isSoldOut())
            .add("fields", fields(product, language));
    product.carrier().ifPresent(carrier -> view.add("carrier", carrier.name()));
    return view;
  }

  private static JsonArrayBuilder fields(Product product, BuyerLanguage language) {
    JsonArrayBuilder fields = Jsons.PROVIDER.createArrayBuilder();
    for (BuyerField field : product.type().fields()) {
      JsonObjectBuilder definition =
          Jsons.PROVIDER
              .createObjectBuilder()
              .add("name", field.property())
              .add("label", language.text("BuyerField." + field.property()))
              .add("required", true)
              .add("maxLength", field.maxLength());
      if (field == BuyerField.GAME_SERVER) {
        definition.add("options", Jsons.PROVIDER.createArrayBuilder(product.servers()));
      }
      fields.add(definition);
    }
    return fields;
  }
}
