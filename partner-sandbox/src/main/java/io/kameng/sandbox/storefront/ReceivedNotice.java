package io.kameng.sandbox.storefront;

import java.time.Instant;

/**
 * One webhook delivery attempt as the sandbox storefront saw it, taken or refused: what a test
 * reads back to check that the platform told the merchant's storefront about an order (a delay, a
 * refund, a failure), signed it, and tried again after a refusal.
 *
 * @param receivedAt when it arrived, on the sandbox's clock
 * @param noticeId the notice's id from the body, else from the {@code X-Kameng-Notice-Id} header;
 *     {@code null} if neither holds a whole number
 * @param orderNo the body's {@code orderNo}, or {@code null}
 * @param kind the body's {@code kind} (DELAYED, …), or {@code null}
 * @param signature the {@code X-Kameng-Signature} header as sent ({@code sha256=<hex>}), or {@code
 *     null}
 * @param body the raw body, as UTF-8 text
 * @param taken whether the storefront took it (false: an injected fault refused it)
 * @param status the HTTP status the storefront answered
 */
public record ReceivedNotice(
    Instant receivedAt,
    Long noticeId,
    String orderNo,
    String kind,
    String signature,
    String body,
    boolean taken,
    int status) {}
