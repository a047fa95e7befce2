/**
 * The verticle that owns the {@link org.helpline.core.Router} on one event-loop context: it applies
 * commands from the channels, runs the timers, has the store record every change and then publishes
 * the events. Depends on core, bus and store.
 */
package org.helpline.dispatch;
