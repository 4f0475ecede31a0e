/**
 * Who may sign in to the consoles and with which roles: user accounts with PBKDF2 password hashes,
 * the identity store Jakarta Security asks at sign-in, and the demo accounts of the run command.
 */
package io.kameng.identity;
