/**
 * Accounts linked to people, their roles and data scope, login by form and by API token, and the password
 * and lockout policy.
 */
package org.zhiban.identity;
