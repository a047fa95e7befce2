/**
 * The callers' web chat: the {@code /chat/} page and its socket {@code /chat/ws}, chat sessions with
 * their transcripts (kept in the store only while the conversation is open plus the reconnect window),
 * the relay between caller and operator, and reconnection. Talks to the router and to the operators'
 * consoles only through commands and events on the event bus. Depends on core, bus, wire, store and config.
 */
package org.helpline.chat;
