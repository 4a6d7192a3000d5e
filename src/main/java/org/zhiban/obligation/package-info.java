/**
 * The one clock: every deadline of the regulations as an obligation of one unit, with its reminder, overdue
 * transition and escalations fired exactly once across instances, and the timeliness ledger read by every report.
 * It knows nothing of the domains that open obligations.
 */
package org.zhiban.obligation;
