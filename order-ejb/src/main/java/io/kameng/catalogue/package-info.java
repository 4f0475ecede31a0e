/**
 * What buyers can order: products of a type (game point card, card key, phone or data top-up, game
 * recharge, membership), with a price, a fulfilment channel and the input each type needs from the
 * buyer. The input rules live in {@link io.kameng.catalogue.control.BuyerInputRules}, used by both
 * the REST API and the storefront pages.
 */
package io.kameng.catalogue;
