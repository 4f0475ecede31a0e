/**
 * Who may sign in to the consoles and with which roles: user accounts with PBKDF2 password hashes,
 * and the identity store Jakarta Security asks at sign-in.
 */
package io.kameng.identity;
