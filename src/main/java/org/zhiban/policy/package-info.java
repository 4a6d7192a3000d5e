/**
 * Duty policies: each jurisdiction's rules as data, every value with the article it comes from, attached to a
 * unit and governing its subtree, which may tighten a value but never loosen it.
 */
package org.zhiban.policy;
