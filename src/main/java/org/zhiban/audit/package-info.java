/**
 * The tamper-evident audit trail: every login, write, personal-data reveal and permission change,
 * appended to a hash chain that a check can verify.
 */
package org.zhiban.audit;
