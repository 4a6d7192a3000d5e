/**
 * Leaders' instructions (领导批示办理): registered by the duty office that receives one, numbered per unit and year,
 * forwarded down the tree to the units that must act (转办), each of which signs for it, reports it to its own head
 * at once (第十八条) and feeds back by the deadline its source sets (第十五条: 5 working days for a provincial
 * leader's); the forwarding office accepts or returns each feedback, and grants or refuses extensions. Deadlines come
 * from the registering office's own policy and the official calendar, and every step is on the obligation clock.
 */
package org.zhiban.instruction;
