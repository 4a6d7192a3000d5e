package org.zhiban.policy;

/**
 * One rule of a policy: its value and the article it comes from.
 *
 * @param excerpt       the words of the article the value is read from
 * @param toBeConfirmed the regulation gives no number and the value is a default to be confirmed locally
 */
public record PolicyRule(RuleKey key, RuleValue value, String article, String excerpt, boolean toBeConfirmed,
        String note) {

    public String citation(String documentNumber) {
        return documentNumber + " " + article;
    }
}
