/**
 * The small kernel every module may use: the acting account, problem exceptions with stable codes, and the clock.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.zhiban.shared;
