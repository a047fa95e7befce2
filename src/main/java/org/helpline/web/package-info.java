/**
 * The HTTP server: routes, authentication ({@code web.auth}), health, readiness, metrics and the
 * sockets' entry points. Depends on the rooms it serves.
 */
package org.helpline.web;
