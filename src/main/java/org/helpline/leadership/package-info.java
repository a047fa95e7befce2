/**
 * Two or more servers sharing one Redis: exactly one is active (it owns the router, the AMI link and the
 * AGI answers), the others stand by. Leadership is a lease in Redis with a fencing number that grows with
 * each new leader; this room campaigns, renews, and steps down at once when the lease is lost. The router
 * knows nothing of it. Depends on store (the lease) and Micrometer.
 */
package org.helpline.leadership;
