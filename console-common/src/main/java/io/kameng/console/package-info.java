/**
 * What the merchant portal and the admin console share: sign-in with Jakarta Security's custom form
 * mechanism, sign-out, the page layout, the language switch and the message bundles (Chinese by
 * default, English). Each console adds its own pages and says which role may open them.
 */
package io.kameng.console;
