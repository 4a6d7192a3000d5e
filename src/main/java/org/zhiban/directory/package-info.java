/**
 * The duty directory (值班通讯录) and the movements of principals: absence notices of principal leaders filed ahead
 * of departure, with approval and return where the unit's policy asks for them; obituary notices before the farewell
 * ceremony; each against the deadline and article of the filing unit's own policy, counted in the timeliness ledger
 * and put before the superior's duty office.
 */
package org.zhiban.directory;
