package io.kameng.sandbox.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Says which partner this process plays, so a misconfigured platform URL is easy to spot. */
@Path("")
public class SandboxIndexResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject describe() {
    return Json.createObjectBuilder()
        .add("name", "Kameng partner sandbox")
        .add(
            "plays",
            Json.createArrayBuilder().add("payment-gateway").add("supplier").add("storefront"))
        .build();
  }
}
