/**
 * Payments: sending the buyer to the payment gateway, taking the gateway's notices (verified,
 * compared, applied once), and the attempts and notices as records. Gateways are adapters ({@link
 * io.kameng.payment.control.PaymentGateway}); the sandbox on Payara Micro is one.
 */
package io.kameng.payment;
