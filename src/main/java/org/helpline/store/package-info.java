/**
 * The {@link org.helpline.store.HelplineStore} port and its adapters: in memory (the default) and Redis.
 * Only this room talks to Redis. Every key it writes has a time-to-live. Depends on core, config,
 * the Vert.x Redis client and Jackson.
 */
package org.helpline.store;
