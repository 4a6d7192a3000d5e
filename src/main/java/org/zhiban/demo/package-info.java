/**
 * The demo organisation for trying Zhiban out: the three jurisdictions of the regulations, their duty
 * offices and people, and demo accounts. Loaded by running the real use cases, never by a migration.
 */
package org.zhiban.demo;
