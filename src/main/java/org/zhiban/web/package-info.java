/**
 * The page shell: layout, navigation, the trial-mode banner, the home page, error pages, and problem
 * responses for the REST API and its OpenAPI document.
 */
package org.zhiban.web;
