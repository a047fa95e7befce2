/**
 * Who may use the server: operator and supervisor accounts (a JSON file of PBKDF2 hashes), login with a
 * per-name throttle, sessions kept in the {@link org.helpline.store.HelplineStore} behind an HttpOnly
 * SameSite cookie, the role and origin guard for routes, and the {@code user} command line.
 * Depends on core, store, config and {@link org.helpline.web.ErrorReply}; password hashing never runs on an
 * event loop.
 */
package org.helpline.web.auth;
