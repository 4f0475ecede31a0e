/**
 * The merchant portal at {@code /merchant}: merchants apply for admission, take and fulfil orders,
 * keep card-key stock and see their KPIs and penalties. Only the {@code MERCHANT} role may open it,
 * and a merchant only ever sees its own data.
 */
package io.kameng.merchant;
