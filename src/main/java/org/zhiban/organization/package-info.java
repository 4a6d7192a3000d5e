/**
 * The unit tree of government bodies and their duty offices, and the people in them.
 */
package org.zhiban.organization;
