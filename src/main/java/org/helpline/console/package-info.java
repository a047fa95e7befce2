/**
 * The operator's side: the {@code /operator/ws} socket (presence, offers, accept, decline, end,
 * wrap-up). Talks to the router only through commands and events. Depends on core, bus and wire.
 */
package org.helpline.console;
