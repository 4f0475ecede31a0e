package io.kameng.storefront.api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The API's front door: which API this is and which version, for clients checking they are right.
 */
@Path("")
public class ApiIndexResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject describe() {
    return Jsons.PROVIDER
        .createObjectBuilder()
        .add("name", "Kameng storefront API")
        .add("version", "v1")
        .add("currency", "CNY")
        .build();
  }
}
