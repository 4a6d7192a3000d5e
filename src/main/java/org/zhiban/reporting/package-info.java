/**
 * Information reporting upward: incidents with their chain of initial, follow-up and final reports by phone and in
 * writing, deadlines from the unit's own policy held by the obligation clock, the superior's inbox with signing for
 * written reports and its findings of missed, concealed and false reports, verification requests (调度核实) with
 * each target's own deadlines, and the holiday daily and nil reports of the X-district standard.
 */
package org.zhiban.reporting;
