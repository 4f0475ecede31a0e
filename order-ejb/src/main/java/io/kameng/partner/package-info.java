/**
 * Kameng's third parties: the payment gateway and the upstream suppliers. Every call to them goes
 * through MicroProfile Fault Tolerance, so a dead or slow partner never stalls the platform.
 */
package io.kameng.partner;
