package io.kameng.reconciliation.control;

import io.kameng.platform.control.PartnerHttp;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/**
 * The sandbox's statements over HTTP: the gateway's trade bill in two calls like Alipay's {@code
 * alipay.data.dataservice.bill.downloadurl.query} (a query that answers a download URL valid for 30
 * seconds, or {@code isp.bill_not_exist} before the bill is ready; then the download), and the
 * supplier's daily CSV.
 */
final class SandboxStatements {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private SandboxStatements() {}

  static boolean tradeBill(LocalDate day, Path target) {
    HttpResponse<String> answer =
        PartnerHttp.send(
            HttpRequest.newBuilder(
                    URI.create(
                        PartnerHttp.sandboxUrl()
                            + "/api/gateway/bills?bill_type=trade&bill_date="
                            + day))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build());
    if (answer.statusCode() != 200) {
      throw failed("The bill query answered HTTP " + answer.statusCode());
    }
    JsonObject json = PartnerHttp.json(answer);
    if ("isp.bill_not_exist".equals(json.getString("sub_code", ""))) {
      return false;
    }
    if (!"10000".equals(json.getString("code", ""))) {
      throw failed("The bill query answered " + json);
    }
    download(URI.create(json.getString("bill_download_url")), target);
    return true;
  }

  static boolean supplierStatement(String line, LocalDate day, Path target) {
    download(
        URI.create(PartnerHttp.sandboxUrl() + "/api/supplier/statements/" + day + "?line=" + line),
        target);
    return true;
  }

  private static void download(URI url, Path target) {
    try {
      HttpResponse<Path> file =
          HTTP.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(5)).GET().build(),
              HttpResponse.BodyHandlers.ofFile(target));
      if (file.statusCode() != 200) {
        throw failed("The download answered HTTP " + file.statusCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("Interrupted");
    }
  }

  private static UncheckedIOException failed(String message) {
    return new UncheckedIOException(new IOException(message));
  }
}
