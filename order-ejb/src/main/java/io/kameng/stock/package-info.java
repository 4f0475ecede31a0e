/**
 * Card-key stock: keys imported per product (CSV, validated row by row), kept encrypted at rest,
 * and issued to paid orders exactly once. Only the buyer of an order, with its access token, sees
 * its keys in the clear; everywhere else a key is masked.
 */
package io.kameng.stock;
