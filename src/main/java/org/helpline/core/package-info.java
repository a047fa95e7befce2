/**
 * The helpline's rules in plain Java: contacts, operators and the {@link org.helpline.core.Router}
 * that queues and offers them, plus the commands and events that travel on the event bus.
 * Depends on nothing but the JDK; time comes from an injected {@link java.time.Clock}.
 */
package org.helpline.core;
