/**
 * The partner sandbox: a separate process on Payara Micro that plays Kameng's third parties, the
 * payment gateway and the upstream supplier, and the merchant's storefront that takes the
 * platform's order notices, over real HTTP and with fault injection, the way real partners sit
 * outside the platform.
 */
package io.kameng.sandbox;
