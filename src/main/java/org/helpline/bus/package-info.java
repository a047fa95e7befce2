/**
 * How the rooms talk over the Vert.x event bus: core records travel as they are (local codec),
 * and {@link org.helpline.bus.CommandSender} turns a command's reply into a typed future.
 * Depends on core and Vert.x.
 */
package org.helpline.bus;
