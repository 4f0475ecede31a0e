/**
 * The storefront at {@code /shop}: buyer pages and the public REST API {@code /shop/api/v1} (JSON,
 * errors as {@code application/problem+json}), including the partners' callback endpoints.
 */
package io.kameng.storefront;
